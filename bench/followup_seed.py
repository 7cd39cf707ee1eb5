"""A programme under way, for the follow-up benchmark and tests: pairs in every state, each with
held, cancelled, missed and planned meetings, objectives (some private), pulse answers, and
private notes whose text is `marker` (so that a test can look for it in every coordinator's
output). Inserted in bulk; the private texts are encrypted as the flows encrypt them.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from cryptography.fernet import MultiFernet
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from bench.seed import seed_people
from bot.demo import ensure_demo_programme
from storage.crypto import encrypt
from storage.enums import MeetingStatus, PairState
from storage.models import Meeting, Objective, Pair, PairCheck, PrivateNote, Programme
from storage.sealed import bind_cipher

FORMATS = ("video", "in_person", "phone")
THEMES = ("prise de poste", "management", "budget", "réseau", "équilibre")
STATES = (
    [PairState.active] * 14 + [PairState.completed] * 3 + [PairState.withdrawn, PairState.proposed]
)
PRIVATE_SUBJECTS = ("meeting_note", "action_items", "objective", "withdraw_reason")


def seed_followup(
    engine: Engine,
    programme_id: int,
    pairs: int,
    cipher: MultiFernet,
    now: datetime,
    marker: str = "",
    seed: int = 7,
) -> list[int]:
    """`pairs` pairs of the programme, started up to five months before `now`; their ids."""
    rng = random.Random(seed)
    with engine.connect() as conn:
        referents = seed_people(engine, max(1, pairs // 25), platform="bench-referent")
        programme_exists = conn.execute(
            select(Programme.id).where(Programme.id == programme_id)
        ).scalar()
    assert programme_exists is not None, "the programme must exist"
    people = seed_people(engine, 2 * pairs)
    rows = []
    for i in range(pairs):
        state = STATES[i % len(STATES)]
        activated = now - timedelta(days=rng.randint(10, 150))
        ended = state in (PairState.completed, PairState.withdrawn)
        paused = now + timedelta(days=10) if i % 23 == 5 and state == PairState.active else None
        rows.append(
            {
                "programme_id": programme_id,
                "mentor_person_id": people[2 * i],
                "mentee_person_id": people[2 * i + 1],
                "referent_person_id": referents[i % len(referents)],
                "state": state,
                "requested_at": activated - timedelta(days=7),
                "activated_at": None if state == PairState.proposed else activated,
                "ended_at": now - timedelta(days=2) if ended else None,
                "ended_by_person_id": people[2 * i + 1] if ended else None,
                "paused_until": paused,
                "rhythm": "",
                "preferred_format": "",
                "committee_reason": "",
            }
        )
    with engine.begin() as conn:
        ids = [
            conn.execute(insert(Pair).values(**row).returning(Pair.id)).scalar_one() for row in rows
        ]
    meetings, objectives, checks, notes = [], [], [], []
    for pair_id, row in zip(ids, rows, strict=True):
        activated = row["activated_at"]
        if activated is None:
            continue
        mentee, mentor = row["mentee_person_id"], row["mentor_person_id"]
        held = rng.randint(0, 5)
        for k in range(held + 2):
            when = activated + timedelta(days=28 * (k + 1) + rng.randint(0, 5))
            status = MeetingStatus.held if k < held else rng.choice(list(MeetingStatus))
            if when > now and status != MeetingStatus.planned:
                continue
            meetings.append(
                {
                    "pair_id": pair_id,
                    "scheduled_at": when,
                    "duration_minutes": rng.choice((45, 60, 90)),
                    "format": rng.choice(FORMATS),
                    "status": status,
                    "themes": rng.sample(THEMES, 2),
                    "created_by_person_id": mentee,
                    "created_at": activated,
                    "updated_at": activated,
                }
            )
        for k in range(rng.randint(1, 4)):
            private = k % 2 == 1
            objectives.append(
                {
                    "pair_id": pair_id,
                    "text": None if private else f"objectif partagé {k}",
                    "private": private,
                    "status": rng.choice(("open", "reached", "not_reached")),
                    "created_by_person_id": mentee,
                    "created_at": activated,
                }
            )
        # Pulse rounds are the programme's (every four weeks from its start), not the pair's.
        for week in range(4, 24, 4):
            due = now - timedelta(weeks=24) + timedelta(weeks=week)
            if due < activated:
                continue
            for person in (mentee, mentor):
                checks.append(
                    {
                        "pair_id": pair_id,
                        "person_id": person,
                        "kind": "pulse",
                        "due_on": due.date().isoformat(),
                        "value": rng.randint(1, 5),
                        "answered_at": due,
                    }
                )
        if marker:
            for subject in PRIVATE_SUBJECTS:
                notes.append(
                    {
                        "pair_id": pair_id,
                        "subject": subject,
                        "subject_id": None,
                        "author_person_id": mentee,
                        "ciphertext": encrypt(cipher, f"{marker} {subject} {pair_id}"),
                        "created_at": activated,
                    }
                )
    last_held: dict[int, datetime] = {}
    for meeting in meetings:
        if meeting["status"] == MeetingStatus.held:
            pair_id = meeting["pair_id"]
            last_held[pair_id] = max(
                last_held.get(pair_id, meeting["scheduled_at"]), meeting["scheduled_at"]
            )
    with engine.begin() as conn:
        for pair_id, when in last_held.items():
            conn.execute(update(Pair).where(Pair.id == pair_id).values(last_meeting_at=when))
        for table, values in (
            (Meeting, meetings),
            (Objective, objectives),
            (PairCheck, checks),
            (PrivateNote, notes),
        ):
            if values:
                conn.execute(insert(table), values)
    return ids


def seed_demo_followup(engine: Engine, pairs: int, cipher: MultiFernet, now: datetime) -> int:
    """The demo programme with `pairs` pairs under way (no marker); its id."""
    bind_cipher(engine, cipher)
    ensure_demo_programme(engine)
    with engine.connect() as conn:
        programme_id = conn.execute(select(Programme.id).order_by(Programme.id)).scalar_one()
    seed_followup(engine, programme_id, pairs, cipher, now)
    return programme_id
