"""Where a person stands in the programme, read from the tables only: `standing()`.

`/status`, the App Home and the flows that decide "what next" all read the same `Standing`, so
none of them can drift from the others. Nothing here writes, sends or decrypts.

```mermaid
stateDiagram-v2
    no_programme --> in_form: /apply (a form in progress)
    invited --> in_form
    import_to_confirm --> waiting_proposals: confirmed (mentee)
    in_form --> ineligible: a rule unmet
    in_form --> mentor_available: eligible mentor
    in_form --> waiting_proposals: eligible mentee, no proposals yet
    waiting_proposals --> choosing: proposals shown
    choosing --> none_suited: "none suits me"
    choosing --> request_sent: a mentor picked (the mentor: request_received)
    request_sent --> charter_to_sign: accepted
    charter_to_sign --> charter_waiting: signed, the other has not
    charter_waiting --> consent_to_give
    consent_to_give --> objectives_to_set
    objectives_to_set --> active: next meeting, or one to plan; overdue past the longest gap
    active --> paused
    active --> pair_ended: withdrawal, a reported link, erasure (by whom, what remains)
    active --> completed: the programme ends
    pair_ended --> choosing: a mentee offered fresh proposals
    completed --> [*]
    programme_ended --> [*]
```
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, or_, select

from handlers.pair_end_facts import final_questionnaire_to_come, open_final_wave_for
from storage.applications import applications_of
from storage.conversations import load_state
from storage.enums import ApplicationStatus, MeetingStatus, PairState, Role
from storage.matching import REFUSED, latest_round, open_pair_of, proposals_of
from storage.models import (
    Application,
    CharterAcceptance,
    Meeting,
    Pair,
    PairCheck,
    Person,
    Programme,
    QuestionnaireWave,
)
from storage.objectives import objectives_of
from storage.programmes import current_charter

ENDED = (PairState.completed, PairState.withdrawn)


class State(StrEnum):
    in_form = "in_form"
    no_programme = "no_programme"
    invited = "invited"
    import_to_confirm = "import_to_confirm"
    ineligible = "ineligible"
    mentor_available = "mentor_available"
    waiting_proposals = "waiting_proposals"
    choosing = "choosing"
    none_suited = "none_suited"
    request_sent = "request_sent"
    request_received = "request_received"
    charter_to_sign = "charter_to_sign"
    charter_waiting = "charter_waiting"
    consent_to_give = "consent_to_give"
    objectives_to_set = "objectives_to_set"
    paused = "paused"
    active = "active"
    pair_ended = "pair_ended"
    completed = "completed"
    programme_ended = "programme_ended"


class EndedBy(StrEnum):
    me = "me"
    partner = "partner"
    erased = "erased"  # the partner erased their data: never named
    programme = "programme"


@dataclass(frozen=True)
class Standing:
    """The person's state and the facts its texts and buttons need."""

    state: State
    programme: Programme | None = None
    application: Application | None = None
    pair: Pair | None = None
    partner_id: int | None = None
    upcoming: tuple[Meeting, ...] = ()
    held: int = 0
    overdue: bool = False
    ended_by: EndedBy | None = None
    final_wave: QuestionnaireWave | None = None
    final_to_come: bool = False
    objectives_to_review: int = 0


def standing(session: Session, person: Person, now: datetime) -> Standing:
    """Where `person` stands now."""
    assert person.id is not None
    if load_state(session, person.id).flow == "form":
        return Standing(State.in_form)
    pair = open_pair_of(session, person.id)
    if pair is not None:
        return _open_pair(session, person.id, pair, now)
    live = applications_of(session, person.id)
    programmes = {a.programme_id: session.get(Programme, a.programme_id) for a in live}
    if not any(p is not None and p.ended_at is None for p in programmes.values()):
        found = _ended_programme(session, person.id, now, list(programmes.values()))
        if found is not None:
            return found
    return _application(session, person, now, live)


