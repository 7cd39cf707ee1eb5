"""`/erase` really erases: no table keeps the person's name, ids or free text (the outbox's
decrypted payloads included), the programme's counts stay, the other side is told in its
language without the person's words and is offered a way forward, and its own notes stay."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from alembic import command
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.sweeps import run_sweeps
from handlers.core import Core
from handlers.meeting_notices import sweep_meetings
from handlers.ui import Inbound, Message
from storage.conversations import latest_open_prompt
from storage.db import alembic_config, session_scope, upgrade
from storage.enums import MeetingStatus, OutboxStatus
from storage.erasure import erase_people
from storage.models import (
    CharterAcceptance,
    Identity,
    Invitation,
    Meeting,
    Objective,
    Outbox,
    Pair,
    Person,
    Programme,
    Prompt,
)
from storage.outbox import enqueue
from storage.programmes import current_charter
from storage.types import utcnow
from tests.conftest import Dialog
from tests.erasure_journey import (
    KEPT,
    LEA,
    MARKS,
    counts,
    erased,
    ids_of,
    lea_everywhere,
    linked_rows,
    person_id,
    step,
    traces_left,
)
from tests.journey import MENTEE_FORM, MENTOR_FORM, active_pair, apply
from tests.test_private_at_rest import dump

pytestmark = pytest.mark.usefixtures("programme")


def moved(found: dict[str, int], before: str, after: str) -> dict[str, int]:
    """`found` with one count moved from `before` to `after`."""
    result = dict(found)
    result[before] -= 1
    result[after] = result.get(after, 0) + 1
    return {key: value for key, value in result.items() if value}


def pending_for(engine: Engine, person: int) -> list[Outbox]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(Outbox).where(
                    Outbox.person_id == person, Outbox.status == OutboxStatus.pending
                )
            )
        )


def erase_by_button(core: Core, dialog: Dialog, person: int, name: str) -> str:
    """`/erase` then a click on "yes", handled by the core without delivering the outbox, so
    that what waits there is seen by the erasure."""
    step(dialog, f"@{name}\n/erase", "effacer")
    with Session(core.engine) as session:
        prompt = latest_open_prompt(session, person)
        assert prompt is not None and prompt.action == "erase"
        prompt_id = prompt.id
    replies = core.handle(Inbound(person, prompt_id=prompt_id, option=0))
    return "\n".join(r.item.text for r in replies if isinstance(r.item, Message))


def pick(said: str, name: str) -> str:
    """The number of the proposal of `name` in the last proposals shown."""
    found = re.findall(rf"Choisir (\d+) : {name}$", said, re.MULTILINE)
    assert found, said
    return found[-1]


def lines_of(said: str, name: str) -> str:
    return "\n".join(line for line in said.splitlines() if line.startswith(f"[{name}] "))


def test_erase_leaves_no_trace_keeps_the_counts_and_tells_the_other_side(
    dialog: Dialog, core: Core, engine: Engine, cipher: MultiFernet, db_url: str
) -> None:
    when = lea_everywhere(dialog, engine)
    lea, marc = person_id(engine, LEA), person_id(engine, "marc")
    words = [*MARKS.values(), LEA, *ids_of(engine, LEA)]
    assert len(traces_left(engine, cipher, words)) > 20  # the search finds them before
    before = counts(engine)

    step(dialog, f"@{LEA}\n/erase", "effacer")
    sweep_meetings(engine, when - timedelta(hours=20))  # reminders naming Léa, waiting
    sweep_meetings(engine, when + timedelta(hours=2))  # "did it take place?" buttons, waiting
    waiting = pending_for(engine, marc)
    assert len(waiting) == 2 and all(LEA in (row.payload or {})["text"] for row in waiting)
    held_button = (waiting[1].payload or {})["prompt_id"]
    said = erase_by_button(core, dialog, lea, LEA)
    assert "Vos données sont effacées" in said

    assert traces_left(engine, cipher, words) == []
    stored = dump(engine, db_url)
    assert [m for m in MARKS.values() if m.encode() in stored] == []
    assert traces_left(engine, cipher, list(KEPT.values())) != []  # Marc's own text stays
    assert erased(engine, lea).erased_at is not None
    assert linked_rows(engine, lea) == {"application.person_id": 1}  # kept for the counts
    after = counts(engine)
    assert after.applications == moved(before.applications, "matched", "withdrawn")
    assert after.pairs == moved(before.pairs, "active", "withdrawn")
    assert (after.meetings, after.objectives) == (before.meetings, before.objectives)
    with Session(engine) as session:
        button = session.get(Prompt, held_button)  # the dropped message's button is dead
        assert button is not None and button.superseded
        assert all(row.payload is None for row in session.exec(select(Outbox)) if row.id in
                   {w.id for w in waiting})  # fmt: skip

    said = dialog("@marc\n/status")
    told = lines_of(said, "marc")
    assert "la personne que vous accompagniez a quitté le programme" in told
    assert "La personne avec qui vous formiez un binôme a quitté le programme le" in told
    assert "Votre candidature de mentor reste ouverte" in told
    assert all(word not in told for word in (LEA, *MARKS.values()))
    remi = lines_of(said, "remi")
    assert "La personne accompagnée par le mentor marc a quitté le programme" in remi
    assert LEA not in remi
    export = dialog("@marc\n/export")
    path = export.split("-> ")[1].rsplit(" (", 1)[0]
    with open(path, encoding="utf-8") as handle:
        mine = handle.read()
    assert KEPT["marc_note"] in mine and KEPT["marc_objective"] in mine
    assert all(word not in mine for word in MARKS.values())
    assert "Bonjour et bienvenue" in dialog(f"@{LEA}\n/start")  # a new person now


def test_a_mentor_who_erases_frees_the_mentee_with_new_proposals_and_leaves_the_lists(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    with session_scope(engine) as session:
        session.exec(select(Programme)).one().mentor_capacity = 2
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "paul", "2", MENTOR_FORM)
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    said = dialog(f"@lea\n{pick(said, 'marc')}\n@marc\n1\n1\n@lea\n1")
    assert "Votre binôme est lancé" in said, said
    said = apply(dialog, "nina", "1", MENTEE_FORM)
    assert pick(said, "marc") and pick(said, "paul")
    marc = person_id(engine, "marc")
    dialog("@admin\n/help")  # the admin exists: told when a pair with no referent ends

    erase_by_button(core, dialog, marc, "marc")
    said = dialog("@lea\n/status\n@nina\n/status")
    lea_told, nina_told = lines_of(said, "lea"), lines_of(said, "nina")
    assert "votre mentor a quitté le programme" in lea_told
    assert "Choisir 1 : paul" in lea_told and "marc" not in lea_told
    assert "Un des mentors qui vous étaient proposés a quitté le programme" in nina_told
    assert "Choisir 1 : paul" in nina_told and "marc" not in nina_told
    admin = lines_of(said, "admin")
    assert "Le mentor de lea a quitté le programme" in admin and "marc" not in admin
    said = dialog("@lea\n/status")
    assert "choisir" in said.casefold() and "marc" not in said
    said = dialog("@nina\n1")
    assert "paul" in said and "marc" not in said


def test_a_mentor_asked_who_erases_passes_the_request_to_the_next_choice(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "paul", "2", MENTOR_FORM)
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    step(dialog, f"@lea\n{pick(said, 'marc')}", "J'ai transmis votre demande à marc")
    first, second = "marc", "paul"
    erase_by_button(core, dialog, person_id(engine, first), first)
    said = dialog("@lea\n/status")
    assert f"J'ai transmis votre demande à votre choix suivant, {second}" in said
    assert first not in lines_of(said, "lea")
    said = dialog(f"@{second}\n1")
    assert "Vous avez accepté" in said or "charte" in said, said


def test_a_mentee_who_erases_withdraws_the_request_and_its_buttons(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    step(dialog, "@lea\n1", "J'ai transmis votre demande à marc")
    erase_by_button(core, dialog, person_id(engine, "lea"), "lea")
    said = dialog("@marc\n/status")
    assert "La demande de mentorat que vous aviez reçue n'est plus d'actualité" in said
    assert "lea" not in lines_of(said, "marc")
    with Session(engine) as session:
        left = session.exec(
            select(Prompt).where(
                Prompt.action == "mentor-answer",
                col(Prompt.used_at).is_(None),
                col(Prompt.superseded).is_(False),
            )
        ).all()
        assert left == []
        assert session.exec(select(Pair.state)).all() == ["withdrawn"]


def test_erasing_someone_in_an_ended_programme_changes_no_count(
    dialog: Dialog, core: Core, engine: Engine, cipher: MultiFernet
) -> None:
    active_pair(dialog, mentor="marc", mentee="lea")
    dialog("@marc\n1\n@lea\n1\n1\nRéussir ma prise de poste en douceur\n1\n1\n1")
    dialog("@lea\n/meeting\n2\nhier 9h\n1\n60\n1\n1\nbalade\nNote de Léa en détail\n-")
    with session_scope(engine) as session:
        session.exec(select(Programme)).one().ends_at = utcnow() - timedelta(hours=1)
    run_sweeps(engine)
    before = counts(engine)
    assert before.pairs == {"completed": 1}
    erase_by_button(core, dialog, person_id(engine, "lea"), "lea")
    assert counts(engine) == before
    assert traces_left(engine, cipher, ["Réussir ma prise", "balade", "Note de Léa"]) == []
    with Session(engine) as session:
        meeting = session.exec(select(Meeting)).one()
        assert meeting.status == MeetingStatus.held and meeting.themes  # the theme stays


def test_the_migration_finishes_earlier_erasures(engine: Engine, programme: int) -> None:
    with session_scope(engine) as session:
        gone = Person(display_name="", erased_at=utcnow())
        marc = Person(display_name="Marc")
        session.add_all([gone, marc])
        session.flush()
        assert gone.id is not None and marc.id is not None
        charter = current_charter(session, programme)
        assert charter is not None and charter.id is not None
        session.add(CharterAcceptance(person_id=gone.id, charter_id=charter.id, sha256="x",
                                      locale="fr"))  # fmt: skip
        session.add(Invitation(code="QZOLDCODE", person_id=gone.id, programme_id=programme))
        pair = Pair(programme_id=programme, mentor_person_id=marc.id, mentee_person_id=gone.id)
        session.add(pair)
        session.flush()
        for author in (gone.id, marc.id):
            session.add(
                Objective(pair_id=pair.id, text=f"QZOLD {author}", created_by_person_id=author)
            )
        enqueue(session, gone.id, "message", {"type": "message", "text": "QZOLD message"})
    command.downgrade(alembic_config(engine), "0004")
    upgrade(engine)
    with Session(engine) as session:
        assert session.exec(select(CharterAcceptance)).all() == []
        assert session.exec(select(Invitation)).all() == []
        assert session.exec(select(Outbox)).all() == []
        texts = sorted(o.text or "" for o in session.exec(select(Objective)))
        assert texts == ["", f"QZOLD {marc.id}"]


def test_erasure_forgets_where_other_peoples_buttons_named_them(engine: Engine) -> None:
    """Another person's record of a shown question (sealed) goes when it names the erased
    person, by name or Slack id, or when the question is done with; the rest stays."""
    with session_scope(engine) as session:
        lea, marc = Person(display_name="Léa Martin"), Person(display_name="Marc")
        session.add_all([lea, marc])
        session.flush()
        session.add(Identity(person_id=lea.id, platform="slack", team="T1", user_key="ULEAXYZ"))
        now = utcnow()
        shown = {
            "by_name": {"text": "Léa Martin vous propose une rencontre"},
            "by_mention": {"blocks": [{"text": "<@ULEAXYZ> a accepté"}]},
            "unrelated": {"text": "Votre prochaine rencontre ?"},
        }
        for label, where in shown.items():
            prompt = Prompt(person_id=marc.id, action=label, shown=where, shown_at=now)
            session.add(prompt)
        session.add(Prompt(person_id=marc.id, action="done", used_at=now, shown={"t": "x"},
                           shown_at=now))  # fmt: skip
        lea_id = lea.id
    with session_scope(engine) as session:
        erase_people(session, [lea_id], utcnow())  # type: ignore[list-item]
    with Session(engine) as session:
        kept = {p.action: p.shown for p in session.exec(select(Prompt)) if p.shown_at}
        assert kept == {"unrelated": {"text": "Votre prochaine rencontre ?"}}
