"""Erasing people (`/erase`, the end of a retention period): what goes, what stays for the
programme's anonymous counts.

Goes: their accounts, /link codes, roles, invitations, charter signatures, fit and pulse answers,
questionnaire answers, buttons, conversation, the notes they wrote, every message addressed to
them, and anything naming them in other people's messages, buttons and forms and in the audit
log (replaced there by a neutral mark: the log stays append-only in what it records).

Stays, with nothing left that names them: their applications (status kept, answers emptied),
their pairs (the referent link cut when they were the referent), the meetings (the programme's
themes only: free tags go) and the objectives (the text they wrote goes), all pointing to an
empty person row. The other member's own notes stay theirs.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from storage.enums import ApplicationStatus, OutboxStatus
from storage.models import (
    Application,
    AuditEvent,
    Broadcast,
    CharterAcceptance,
    ConversationState,
    Identity,
    Invitation,
    LinkCode,
    Meeting,
    Objective,
    Outbox,
    Pair,
    PairCheck,
    Person,
    Placement,
    PrivateNote,
    Programme,
    Prompt,
    Proposal,
    QuestionnaireAnswer,
    RoleGrant,
)
from storage.traces import Traces, traces_of

LEAVING = (
    ApplicationStatus.draft,
    ApplicationStatus.submitted,
    ApplicationStatus.eligible,
    ApplicationStatus.matched,
)
OWN_ROWS = (
    Identity,
    RoleGrant,
    Invitation,
    CharterAcceptance,
    PairCheck,
    QuestionnaireAnswer,
    ConversationState,
    Prompt,
    Outbox,
    LinkCode,
)
DROPPED = "dropped: it named a person whose data was erased"


def leave_programmes(session: Session, person_id: int) -> list[tuple[int, int]]:
    """Withdraw the person's applications to programmes not ended, and take them out of the
    proposals not acted on. Returns (mentee application, round) for each round that lost the
    person as a proposed mentor, so that its mentee can be shown the proposals again."""
    running = select(Programme.id).where(col(Programme.ended_at).is_(None))
    mine = select(Application.id).where(Application.person_id == person_id)
    session.execute(
        update(Application)
        .where(
            col(Application.person_id) == person_id,
            col(Application.programme_id).in_(running),
            col(Application.status).in_(LEAVING),
        )
        .values(status=ApplicationStatus.withdrawn)
    )
    shown = or_(
        col(Proposal.mentor_application_id).in_(mine),
        col(Proposal.mentee_application_id).in_(mine),
    )
    affected = session.exec(
        select(Proposal.mentee_application_id, Proposal.round)
        .where(col(Proposal.status) == "shown", col(Proposal.mentor_application_id).in_(mine))
        .distinct()
    ).all()
    session.execute(delete(Proposal).where(shown, col(Proposal.status) == "shown"))
    session.execute(
        delete(Placement).where(
            or_(
                col(Placement.mentor_application_id).in_(mine),
                col(Placement.mentee_application_id).in_(mine),
            )
        )
    )
    return sorted((application, round_) for application, round_ in affected)


def erase_people(session: Session, people: Collection[int], now: datetime) -> None:
    """Erase everything that names these people (see the module's docstring); several at once
    (the end of a programme's retention) cost one pass over the other tables."""
    ids = sorted(set(people))
    if not ids:
        return
    session.flush()
    traces = traces_of(session, ids)
    for person_id in ids:
        leave_programmes(session, person_id)
    dropped_prompts = _scrub_messages(session, ids, traces)
    _scrub_buttons_and_forms(session, ids, traces, dropped_prompts)
    _scrub_audit(session, traces)
    _scrub_committee_words(session, traces)
    for table in OWN_ROWS:
        session.execute(delete(table).where(col(table.person_id).in_(ids)))  # type: ignore[attr-defined]
    session.execute(delete(PrivateNote).where(col(PrivateNote.author_person_id).in_(ids)))
    _empty_kept_rows(session, ids)
    session.execute(
        update(Person)
        .where(col(Person.id).in_(ids))
        .values(
            display_name="",
            organisation="",
            unit="",
            manager="",
            location="",
            programme_id=None,
            erased_at=now,
        )
    )


def _scrub_messages(session: Session, ids: list[int], traces: Traces) -> set[int]:
    """Other people's messages naming them: a waiting one is dropped (its button with it), a
    delivered one loses its text. Returns the prompts of their buttons."""
    prompts: set[int] = set()
    if traces.pattern is None:
        return prompts
    rows = session.exec(
        select(Outbox).where(col(Outbox.person_id).not_in(ids), col(Outbox.payload).is_not(None))
    ).all()
    for row in rows:
        if not traces.found_in(row.payload):
            continue
        if row.payload and row.payload.get("prompt_id"):
            prompts.add(int(row.payload["prompt_id"]))
        if row.status != OutboxStatus.pending:
            row.payload = None
        elif row.dedup_key is None:
            session.delete(row)
            continue
        else:
            row.payload, row.status, row.last_error = None, OutboxStatus.failed, DROPPED
        session.add(row)
    return prompts


def _forget_where_shown(session: Session, ids: list[int], traces: Traces) -> None:
    """Other people's records of where their buttons were shown (the question's text, sealed)
    go when they name them, or when those buttons are done with anyway: the buttons stay on
    the platform, the copy of the text does not."""
    shown = session.exec(
        select(Prompt)
        .where(col(Prompt.person_id).not_in(ids), col(Prompt.shown_at).is_not(None))
        .execution_options(populate_existing=True)  # read `superseded` as just updated
    ).all()
    for prompt in shown:
        done = prompt.used_at is not None or prompt.superseded
        if done or traces.found_in(prompt.shown):
            prompt.shown, prompt.shown_at = None, None
            session.add(prompt)


def _scrub_buttons_and_forms(
    session: Session, ids: list[int], traces: Traces, prompts: set[int]
) -> None:
    """Other people's buttons naming them go, those of the dropped messages go stale; other
    people's unfinished forms naming them are closed."""
    candidates: dict[int | None, Prompt] = {}
    for column in (Prompt.options, Prompt.context):
        for condition in traces.prefilters(column):
            others = select(Prompt).where(col(Prompt.person_id).not_in(ids), condition)
            candidates |= {prompt.id: prompt for prompt in session.exec(others)}
    naming = {i for i, p in candidates.items() if traces.found_in([p.options, p.context])}
    if naming:
        session.execute(delete(Prompt).where(col(Prompt.id).in_(naming)))
    if prompts - naming:
        session.execute(
            update(Prompt).where(col(Prompt.id).in_(prompts - naming)).values(superseded=True)
        )
    _forget_where_shown(session, ids, traces)
    for condition in traces.prefilters(ConversationState.data):
        states = session.exec(
            select(ConversationState).where(col(ConversationState.person_id).not_in(ids), condition)
        ).all()
        for state in states:
            if traces.found_in(state.data):
                state.flow, state.step, state.data = "", "", {}
                session.add(state)


def _scrub_audit(session: Session, traces: Traces) -> None:
    for condition in traces.prefilters(AuditEvent.details):
        for event in session.exec(select(AuditEvent).where(condition)):
            if traces.found_in(event.details):
                event.details = traces.blot(event.details)
                session.add(event)


def _scrub_committee_words(session: Session, traces: Traces) -> None:
    """A coordinator's reason for a pair or a move, or message to a programme, written about
    other people, that names them is emptied (its copy in the audit is blotted with the rest)."""
    written = ((Pair, "committee_reason"), (Placement, "moved_reason"), (Broadcast, "text"))
    for model, column in written:
        field = getattr(model, column)
        for condition in traces.prefilters(field):
            for row in session.exec(select(model).where(condition)):
                if traces.found_in(getattr(row, column)):
                    setattr(row, column, "")
                    session.add(row)


def _empty_kept_rows(session: Session, ids: list[int]) -> None:
    """The rows the counts need keep their numbers, states and dates, and lose any text."""
    member = or_(col(Pair.mentor_person_id).in_(ids), col(Pair.mentee_person_id).in_(ids))
    pairs = select(Pair.id).where(member)
    theirs = select(Application.id).where(col(Application.person_id).in_(ids))
    session.execute(
        update(Application).where(col(Application.person_id).in_(ids)).values(answers={})
    )
    session.execute(
        update(Proposal)
        .where(
            or_(
                col(Proposal.mentor_application_id).in_(theirs),
                col(Proposal.mentee_application_id).in_(theirs),
            )
        )
        .values(reasons=[])
    )
    session.execute(update(Pair).where(member).values(committee_reason=""))
    referent = col(Pair.referent_person_id).in_(ids)
    session.execute(update(Pair).where(referent).values(referent_person_id=None))
    session.execute(
        update(Objective)
        .where(
            col(Objective.created_by_person_id).in_(ids),
            col(Objective.pair_id).in_(pairs),
            col(Objective.private).is_(False),
        )
        .values(text="")
    )
    keep_programme_themes(session, pairs)


def keep_programme_themes(session: Session, pairs: SelectOfScalar[int]) -> None:
    """The meetings of `pairs` (a query of pair ids) keep the programme's themes only: free
    tags were typed by the pair and may say anything."""
    rows = session.exec(
        select(Meeting, Programme.themes)
        .join(Pair, col(Pair.id) == col(Meeting.pair_id))
        .join(Programme, col(Programme.id) == col(Pair.programme_id))
        .where(col(Meeting.pair_id).in_(pairs))
    ).all()
    for meeting, themes in rows:
        kept = [theme for theme in meeting.themes if theme in themes]
        if kept != meeting.themes:
            meeting.themes = kept
            session.add(meeting)