def _open_pair(session: Session, me: int, pair: Pair, now: datetime) -> Standing:
    programme = session.get(Programme, pair.programme_id)
    facts = {"programme": programme, "pair": pair, "partner_id": pair.partner_of(me)}
    if pair.state == PairState.proposed:
        mine = me == pair.mentee_person_id
        return Standing(State.request_sent if mine else State.request_received, **facts)
    charter = current_charter(session, pair.programme_id)
    if charter is not None and not _signed(session, me, charter.id):  # type: ignore[arg-type]
        return Standing(State.charter_to_sign, **facts)
    if pair.state == PairState.awaiting_charter:
        return Standing(State.charter_waiting, **facts)
    if _check(session, pair, me, "consent") is None:
        return Standing(State.consent_to_give, **facts)
    if not objectives_of(session, pair.id):  # type: ignore[arg-type]
        return Standing(State.objectives_to_set, **facts)
    upcoming = upcoming_meetings(session, pair, now)
    held = _held(session, pair)
    if pair.paused_until and pair.paused_until > now:
        return Standing(State.paused, upcoming=upcoming, held=held, **facts)
    overdue = not upcoming and _overdue(pair, programme, now)
    return Standing(State.active, upcoming=upcoming, held=held, overdue=overdue, **facts)


def _signed(session: Session, person_id: int, charter_id: int) -> bool:
    return (
        session.exec(
            select(CharterAcceptance.id).where(
                CharterAcceptance.person_id == person_id, CharterAcceptance.charter_id == charter_id
            )
        ).first()
        is not None
    )


def _check(session: Session, pair: Pair, person_id: int, kind: str) -> PairCheck | None:
    return session.exec(
        select(PairCheck).where(
            PairCheck.pair_id == pair.id, PairCheck.person_id == person_id, PairCheck.kind == kind
        )
    ).first()


def upcoming_meetings(session: Session, pair: Pair, now: datetime) -> tuple[Meeting, ...]:
    """The pair's planned meetings still to come, soonest first."""
    return tuple(
        session.exec(
            select(Meeting)
            .where(
                Meeting.pair_id == pair.id,
                Meeting.status == MeetingStatus.planned,
                col(Meeting.scheduled_at) > now,
            )
            .order_by(col(Meeting.scheduled_at))
        )
    )


def _held(session: Session, pair: Pair) -> int:
    rows = session.exec(
        select(Meeting.id).where(Meeting.pair_id == pair.id, Meeting.status == MeetingStatus.held)
    ).all()
    return len(rows)


def _overdue(pair: Pair, programme: Programme | None, now: datetime) -> bool:
    """No meeting within the programme's longest gap since the last one (or since the start)."""
    since = pair.last_meeting_at or pair.activated_at
    gap = timedelta(days=programme.max_gap_days if programme else 56)
    return since is not None and now - since > gap


def _ended_programme(
    session: Session, me: int, now: datetime, programmes: list[Programme | None]
) -> Standing | None:
    """A member of an ended programme: its completed pair, or the programme alone."""
    row = session.exec(
        select(Pair, Programme)
        .join(Programme, col(Programme.id) == col(Pair.programme_id))
        .where(_member(me), col(Programme.ended_at).is_not(None))
        .order_by(col(Pair.id).desc())
    ).first()
    if row is not None and row[0].state == PairState.completed:
        pair, programme = row
        wave = open_final_wave_for(session, programme, me, now)
        waiting = sum(1 for o in objectives_of(session, pair.id) if o.status == "open")  # type: ignore[arg-type]
        return Standing(
            State.completed,
            programme=programme,
            pair=pair,
            partner_id=pair.partner_of(me),
            final_wave=wave,
            objectives_to_review=waiting,
        )
    ended = row[1] if row is not None else next((p for p in programmes if p), None)
    return Standing(State.programme_ended, programme=ended) if ended is not None else None


def _member(person_id: int) -> ColumnElement[bool]:
    return or_(Pair.mentee_person_id == person_id, Pair.mentor_person_id == person_id)


