"""The tables: the whole domain of DESIGN.md section 2.

Times are aware UTC (`UTCDateTime`). JSON columns are replaced, never mutated in place, because
SQLAlchemy does not track changes inside them. What a pair writes in confidence lives only in
`PrivateNote`, encrypted; no other table holds it, so a coordinator's query cannot reach it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.enums import ApplicationStatus, MeetingStatus, OutboxStatus, PairState
from storage.sealed import SealedJSON
from storage.types import UTCDateTime, utcnow

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _when(**kw: Any) -> Any:
    return Field(sa_type=UTCDateTime, **kw)


def _json(**kw: Any) -> Any:
    return Field(sa_type=JSON, **kw)


class Programme(SQLModel, table=True):
    """A programme's settings, as `bot.programme_file.ProgrammeSettings` validates them."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    track: str = Field(default="", max_length=200)
    locale: str = Field(default="fr", max_length=8)
    timezone: str = Field(default="Europe/Paris", max_length=64)
    applications_open_at: datetime | None = _when(default=None)
    applications_close_at: datetime | None = _when(default=None)
    starts_at: datetime | None = _when(default=None)
    ends_at: datetime | None = _when(default=None)
    target_sessions: int = 6
    max_gap_days: int = 56
    proposals_count: int = 3
    matching: str = Field(default="on_apply", max_length=16)
    mentor_capacity: int = 1
    answer_delay_days: int = 3
    other_organisation: bool = False
    # Matching preferences: the programme's weights (`bot.domain.preferences.Weights` keys;
    # missing ones take their default) and whether distance counts (meetings in person).
    in_person: bool = False
    weights: dict[str, float] = _json(default_factory=dict)
    free_text_in_synthesis: bool = False
    # Weeks between two "how is it going?" (1-5) asked to each member of an active pair; 0: never.
    pulse_weeks: int = 4
    retention_months: int = 12
    topics: list[str] = _json(default_factory=list)
    themes: list[str] = _json(default_factory=list)
    eligibility: dict[str, Any] = _json(default_factory=dict)
    questionnaires: dict[str, str] = _json(default_factory=dict)
    events: list[dict[str, Any]] = _json(default_factory=list)
    application_questions: list[dict[str, Any]] = _json(default_factory=list)
    alternative: str = Field(default="", max_length=2000)
    # Set once the scheduler has run the cohort matching (`at_close`) and the programme's end.
    matched_at: datetime | None = _when(default=None)
    ended_at: datetime | None = _when(default=None)
    closed_at: datetime | None = _when(default=None)
    # Set by the retention sweep, in the transaction that erases the programme's personal data.
    purged_at: datetime | None = _when(default=None)
    created_at: datetime = _when(default_factory=utcnow)
    updated_at: datetime = _when(default_factory=utcnow)


