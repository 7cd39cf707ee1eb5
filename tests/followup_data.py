"""A small programme under way, built by hand so that its follow-up figures are known: two
referents (Rita follows Alice/Bruno and Emma/Farid, Rémi follows Chloé/David), a request still
waiting, and private texts (a private objective, notes) holding MARKER, which no coordinator's
view may show.

Expected, with a target of 6 meetings over a programme of 290 days (one every 48 days) that
started 210 days ago:
- Alice Martin / Bruno Petit (Rita): active for 150 days, 2 held of 3 expected, 1 cancelled,
  1 no-show, last held 70 days ago, nothing planned: overdue; objectives 1 of 3 reached;
  pulse 4,0 then 1,5 (low); 10 days ago Alice alone answered 1 (never shown: one answer).
- Chloé Dubois / David Roux (Rémi): active for 60 days, paused for 10 more days, 1 held of 1
  expected, next in 20 days; objectives 0 of 1; pulse 4,5.
- Emma Leroy / Farid Naji (Rita): completed 10 days ago after 190 days (a pause it had set
  still runs: an ended pair is not paused), 5 held of 3 expected; objectives 2 of 2; pulse 3,0.
- Gabriel Simon / Hugo Blanc: proposed (counted by state, not listed).
Meetings: 8 held, 7 expected, 6 of them held (Emma/Farid's surplus hides no shortfall).
Programme pulse: 60 days ago 2 answers (not shown), 30 days ago 6 answers, mean 3,0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.crypto import encrypt
from storage.enums import GrantRole, MeetingStatus, PairState
from storage.models import Meeting, Objective, Pair, PairCheck, PrivateNote, Programme
from storage.people import grant
from storage.sealed import bind_cipher

MARKER = "SECRET-MARKER-7f3a"
SLUG = "suivi-2027"
NAME = "Mentorat suivi"
MakePerson = Callable[[str, str], int]  # (key, display name) -> person id
OTHER_PAIR = ("Chloé Dubois", "David Roux")  # Rémi's pair: Rita never sees it


@dataclass(frozen=True)
class Built:
    programme_id: int
    people: dict[str, int]


def _meetings(pair_id: int, author: int, now: datetime, plan: list[tuple[int, str]]) -> list:
    return [
        Meeting(
            pair_id=pair_id,
            scheduled_at=now + timedelta(days=days),
            status=status,
            themes=["management"],
            created_by_person_id=author,
        )
        for days, status in plan
    ]


def _pulse(pair: Pair, now: datetime, rounds: list[tuple[int, int, int | None]]) -> list[PairCheck]:
    """Each round's answers (days ago, the mentee's, the mentor's: None when not answered)."""
    assert pair.id is not None
    return [
        PairCheck(
            pair_id=pair.id,
            person_id=person,
            kind="pulse",
            due_on=(now - timedelta(days=ago)).date().isoformat(),
            value=value,
        )
        for ago, mentee_value, mentor_value in rounds
        for person, value in (
            (pair.mentee_person_id, mentee_value),
            (pair.mentor_person_id, mentor_value),
        )
        if value is not None
    ]


def _objectives(pair: Pair, statuses: list[tuple[str, bool]]) -> list[Objective]:
    assert pair.id is not None
    return [
        Objective(
            pair_id=pair.id,
            text=None if private else f"Objectif partagé {i}",
            private=private,
            status=status,
            created_by_person_id=pair.mentee_person_id,
        )
        for i, (status, private) in enumerate(statuses)
    ]


NAMES = {
    "rita": "Rita Référente", "remi": "Rémi Référent", "alice": "Alice Martin",
    "bruno": "Bruno Petit", "chloe": "Chloé Dubois", "david": "David Roux",
    "emma": "Emma Leroy", "farid": "Farid Naji", "gabriel": "Gabriel Simon",
    "hugo": "Hugo Blanc",
}  # fmt: skip
DAY = timedelta(days=1)


def _pairs(session: Session, programme_id: int, people: dict[str, int], now: datetime) -> list:
    """Alice/Bruno, Chloé/David, Emma/Farid (ids set), and the waiting request."""

    def pair(mentee: str, mentor: str, referent: str | None, **fields: object) -> Pair:
        made = Pair(
            programme_id=programme_id,
            mentee_person_id=people[mentee],
            mentor_person_id=people[mentor],
            referent_person_id=people[referent] if referent else None,
            **fields,
        )
        session.add(made)
        session.flush()
        return made

    found = [
        pair("alice", "bruno", "rita", state=PairState.active, activated_at=now - 150 * DAY,
             last_meeting_at=now - 70 * DAY),
        pair("chloe", "david", "remi", state=PairState.active, activated_at=now - 60 * DAY,
             last_meeting_at=now - 30 * DAY, paused_until=now + 10 * DAY),
        pair("emma", "farid", "rita", state=PairState.completed, activated_at=now - 200 * DAY,
             ended_at=now - 10 * DAY, last_meeting_at=now - 20 * DAY,
             paused_until=now + 5 * DAY),
    ]  # fmt: skip
    pair("gabriel", "hugo", None, state=PairState.proposed)
    return found


def _activity(a: Pair, b: Pair, c: Pair, now: datetime) -> list:
    """The pairs' meetings, objectives and pulse answers."""
    assert a.id and b.id and c.id
    held, planned = MeetingStatus.held, MeetingStatus.planned
    return [
        *_meetings(a.id, a.mentee_person_id, now, [
            (-90, held), (-70, held), (-60, MeetingStatus.cancelled),
            (-50, MeetingStatus.no_show),
        ]),
        *_meetings(b.id, b.mentee_person_id, now, [(-30, held), (20, planned)]),
        *_meetings(c.id, c.mentee_person_id, now, [(-d, held) for d in (180, 140, 100, 60, 20)]),
        *_objectives(a, [("reached", False), ("open", True), ("not_reached", False)]),
        *_objectives(b, [("open", False)]),
        *_objectives(c, [("reached", False), ("reached", True)]),
        *_pulse(a, now, [(60, 4, 4), (30, 2, 1), (10, 1, None)]),
        *_pulse(b, now, [(30, 5, 4)]),
        *_pulse(c, now, [(30, 3, 3)]),
    ]  # fmt: skip


def _secrets(pairs: list[Pair], cipher: MultiFernet) -> list[PrivateNote]:
    """Every kind of private text of each pair, holding MARKER."""
    return [
        PrivateNote(
            pair_id=pair.id,
            subject=subject,
            author_person_id=pair.mentee_person_id,
            ciphertext=encrypt(cipher, f"{MARKER} {subject}"),
        )
        for pair in pairs
        for subject in ("meeting_note", "action_items", "objective", "withdraw_reason")
    ]


def build(engine: Engine, cipher: MultiFernet, now: datetime, person: MakePerson) -> Built:
    """The programme, its people (made by `person`), pairs, meetings, objectives and pulses."""
    bind_cipher(engine, cipher)
    people = {key: person(key, shown) for key, shown in NAMES.items()}
    with Session(engine) as session:
        programme = Programme(
            slug=SLUG, name=NAME, target_sessions=6, max_gap_days=56,
            starts_at=now - 210 * DAY, ends_at=now + 80 * DAY,
        )  # fmt: skip
        session.add(programme)
        session.flush()
        assert programme.id is not None
        for key in ("rita", "remi"):
            grant(session, people[key], GrantRole.referent, programme.id)
        pairs = _pairs(session, programme.id, people, now)
        session.add_all([*_activity(*pairs, now), *_secrets(pairs, cipher)])
        session.commit()
        return Built(programme.id, people)
