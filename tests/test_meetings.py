"""Meetings of an active pair: plan (with its .ics), log, edit, delete, "did it take place?",
reminders, and every wrong click refused without a change."""

from __future__ import annotations

import re
from datetime import UTC, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cryptography.fernet import MultiFernet
from icalendar import Calendar
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, select

from handlers.core import Core
from handlers.meeting_notices import ask_if_held, sweep_meetings
from handlers.outgoing import Outgoing
from handlers.ui import Inbound, Message
from storage import private_notes
from storage.conversations import open_prompt
from storage.db import session_scope
from storage.meetings import due_held_checks, due_reminders
from storage.models import (
    ConversationState,
    Identity,
    Meeting,
    Outbox,
    Pair,
    PrivateNote,
    Programme,
    Prompt,
)
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, active_pair, apply

pytestmark = pytest.mark.usefixtures("programme")

SECRET = "Léa hésite à quitter son poste, à garder pour nous"
PARIS = ZoneInfo("Europe/Paris")


def person_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        identity = session.exec(select(Identity).where(Identity.user_key == name)).one()
        return identity.person_id


def the_pair(engine: Engine) -> Pair:
    with Session(engine) as session:
        return session.exec(select(Pair)).one()


def meetings(engine: Engine) -> list[Meeting]:
    with Session(engine) as session:
        return list(session.exec(select(Meeting).order_by(col(Meeting.scheduled_at))))


def plan(dialog: Dialog, who: str, when: str, minutes: str = "60", fmt: str = "1") -> str:
    return dialog(f"@{who}\n/meeting\nPlanifier une rencontre\n{when}\n1\n{minutes}\n{fmt}")


def log_held(dialog: Dialog, who: str, note: str = SECRET) -> str:
    answers = ["hier 10h", "1", "90", "2", "1, 4", "télétravail, budget", note, "Appeler Paul"]
    return dialog("\n".join([f"@{who}", "/meeting", "Noter une rencontre qui a eu lieu", *answers]))


def ics_files(said: str) -> list[Path]:
    return [Path(p) for p in re.findall(r"-> (\S+\.ics) ", said)]


def event_of(path: Path) -> dict:
    calendar = Calendar.from_ical(path.read_bytes())
    event = calendar.walk("VEVENT")[0]
    return {
        "method": str(calendar["METHOD"]),
        "uid": str(event["UID"]),
        "start": event.decoded("DTSTART"),
        "duration": event.decoded("DURATION"),
        "summary": str(event["SUMMARY"]),
        "sequence": int(event["SEQUENCE"]),
        "status": str(event["STATUS"]),
        "raw": path.read_text(encoding="utf-8"),
    }


def click(dialog: Dialog, core: Core, who: str, prompt_id: int, option: int) -> str:
    """`who` clicks option `option` (from 0) of prompt `prompt_id`; what everyone was sent."""
    replies = core.handle(Inbound(person_id(core.engine, who), prompt_id=prompt_id, option=option))
    said = "".join(f"[{who}] {r.item.text}\n" for r in replies if isinstance(r.item, Message))
    start = dialog.out.tell()
    dialog.adapter.flush_outbox()
    dialog.out.seek(start)
    return said + dialog.out.read()


def open_prompts(engine: Engine, who: str, action: str) -> list[Prompt]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(Prompt)
                .where(
                    Prompt.person_id == person_id(engine, who),
                    Prompt.action == action,
                    col(Prompt.used_at).is_(None),
                    col(Prompt.superseded).is_(False),
                )
                .order_by(col(Prompt.id))
            )
        )


def held_check_prompts(engine: Engine) -> dict[str, int]:
    """The prompt each person's queued "did it take place?" message carries."""
    with Session(engine) as session:
        rows = session.exec(
            select(Outbox, Identity)
            .join(Identity, col(Identity.person_id) == col(Outbox.person_id))
            .where(col(Outbox.dedup_key).startswith("meeting-held:"))
        ).all()
        return {identity.user_key: row.payload["prompt_id"] for row, identity in rows}


def move(engine: Engine, meeting_id: int, **changes: object) -> None:
    with session_scope(engine) as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        for name, value in changes.items():
            setattr(meeting, name, value)
        session.add(meeting)