class CharterVersion(SQLModel, table=True):
    """One version of a programme's charter, in every language it exists in."""

    __table_args__ = (UniqueConstraint("programme_id", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    version: int
    texts: dict[str, str] = _json(default_factory=dict)
    sha256: str = Field(max_length=64)
    created_at: datetime = _when(default_factory=utcnow)


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    display_name: str = Field(default="", max_length=200)
    locale: str = Field(default="fr", max_length=8)
    locale_chosen: bool = False
    timezone: str = Field(default="Europe/Paris", max_length=64)
    # Set once the person picked a zone with /timezone; until then the zone is a guess (the
    # programme's, or a platform's hint) that /timezone offers to correct.
    timezone_chosen: bool = False
    organisation: str = Field(default="", max_length=200)
    unit: str = Field(default="", max_length=200)
    manager: str = Field(default="", max_length=200)
    location: str = Field(default="", max_length=200)
    # The programme named by the invitation link the person came through, if any.
    programme_id: int | None = Field(default=None, foreign_key="programme.id")
    created_at: datetime = _when(default_factory=utcnow)
    erased_at: datetime | None = _when(default=None)


class Identity(SQLModel, table=True):
    """A person's account on one platform; Slack users are keyed by team and user id."""

    __table_args__ = (UniqueConstraint("platform", "team", "user_key"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    platform: str = Field(max_length=16)
    team: str = Field(default="", max_length=64)
    user_key: str = Field(max_length=128)
    chat_key: str = Field(default="", max_length=128)
    created_at: datetime = _when(default_factory=utcnow)


class RoleGrant(SQLModel, table=True):
    """A coordinator role; programme_id None means every programme."""

    __table_args__ = (UniqueConstraint("person_id", "role", "programme_id"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: str = Field(max_length=16)
    programme_id: int | None = Field(default=None, foreign_key="programme.id")
    granted_at: datetime = _when(default_factory=utcnow)
    # A revoked grant stays, so that MENTORBOT_ADMINS does not grant it again at the next start.
    revoked_at: datetime | None = _when(default=None)


class Invitation(SQLModel, table=True):
    """A personal invitation: `/start CODE` joins the account that types it to `person_id`.

    Made for applications imported for someone the bot cannot reach yet (an e-mail address).
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    programme_id: int = Field(foreign_key="programme.id")
    created_at: datetime = _when(default_factory=utcnow)
    used_at: datetime | None = _when(default=None)


class Application(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("programme_id", "person_id", "role"),
        Index("ix_application_programme_status", "programme_id", "role", "status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    role: str = Field(max_length=8)
    status: str = Field(default=ApplicationStatus.draft, max_length=16)
    answers: dict[str, Any] = _json(default_factory=dict)
    ineligible_reason: str = Field(default="", max_length=64)
    # "chat" when the person applied, "import" when a coordinator's file did (to be confirmed).
    source: str = Field(default="chat", max_length=8)
    submitted_at: datetime | None = _when(default=None)
    updated_at: datetime = _when(default_factory=utcnow)


class Proposal(SQLModel, table=True):
    """A mentor suggested to a mentee, with its score and the reasons shown to the mentee."""

    __table_args__ = (
        UniqueConstraint("mentee_application_id", "mentor_application_id", "round"),
        Index("ix_proposal_mentee_round", "mentee_application_id", "round"),
    )
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    mentee_application_id: int = Field(foreign_key="application.id")
    mentor_application_id: int = Field(foreign_key="application.id")
    round: int = 1
    rank: int = 1
    score: float = 0.0
    reasons: list[dict[str, Any]] = _json(default_factory=list)
    status: str = Field(default="shown", max_length=16)
    created_at: datetime = _when(default_factory=utcnow)


class Placement(SQLModel, table=True):
    """A committee programme's draft: the mentor the engine (or a coordinator) places a waiting
    mentee with, before the draft is published. A moved or locked placement survives a new run
    of the engine; the others are recomputed. Published placements become committee pairs."""

    __table_args__ = (UniqueConstraint("programme_id", "mentee_application_id"),)
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    mentee_application_id: int = Field(foreign_key="application.id")
    mentor_application_id: int = Field(foreign_key="application.id")
    score: float = 0.0
    reasons: list[dict[str, Any]] = _json(default_factory=list)
    locked: bool = False
    # Why a coordinator moved the mentee, in their words (coordinators and the audit see it).
    moved_reason: str = Field(default="", max_length=500)
    moved_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = _when(default_factory=utcnow)
    updated_at: datetime = _when(default_factory=utcnow)


class Pair(SQLModel, table=True):
    __table_args__ = (
        Index("ix_pair_programme_state", "programme_id", "state"),
        Index("ix_pair_state_answer_due", "state", "answer_due_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    mentor_person_id: int = Field(foreign_key="person.id", index=True)
    mentee_person_id: int = Field(foreign_key="person.id", index=True)
    referent_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    proposal_id: int | None = Field(default=None, foreign_key="proposal.id")
    state: str = Field(default=PairState.proposed, max_length=20)
    requested_at: datetime = _when(default_factory=utcnow)
    answer_due_at: datetime | None = _when(default=None)
    accepted_at: datetime | None = _when(default=None)
    activated_at: datetime | None = _when(default=None)
    ended_at: datetime | None = _when(default=None)
    ended_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    paused_until: datetime | None = _when(default=None)
    rhythm: str = Field(default="", max_length=200)
    preferred_format: str = Field(default="", max_length=32)
    last_meeting_at: datetime | None = _when(default=None)
    # Set when a committee formed the pair by hand: why, in the coordinator's words.
    committee_reason: str = Field(default="", max_length=500)

    def partner_of(self, person_id: int) -> int:
        """The other member of the pair."""
        return (
            self.mentee_person_id if person_id == self.mentor_person_id else self.mentor_person_id
        )


class CharterAcceptance(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("person_id", "charter_id"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    charter_id: int = Field(foreign_key="charterversion.id")
    sha256: str = Field(max_length=64)
    locale: str = Field(max_length=8)
    accepted_at: datetime = _when(default_factory=utcnow)


class Objective(SQLModel, table=True):
    """An objective of a pair; a private one keeps its text only in PrivateNote."""

    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    text: str | None = Field(default=None, max_length=500)
    private: bool = False
    status: str = Field(default="open", max_length=16)
    created_by_person_id: int = Field(foreign_key="person.id")
    created_at: datetime = _when(default_factory=utcnow)
    closed_at: datetime | None = _when(default=None)


class Meeting(SQLModel, table=True):
    __table_args__ = (
        Index("ix_meeting_pair_when", "pair_id", "scheduled_at"),
        Index("ix_meeting_status_when", "status", "scheduled_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id")
    scheduled_at: datetime = _when()
    duration_minutes: int = 60
    format: str = Field(default="video", max_length=16)
    status: str = Field(default=MeetingStatus.planned, max_length=16)
    themes: list[str] = _json(default_factory=list)
    created_by_person_id: int = Field(foreign_key="person.id")
    created_at: datetime = _when(default_factory=utcnow)
    updated_at: datetime = _when(default_factory=utcnow)


class PrivateNote(SQLModel, table=True):
    """Encrypted text only the pair may read: meeting notes, action items, private objectives,
    withdrawal reasons. Read and written only through `storage.private_notes`."""

    __table_args__ = (Index("ix_privatenote_subject", "pair_id", "subject", "subject_id"),)
    id: int | None = Field(default=None, primary_key=True)
    pair_id: int | None = Field(default=None, foreign_key="pair.id")
    subject: str = Field(max_length=24)
    subject_id: int | None = None
    author_person_id: int = Field(foreign_key="person.id", index=True)
    ciphertext: bytes = Field(sa_type=LargeBinary)
    created_at: datetime = _when(default_factory=utcnow)


class PairCheck(SQLModel, table=True):
    """A side's answer to a check on its pair: fit after the first meeting, or a 1-5 pulse."""

    __table_args__ = (
        UniqueConstraint("pair_id", "person_id", "kind", "due_on"),
        Index("ix_paircheck_kind_pair", "kind", "pair_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    pair_id: int = Field(foreign_key="pair.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    kind: str = Field(max_length=16)
    due_on: str = Field(default="", max_length=10)
    value: int
    answered_at: datetime = _when(default_factory=utcnow)


class QuestionnaireWave(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("programme_id", "kind"),)
    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    kind: str = Field(max_length=16)
    opens_at: datetime = _when()
    closes_at: datetime = _when()
    questions: list[dict[str, Any]] = _json(default_factory=list)
    # The last synthesis shown with figures: when, on how many answers, and a fingerprint of
    # those answers (ids and edit times, never their content); see handlers.synthesis_reading.
    synthesis_read_at: datetime | None = _when(default=None)
    synthesis_answers: int = 0
    synthesis_digest: str = Field(default="", max_length=64)


class QuestionnaireAnswer(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("wave_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    wave_id: int = Field(foreign_key="questionnairewave.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    pair_id: int | None = Field(default=None, foreign_key="pair.id", index=True)
    role: str = Field(max_length=8)
    answers: dict[str, Any] = _json(default_factory=dict)
    submitted_at: datetime | None = _when(default=None)
    updated_at: datetime = _when(default_factory=utcnow)


class Broadcast(SQLModel, table=True):
    """A coordinators' message to a programme's people (`role` empty: everyone); each recipient's
    copy is an outbox row keyed `broadcast:<id>:<person>`."""

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    role: str = Field(default="", max_length=16)
    text: str = Field(max_length=4000)
    sent_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    recipients: int = 0
    created_at: datetime = _when(default_factory=utcnow)


class Outbox(SQLModel, table=True):
    """Something to deliver; `dedup_key` makes a second insert of the same nudge a no-op.

    The payload is encrypted (`SealedJSON`) and emptied once the row is done with; a row with a
    `dedup_key` stays as the record that this nudge went out, one without is deleted.
    """

    __table_args__ = (Index("ix_outbox_status_next", "status", "next_attempt_at"),)
    id: int | None = Field(default=None, primary_key=True)
    dedup_key: str | None = Field(default=None, max_length=200, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=32)
    payload: dict[str, Any] | None = Field(default_factory=dict, sa_type=SealedJSON)
    status: str = Field(default=OutboxStatus.pending, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = _when(default_factory=utcnow)
    claimed_until: datetime | None = _when(default=None)
    sent_at: datetime | None = _when(default=None)
    last_error: str = Field(default="", max_length=500)
    created_at: datetime = _when(default_factory=utcnow)


class ConversationState(SQLModel, table=True):
    """Where a person stands in a flow; kept here so that a restart or another replica resumes."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    flow: str = Field(default="", max_length=32)
    step: str = Field(default="", max_length=64)
    data: dict[str, Any] = _json(default_factory=dict)
    updated_at: datetime = _when(default_factory=utcnow)


class Prompt(SQLModel, table=True):
    """A choice shown to a person; its buttons name it, so a second or stale click is detected."""

    __table_args__ = (Index("ix_prompt_person_open", "person_id", "used_at"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    action: str = Field(max_length=32)
    options: list[dict[str, Any]] = _json(default_factory=list)
    context: dict[str, Any] = _json(default_factory=dict)
    created_at: datetime = _when(default_factory=utcnow)
    used_at: datetime | None = _when(default=None)
    superseded: bool = False
    # Where the adapter showed the prompt's buttons (platform, chat, message and what it needs to
    # redraw it), encrypted because the question's text may be private; `shown_at` says there is
    # one, so that buttons of a prompt answered by typing, or replaced, can be taken away.
    shown_at: datetime | None = _when(default=None)
    shown: dict[str, Any] | None = Field(default=None, sa_type=SealedJSON)


class LinkCode(SQLModel, table=True):
    """A short-lived code from /link: typed on another platform, it joins that account to the
    person who asked for it. Only the code's hash is kept."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    code_hash: str = Field(max_length=64, unique=True)
    platform: str = Field(max_length=16)
    created_at: datetime = _when(default_factory=utcnow)
    expires_at: datetime = _when()
    used_at: datetime | None = _when(default=None)


class InboundReceipt(SQLModel, table=True):
    """An inbound event already handled (Slack event id, Telegram update id)."""

    __table_args__ = (UniqueConstraint("source", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=32)
    key: str = Field(max_length=128)
    received_at: datetime = _when(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    """Append-only: every coordinator action and every access to personal data."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _when(default_factory=utcnow, index=True)
    actor_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    action: str = Field(max_length=64)
    target: str = Field(default="", max_length=128)
    details: dict[str, Any] = _json(default_factory=dict)


class NotesKeyCheck(SQLModel, table=True):
    """A constant encrypted under the notes key at the first start (one row): a start with
    another key is refused at once, instead of writing notes nobody can read next to the old."""

    id: int = Field(default=1, primary_key=True)
    token: bytes = Field(sa_type=LargeBinary)
    created_at: datetime = _when(default_factory=utcnow)