def _application(
    session: Session, person: Person, now: datetime, live: list[Application]
) -> Standing:
    me = person.id
    assert me is not None
    if any(a.status == ApplicationStatus.submitted and a.source == "import" for a in live):
        return Standing(State.import_to_confirm, application=live[0])
    mentee = next(
        (a for a in live if a.role == Role.mentee and a.status == ApplicationStatus.eligible), None
    )
    if mentee is not None:
        return _mentee_choice(session, mentee)
    ended = last_ended_pair(session, me)
    if ended is not None:
        return _pair_ended(session, me, ended, now)
    mentor = next((a for a in live if a.role == Role.mentor), None)
    if mentor is not None:
        return Standing(State.mentor_available, _programme(session, mentor), mentor)
    refused = _ineligible(session, me)
    if refused is not None:
        return Standing(State.ineligible, _programme(session, refused), refused)
    if live:  # a mentee application neither eligible nor in a pair: still waiting
        return Standing(State.waiting_proposals, _programme(session, live[0]), live[0])
    invited = session.get(Programme, person.programme_id) if person.programme_id else None
    if (
        invited is not None
        and invited.ended_at is None
        and invited.closed_at is None
        and not _applied(session, me, invited.id)  # type: ignore[arg-type]
    ):
        return Standing(State.invited, invited)
    return Standing(State.no_programme)


def _applied(session: Session, person_id: int, programme_id: int) -> bool:
    """Whether the person has any application to the programme, even declined or withdrawn."""
    found = session.exec(
        select(Application.id).where(
            Application.person_id == person_id, Application.programme_id == programme_id
        )
    ).first()
    return found is not None


def _programme(session: Session, application: Application) -> Programme | None:
    return session.get(Programme, application.programme_id)


def _mentee_choice(session: Session, mentee: Application) -> Standing:
    """An eligible mentee: choosing, done with a round that suited nobody, or waiting."""
    assert mentee.id is not None
    programme = _programme(session, mentee)
    round_ = latest_round(session, mentee.id)
    shown = proposals_of(session, mentee.id, round_) if round_ else []
    if any(p.status == "shown" for p in shown):
        return Standing(State.choosing, programme, mentee)
    if shown and all(p.status == REFUSED for p in shown):
        return Standing(State.none_suited, programme, mentee)
    return Standing(State.waiting_proposals, programme, mentee)


def _ineligible(session: Session, person_id: int) -> Application | None:
    return session.exec(
        select(Application)
        .where(
            Application.person_id == person_id,
            Application.status == ApplicationStatus.ineligible,
        )
        .order_by(col(Application.programme_id).desc())
    ).first()


def last_ended_pair(session: Session, person_id: int) -> Pair | None:
    """The person's newest pair that ended (withdrawn, started or not, or completed)."""
    return session.exec(
        select(Pair)
        .where(_member(person_id), col(Pair.state).in_(ENDED))
        .order_by(col(Pair.ended_at).desc(), col(Pair.id).desc())
    ).first()


def ended_pairs_of(session: Session, person_id: int) -> list[Pair]:
    """Every pair of the person that ended after it was formed, newest first: their logs stay
    theirs to read."""
    return list(
        session.exec(
            select(Pair)
            .where(_member(person_id), col(Pair.state).in_(ENDED))
            .order_by(col(Pair.id).desc())
        )
    )


def _pair_ended(session: Session, me: int, pair: Pair, now: datetime) -> Standing:
    partner = pair.partner_of(me)
    other = session.get(Person, partner)
    by = (
        EndedBy.me
        if pair.ended_by_person_id == me
        else EndedBy.erased
        if other is None or other.erased_at is not None
        else EndedBy.partner
        if pair.ended_by_person_id == partner
        else EndedBy.programme
    )
    programme = session.get(Programme, pair.programme_id)
    wave = open_final_wave_for(session, programme, me, now) if programme else None
    return Standing(
        State.pair_ended,
        programme=programme,
        pair=pair,
        partner_id=partner,
        ended_by=by,
        final_wave=wave,
        final_to_come=final_questionnaire_to_come(session, pair, me, now),
    )