def test_a_meeting_planned_next_tuesday_sends_both_a_calendar_file(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    before = utcnow()
    said = plan(dialog, "lea", "mardi prochain 14h", "45", "1")
    assert "[lea] J'ai compris : mardi" in said and "14:00. C'est bien ça ?" in said
    assert "[lea] C'est noté : rencontre prévue le mardi" in said
    assert "[marc] lea a planifié votre prochaine rencontre le mardi" in said
    [meeting] = meetings(engine)
    assert (meeting.status, meeting.duration_minutes, meeting.format) == ("planned", 45, "video")
    local = meeting.scheduled_at.astimezone(PARIS)
    assert (local.weekday(), local.hour, local.minute) == (1, 14, 0)
    assert before < meeting.scheduled_at < before + timedelta(days=8)
    files = ics_files(said)
    assert len(files) == 2
    event = event_of(files[-1])
    assert event["method"] == "PUBLISH"
    assert event["uid"] == f"meeting-{meeting.id}@mentorbot"
    assert event["start"] == meeting.scheduled_at and event["start"].utcoffset() == timedelta(0)
    assert f"DTSTART:{meeting.scheduled_at.astimezone(UTC):%Y%m%dT%H%M%S}Z" in event["raw"]
    assert event["duration"] == timedelta(minutes=45)
    assert event["summary"] == "Mentorat : marc / lea"
    assert event["status"] == "CONFIRMED"


def test_a_past_date_for_a_planned_meeting_is_refused_and_asked_again(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    said = dialog("@lea\n/meeting\nPlanifier une rencontre\nhier 14h")
    assert "[lea] Cette date est déjà passée. Donnez une date à venir, par exemple" in said
    after_error = said.split("Cette date est déjà passée")[1]
    assert "(1/3) Quand aura lieu la rencontre ?" in after_error
    assert meetings(engine) == []
    said = dialog("@lea\nn'importe quoi\ndans trois jours 10h\n1\n=\n3")
    assert "Je n'ai pas compris cette date. Exemples" in said
    assert "[lea] C'est noté : rencontre prévue" in said
    assert [m.format for m in meetings(engine)] == ["phone"]


def test_a_held_meeting_keeps_its_note_encrypted_and_readable_by_the_pair_only(
    dialog: Dialog, engine: Engine, cipher: MultiFernet
) -> None:
    active_pair(dialog)
    said = log_held(dialog, "marc")
    assert "[marc] Merci ! La rencontre du" in said
    assert "[lea] marc a noté votre rencontre du" in said
    assert SECRET not in said.split("[lea] marc a noté")[1]
    [meeting] = meetings(engine)
    assert meeting.status == "held" and meeting.duration_minutes == 90
    assert meeting.themes == ["prise de poste", "budget et finances", "télétravail", "budget"]
    assert the_pair(engine).last_meeting_at == meeting.scheduled_at
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for row in conn.execute(sa_select(table)):
                for value in row:
                    if isinstance(value, bytes):
                        assert SECRET.encode() not in value, table.name
                    else:
                        assert SECRET not in str(value), table.name
    with Session(engine) as session:
        notes = session.exec(select(PrivateNote)).all()
        assert {(n.subject, n.subject_id) for n in notes} == {
            ("meeting_note", meeting.id),
            ("action_items", meeting.id),
        }
        pair = session.exec(select(Pair)).one()
        [(_, text)] = private_notes.read(
            session, cipher, pair, person_id(engine, "lea"), "meeting_note", meeting.id
        )
        assert text == SECRET
    for who in ("lea", "marc"):
        said = dialog(f"@{who}\n/meeting")
        assert f"[{who}] 1. " in said and "· 90 min · En présentiel · tenue" in said
        assert f"[{who}]    Thèmes : prise de poste, budget et finances, télétravail" in said
        assert f"[{who}]    Note privée : {SECRET}" in said
        assert f"[{who}]    Actions à mener : Appeler Paul" in said
    said = dialog("@lea\nModifier une rencontre\n1")
    assert "[lea] Voici la rencontre telle qu'elle est enregistrée :" in said
    assert f"[lea]    Note privée : {SECRET}" in said


def test_tags_too_long_are_refused_and_the_field_asked_again(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    long_tag = "x" * 41
    answers = ["hier 10h", "1", "60", "1", "-", f"court, {long_tag}", "-", "-"]
    said = dialog("\n".join(["@lea", "/meeting", "Noter une rencontre qui a eu lieu", *answers]))
    assert f"Le mot-clé « {long_tag} » est trop long : 40 caractères au plus." in said
    assert "(5/7) D'autres thèmes" in said.split("est trop long")[1]
    assert meetings(engine) == []
    said = dialog("@lea\ncourt\n-\n-")
    assert "[lea] Merci ! La rencontre du" in said
    assert [m.themes for m in meetings(engine)] == [["court"]]


def test_a_held_meeting_is_edited_and_its_note_replaced_or_erased(
    dialog: Dialog, engine: Engine, cipher: MultiFernet
) -> None:
    active_pair(dialog)
    log_held(dialog, "marc")
    [before] = meetings(engine)
    said = dialog("@lea\n/meeting\nModifier une rencontre\n1\n=\n45\n=\n=\n-\nNouvelle note\n-")
    assert "[lea] C'est fait : la rencontre du" in said
    assert "[marc] lea a mis à jour votre rencontre" in said
    [after] = meetings(engine)
    assert (after.id, after.scheduled_at, after.format) == (
        before.id,
        before.scheduled_at,
        "in_person",
    )
    assert after.duration_minutes == 45
    assert after.themes == ["prise de poste", "budget et finances"]
    lea = person_id(engine, "lea")
    with Session(engine) as session:
        pair = session.exec(select(Pair)).one()
        notes = private_notes.read(session, cipher, pair, lea, "meeting_note", after.id)
        actions = private_notes.read(session, cipher, pair, lea, "action_items", after.id)
        assert [text for _, text in notes] == ["Nouvelle note"]
        assert [text for _, text in actions] == ["Appeler Paul"]
    dialog("@marc\n/meeting\nModifier une rencontre\n1\n=\n=\n=\n=\n=\neffacer\n=")
    with Session(engine) as session:
        assert session.exec(select(PrivateNote.subject)).all() == ["action_items"]


def test_moving_a_planned_meeting_sends_an_updated_calendar_file(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    first = event_of(ics_files(plan(dialog, "lea", "dans 3 jours 10h"))[-1])
    said = dialog("@marc\n/meeting\nModifier une rencontre\n1\ndans 4 jours 11h\n1\n=\n=")
    assert "[marc] C'est fait : la rencontre du" in said
    assert "[lea] marc a mis à jour votre rencontre, désormais le" in said
    [meeting] = meetings(engine)
    second = event_of(ics_files(said)[-1])
    assert second["uid"] == first["uid"]
    assert second["sequence"] > first["sequence"]
    assert second["start"] == meeting.scheduled_at != first["start"]


def test_a_meeting_is_deleted_with_its_private_texts_after_confirmation(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    log_held(dialog, "marc")
    said = dialog("@lea\n/meeting\nSupprimer une rencontre\n1\nNon, la garder")
    assert "[lea] Très bien, rien n'a changé." in said
    assert len(meetings(engine)) == 1
    said = dialog("@lea\n/meeting\nSupprimer une rencontre\n1\nOui, la supprimer")
    assert "[lea] La rencontre du" in said and "est supprimée." in said
    assert "[marc] lea a supprimé la rencontre du" in said
    assert meetings(engine) == []
    assert the_pair(engine).last_meeting_at is None
    with Session(engine) as session:
        assert session.exec(select(PrivateNote)).all() == []


def test_cancelling_a_coming_meeting_sends_a_cancelled_calendar_file(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    plan(dialog, "lea", "dans 3 jours 10h")
    said = dialog("@marc\n/meeting\nAnnuler une rencontre, ou dire si elle a eu lieu\n1")
    assert (
        "[marc] La rencontre du" in said and "est encore à venir. Voulez-vous l'annuler ?" in said
    )
    assert "Oui, elle a eu lieu" not in said
    said = dialog("@marc\nElle a été annulée")
    assert "[marc] C'est noté : la rencontre du" in said and "est marquée « annulée »." in said
    assert "[lea] marc a marqué votre rencontre du" in said
    assert event_of(ics_files(said)[-1])["status"] == "CANCELLED"
    assert [m.status for m in meetings(engine)] == ["cancelled"]


def test_both_are_asked_if_it_took_place_and_only_the_first_answer_counts(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    active_pair(dialog)
    plan(dialog, "lea", "dans 3 jours 10h")
    [meeting] = meetings(engine)
    start = utcnow() - timedelta(hours=2)
    move(engine, meeting.id, scheduled_at=start)
    with session_scope(engine) as session:
        [due] = due_held_checks(session, utcnow())
        assert due.id == meeting.id
        assert ask_if_held(Outgoing(session, utcnow()), due) == 2
    with session_scope(engine) as session:
        assert ask_if_held(Outgoing(session, utcnow()), due) == 0
    assert sweep_meetings(engine, utcnow()) == 0
    start_out = dialog.out.tell()
    dialog.adapter.flush_outbox()
    dialog.out.seek(start_out)
    said = dialog.out.read()
    for who, other in (("lea", "marc"), ("marc", "lea")):
        assert f"[{who}] Votre rencontre avec {other}, prévue le" in said
        assert f"[{who}]   1. Oui, elle a eu lieu" in said
    sent = held_check_prompts(engine)
    [lea_prompt] = open_prompts(engine, "lea", "meeting-held")
    [marc_prompt] = open_prompts(engine, "marc", "meeting-held")
    assert sent == {"lea": lea_prompt.id, "marc": marc_prompt.id}
    assert lea_prompt.context == marc_prompt.context == {"meeting": meeting.id}

    said = click(dialog, core, "lea", lea_prompt.id, 0)
    assert "[lea] C'est noté : la rencontre du" in said and "est marquée « tenue »." in said
    assert "[marc] lea a marqué votre rencontre du" in said
    [held] = meetings(engine)
    assert held.status == "held"
    assert the_pair(engine).last_meeting_at == held.scheduled_at

    said = click(dialog, core, "marc", marc_prompt.id, 1)
    assert "[marc] C'est déjà enregistré : cette rencontre est marquée « tenue »." in said
    assert "[lea]" not in said
    assert [m.status for m in meetings(engine)] == ["held"]
    said = click(dialog, core, "lea", lea_prompt.id, 2)
    assert "[lea] C'est déjà pris en compte : ce bouton a déjà servi." in said
    assert [m.status for m in meetings(engine)] == ["held"]
    with session_scope(engine) as session:
        assert due_held_checks(session, utcnow()) == []


def test_the_sweep_reminds_and_asks_once_for_meetings_due(dialog: Dialog, engine: Engine) -> None:
    active_pair(dialog)
    plan(dialog, "lea", "dans 3 jours 10h")
    [meeting] = meetings(engine)
    move(engine, meeting.id, scheduled_at=utcnow() + timedelta(hours=20))
    with session_scope(engine) as session:
        assert due_reminders(session, utcnow()) == []
    move(engine, meeting.id, updated_at=utcnow() - timedelta(days=3))
    with session_scope(engine) as session:
        assert [m.id for m in due_reminders(session, utcnow())] == [meeting.id]
        past = Meeting(
            pair_id=meeting.pair_id,
            scheduled_at=utcnow() - timedelta(hours=3),
            created_by_person_id=meeting.created_by_person_id,
        )
        session.add(past)
    assert sweep_meetings(engine, utcnow()) == 4
    assert sweep_meetings(engine, utcnow()) == 0
    assert len(open_prompts(engine, "lea", "meeting-held")) == 1
    with session_scope(engine) as session:
        keys = session.exec(select(Outbox.dedup_key).where(col(Outbox.kind) == "message")).all()
        assert sum((k or "").startswith(f"meeting-reminder:{meeting.id}:") for k in keys) == 2
    dialog.adapter.flush_outbox()
    assert "[marc] Rappel : vous retrouvez lea le" in dialog.out.getvalue()


def test_someone_outside_the_pair_cannot_act_on_its_meetings(
    dialog: Dialog, core: Core, engine: Engine
) -> None:
    active_pair(dialog)
    plan(dialog, "lea", "dans 3 jours 10h")
    [meeting] = meetings(engine)
    said = dialog("@nina\n/meeting")
    assert "[nina] Vous n'êtes pas dans un binôme actif" in said and "/apply" in said
    dialog("@lea\n/meeting\nAnnuler une rencontre, ou dire si elle a eu lieu")
    [lea_prompt] = open_prompts(engine, "lea", "meeting-pick")
    said = click(dialog, core, "nina", lea_prompt.id, 0)
    assert "[nina] Ce bouton ne correspond à rien que je connaisse." in said
    nina = person_id(engine, "nina")
    with session_scope(engine) as session:
        forged = open_prompt(
            session, nina, "meeting-held", [{"label": "x", "value": "cancelled"}],
            {"meeting": meeting.id},
        )  # fmt: skip
        menu = open_prompt(
            session, nina, "meeting-menu", [{"label": "x", "value": "plan"}],
            {"pair": meeting.pair_id},
        )  # fmt: skip
        gone = open_prompt(
            session, person_id(engine, "lea"), "meeting-held",
            [{"label": "x", "value": "cancelled"}], {"meeting": meeting.id + 100},
        )  # fmt: skip
    said = click(dialog, core, "nina", forged.id, 0)
    assert "[nina] Cette rencontre ne concerne pas votre binôme" in said
    said = click(dialog, core, "nina", menu.id, 0)
    assert "[nina] Cette rencontre ne concerne pas votre binôme" in said
    said = click(dialog, core, "lea", gone.id, 0)
    assert "[lea] Cette rencontre n'existe plus" in said
    [unchanged] = meetings(engine)
    assert (unchanged.status, unchanged.scheduled_at) == ("planned", meeting.scheduled_at)
    with Session(engine) as session:
        state = session.get(ConversationState, nina)
        assert state is None or state.flow == ""


def test_the_log_speaks_english_to_an_english_speaker(dialog: Dialog) -> None:
    active_pair(dialog)
    plan(dialog, "lea", "dans 3 jours 10h", "60", "3")
    said = dialog("@marc\n/language en\n/meeting")
    assert "[marc] Your meetings with lea:" in said
    assert "· 60 min · Phone · planned" in said
    assert "[marc]   1. Plan a meeting" in said


def test_a_mentor_with_two_pairs_picks_whose_meetings(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    with session_scope(engine) as session:
        found = session.get(Programme, programme)
        assert found is not None
        found.mentor_capacity = 2
        session.add(found)
    active_pair(dialog)
    apply(dialog, "zoe", "1", MENTEE_FORM)
    assert "[zoe] Votre binôme est lancé" in dialog("@zoe\n1\n@marc\n1\n@zoe\n1")
    said = dialog("@marc\n/meeting")
    assert "[marc] Vous êtes dans plusieurs binômes." in said
    assert "[marc]   1. lea" in said and "[marc]   2. zoe" in said
    said = dialog("@marc\nzoe\nPlanifier une rencontre\ndans 3 jours 10h\n1\n=\n1")
    assert "[zoe] marc a planifié votre prochaine rencontre" in said
    assert "[lea]" not in said
    [meeting] = meetings(engine)
    with Session(engine) as session:
        pair = session.get(Pair, meeting.pair_id)
        assert pair is not None and pair.mentee_person_id == person_id(engine, "zoe")
    assert "Aucune rencontre pour l'instant" in dialog("@lea\n/meeting")


def test_a_long_log_shows_the_latest_ten_and_counts_the_others(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    pair = the_pair(engine)
    start = utcnow() - timedelta(days=400)
    with session_scope(engine) as session:
        for week in range(12):
            session.add(
                Meeting(
                    pair_id=pair.id,
                    scheduled_at=start + timedelta(weeks=week),
                    status="held",
                    created_by_person_id=pair.mentee_person_id,
                )
            )
    said = dialog("@lea\n/meeting")
    assert "[lea] (2 rencontres plus anciennes ne sont pas affichées" in said
    assert "[lea] 3. " in said and "[lea] 12. " in said and "[lea] 2. " not in said
    said = dialog("@lea\nModifier une rencontre")
    assert (
        "[lea]   1. Rencontre n°\u00a01, " in said and "[lea]   12. Rencontre n°\u00a012, " in said
    )
