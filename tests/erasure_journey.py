"""A journey that leaves a person's traces in every table, and a search of every table for them.

Léa ("qzlea" on the console) applies as a mentee with a marker in every free field, pairs with
Marc, signs the charter, sets shared and private objectives, logs a meeting with free tags, a
note and action items, plans another, answers the fit check and the final questionnaire, holds
a referent role, has an invitation and audit rows naming her account, and leaves a form
unfinished. Marc, her mentor, writes his own note and objective, which must stay; Rémi is the
pair's referent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.fernet import MultiFernet
from sqlalchemy import LargeBinary, func
from sqlalchemy import select as core_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, select

from bot.sweeps import run_sweeps
from handlers.outgoing import Outgoing
from handlers.staffing import assign_referent
from storage.audit import record
from storage.crypto import decrypt
from storage.db import session_scope
from storage.enums import GrantRole
from storage.followup import dashboard
from storage.models import (
    Identity,
    Invitation,
    Meeting,
    Objective,
    Pair,
    Person,
    Programme,
)
from storage.people import grant
from storage.questionnaires import open_wave
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import MENTOR_FORM, apply

LEA = "qzlea"
MARKS = {
    "organisation": "QZORG-agence",
    "unit": "QZUNIT-service",
    "manager": "QZMANAGER-dupont",
    "job": "QZJOB-cheffe",
    "location": "QZCITY-ville",
    "expectations": "QZEXPECT prendre du recul sur mon poste",
    "motivation": "QZMOTIV progresser avec une personne d'expérience",
    "availability": "QZAVAIL le matin",
    "objective": "QZOBJ réussir ma prise de poste",
    "private_objective": "QZPRIV objectif confidentiel",
    "tag": "QZTAG",
    "note": "QZNOTE note privée de la rencontre",
    "actions": "QZACTION relire le plan",
    "questionnaire": "QZQN réponse libre au questionnaire",
    "form": "QZFORM réponse en cours",
    "invitation": "QZINVITE42",
}
MENTEE_FORM = [
    MARKS["organisation"], MARKS["unit"], MARKS["manager"], MARKS["job"], "3", "1",
    MARKS["location"], "1, 2", MARKS["expectations"], MARKS["motivation"],
    MARKS["availability"], "1", "1",
]  # fmt: skip
KEPT = {"marc_note": "MARCNOTE note du mentor", "marc_objective": "MARCOBJ objectif du mentor"}
OPTION = re.compile(r"^\[(\w+)\]   \d+\. ")
QUESTION = re.compile(r"^\[(\w+)\] \(\d+/\d+\) ")


@dataclass(frozen=True)
class Counts:
    applications: dict[str, int]
    pairs: dict[str, int]
    meetings: dict[str, int]
    objectives: dict[str, int]


def counts(engine: Engine, slug: str = "demo") -> Counts:
    """What coordinators count in a programme: the dashboard's figures, meetings, objectives."""
    with Session(engine) as session:
        programme = session.exec(select(Programme).where(Programme.slug == slug)).one()
        board = dashboard(session, programme, utcnow())
        pairs = select(Pair.id).where(Pair.programme_id == programme.id)
        meetings = session.exec(
            select(Meeting.status, func.count())
            .where(col(Meeting.pair_id).in_(pairs))
            .group_by(Meeting.status)
        )
        objectives = session.exec(
            select(Objective.status, func.count())
            .where(col(Objective.pair_id).in_(pairs))
            .group_by(Objective.status)
        )
        return Counts(
            dict(board.applications), dict(board.pairs_by_state), dict(meetings.all()),
            dict(objectives.all()),
        )  # fmt: skip


def answer_form(dialog: Dialog, name: str, first: str, done: str, text: str) -> str:
    """Answer a form to its end: the first option when there are options, else `text`."""
    said = dialog(f"@{name}\n{first}")
    seen = said
    for _ in range(40):
        if done in said:
            return seen
        mine = [line for line in said.splitlines() if line.startswith(f"[{name}] ")]
        question = [i for i, line in enumerate(mine) if QUESTION.match(line)]
        asked = mine[question[-1] :] if question else mine
        said = dialog("1" if any(OPTION.match(line) for line in asked) else text)
        seen += said
    raise AssertionError(f"{name} never saw {done!r}; seen:\n{seen[-3000:]}")


def step(dialog: Dialog, script: str, expect: str) -> str:
    """Run a script; what it printed must contain `expect`."""
    said = dialog(script)
    assert expect in said, said
    return said


def person_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        return session.exec(select(Identity.person_id).where(Identity.user_key == name)).one()


def lea_everywhere(dialog: Dialog, engine: Engine) -> datetime:
    """Run the whole journey; returns when Léa's planned meeting is."""
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, LEA, "1", MENTEE_FORM)
    step(dialog, f"@{LEA}\n1\n@marc\n1\n1\n@{LEA}\n1", "Votre binôme est lancé")
    objectives = f"{MARKS['objective']}; QZOBJ2 mieux déléguer au quotidien"
    step(dialog, f"@marc\n1\n@{LEA}\n1\n1\n{objectives}\n1\n1\n1", "accord est enregistré")
    step(dialog, "/objectives\n1", "objectif atteint")
    add = "/objectives\nAjouter un objectif\n"
    step(dialog, f"{add}{MARKS['private_objective']}\n2", "Objectif ajouté")
    step(dialog, f"@marc\n{add}{KEPT['marc_objective']}\n1", "Objectif ajouté")
    tags = f"{MARKS['tag']}1, {MARKS['tag']}2"
    held = f"/meeting\n2\nhier 9h\n1\n60\n1\n1, 3\n{tags}\n{MARKS['note']}\n{MARKS['actions']}"
    step(dialog, f"@{LEA}\n{held}", "est notée dans votre journal")
    held = f"/meeting\n2\navant-hier 9h\n1\n60\n1\n1\n-\n{KEPT['marc_note']}\n-"
    step(dialog, f"@marc\n{held}", "est notée dans votre journal")
    step(dialog, f"@{LEA}\n/meeting\n1\ndans une semaine à 10h\n1\n60\n1", ".ics")

    run_sweeps(engine)
    step(dialog, f"@{LEA}\n1\n@marc\n1", "bonne continuation")  # the fit check
    with session_scope(engine) as session:
        pair = session.exec(select(Pair)).one()
        open_wave(session, pair.programme_id, "final", utcnow() - timedelta(hours=1),
                  utcnow() + timedelta(days=14))  # fmt: skip
    assert run_sweeps(engine)["invite_to_open_waves"] == 2
    answer_form(dialog, LEA, "1", "Merci d'avoir pris ce temps", MARKS["questionnaire"])

    dialog("@remi\n/start")
    lea, remi = person_id(engine, LEA), person_id(engine, "remi")
    with session_scope(engine) as session:
        pair = session.exec(select(Pair)).one()
        programme = session.get(Programme, pair.programme_id)
        assert programme is not None
        grant(session, remi, GrantRole.referent, programme.id)
        grant(session, lea, GrantRole.referent, programme.id)
        assign_referent(Outgoing(session, utcnow()), None, programme, pair, remi, via="test")
        session.add(Invitation(code=MARKS["invitation"], person_id=lea, programme_id=programme.id))
        record(session, None, "role.grant", programme.slug, account=f"console:{LEA}", by="cli")
        planned = session.exec(select(Meeting).where(Meeting.status == "planned")).one()
        when = planned.scheduled_at
    dialog(f"@{LEA}\n/export")
    dialog(f"@{LEA}\n/objectives\nAjouter un objectif\n{MARKS['form']}")  # left unfinished
    return when


def traces_left(engine: Engine, cipher: MultiFernet, words: list[str]) -> list[str]:
    """Every (table, column, word) where a word is found, in any text, JSON or binary column;
    the outbox's payloads are read decrypted (its column type does it), notes too."""
    found = []
    lowered = [w.casefold() for w in words]
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for row in conn.execute(core_select(table)).mappings():
                for column in table.columns:
                    value: Any = row[column.name]
                    if isinstance(column.type, LargeBinary) and value is not None:
                        value = decrypt(cipher, bytes(value))
                    text = str(value).casefold()
                    found += [
                        f"{table.name}.{column.name}: {w}"
                        for w, low in zip(words, lowered, strict=True)
                        if low in text
                    ]
    return found


def linked_rows(engine: Engine, person: int) -> dict[str, int]:
    """How many rows of each table have `person_id` (or `author_person_id`) equal to `person`."""
    found = {}
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for name in ("person_id", "author_person_id"):
                if name in table.columns:
                    where = table.columns[name] == person
                    count = conn.execute(core_select(func.count()).where(where)).scalar_one()
                    if count:
                        found[f"{table.name}.{name}"] = count
    return found


def ids_of(engine: Engine, name: str) -> list[str]:
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == name)).one()
        return [w for w in (identity.user_key, identity.chat_key) if w]


def erased(engine: Engine, person: int) -> Person:
    with Session(engine) as session:
        found = session.get(Person, person)
        assert found is not None
        return found
