"""Questionnaires: invitations, answering through the console, resuming, editing, the close."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.domain.questions import (
    DEFAULT_QUESTIONS,
    FINAL,
    MIDTERM,
    SCALE,
    default_questions,
    questions_for,
    to_form,
    to_stored,
)
from handlers.core import Core
from handlers.outgoing import Outgoing
from handlers.questionnaires import OPEN_ACTION, invite
from handlers.ui import Inbound, Reply
from messages.catalog import LOCALES, bundle
from storage.conversations import open_prompt
from storage.db import session_scope
from storage.enums import PairState
from storage.models import (
    ConversationState,
    Outbox,
    Pair,
    Person,
    Programme,
    Prompt,
    QuestionnaireAnswer,
    QuestionnaireWave,
)
from storage.questionnaires import left_to_invite, open_wave, pair_for_wave
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import active_pair

pytestmark = pytest.mark.usefixtures("programme")

# Lea's answers to the final questionnaire (11 questions for a mentee), as typed.
FINAL_ANSWERS = ["4", "5", "4", "2", "3", "4", "1, 2", "Prendre du recul sur mes décisions"]
FINAL_ANSWERS += ["1", "2", "-"]
FINAL_STORED = {
    "engagement": 4,
    "satisfaction": 5,
    "relationship": 4,
    "rhythm": "right",
    "topics": 3,
    "objectives": 4,
    "mentee_gains": ["confidence", "perspective"],
    "learned": "Prendre du recul sur mes décisions",
    "recommend": "yes",
    "future_mentor": "maybe",
}


def start_wave(engine: Engine, programme: int, kind: str = FINAL) -> tuple[int, int]:
    """Open a wave (an hour ago, for two weeks) and invite; its id and how many were invited."""
    now = utcnow()
    with session_scope(engine) as session:
        wave = open_wave(session, programme, kind, now - timedelta(hours=1), now + timedelta(14))
        assert wave.id is not None
        return wave.id, invite(Outgoing(session, now), wave)


def delivered(dialog: Dialog) -> str:
    """What the outbox holds for console people, as the console prints it."""
    start = dialog.out.tell()
    dialog.adapter.flush_outbox()
    dialog.out.seek(start)
    return dialog.out.read()


def person_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        found = session.exec(select(Person).where(Person.display_name == name)).one()
        assert found.id is not None
        return found.id


def answer(engine: Engine, wave_id: int, name: str) -> QuestionnaireAnswer | None:
    with Session(engine) as session:
        return session.exec(
            select(QuestionnaireAnswer).where(
                QuestionnaireAnswer.wave_id == wave_id,
                QuestionnaireAnswer.person_id == person_id(engine, name),
            )
        ).first()


def open_prompt_id(engine: Engine, name: str, action: str) -> int:
    with Session(engine) as session:
        prompt = session.exec(
            select(Prompt)
            .where(Prompt.person_id == person_id(engine, name), Prompt.action == action)
            .order_by(col(Prompt.id).desc())
        ).first()
        assert prompt is not None and prompt.id is not None
        return prompt.id


def texts(replies: list[Reply]) -> str:
    return "\n".join(getattr(reply.item, "text", "") for reply in replies)


def click(core: Core, engine: Engine, name: str, prompt_id: int, **kw: datetime) -> str:
    inbound = Inbound(person_id(engine, name), prompt_id=prompt_id, option=0)
    return texts(core.handle(inbound, **kw))


def test_lea_answers_the_whole_final_questionnaire(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    wave_id, invited = start_wave(engine, programme)
    assert invited == 2
    sent = delivered(dialog)
    assert "[lea] Le questionnaire de fin de parcours du programme « Programme" in sent
    assert "[lea] 11 questions courtes" in sent and "[marc] 10 questions courtes" in sent
    assert "[lea]   1. Répondre maintenant" in sent
    said = dialog("@lea\n1")
    assert "[lea] Questionnaire de fin de parcours — Programme" in said
    assert "[lea] (1/11) Comment évaluez-vous votre propre engagement" in said
    assert "[lea]   1. 1 : très faible" in said and "[lea]   5. 5 : très fort" in said
    said = dialog("\n".join(FINAL_ANSWERS))
    assert "(11/11) Un dernier mot" in said
    assert "[lea] Merci d'avoir pris ce temps ! Vos réponses sont enregistrées." in said
    assert "[marc]" not in said
    stored = answer(engine, wave_id, "lea")
    assert stored is not None and stored.submitted_at is not None
    assert stored.answers == FINAL_STORED and stored.role == "mentee"
    assert all(type(stored.answers[k]) is int for k in ("engagement", "satisfaction", "topics"))
    with Session(engine) as session:
        assert stored.pair_id == session.exec(select(Pair.id)).one()
    said = dialog("@lea\n/questionnaire")
    assert "[lea] • Questionnaire de fin de parcours — Programme" in said
    assert ": envoyé le " in said and "modifiable jusqu'au" in said


def test_marc_is_asked_the_mentor_questions(dialog: Dialog, engine: Engine, programme: int) -> None:
    active_pair(dialog)
    wave_id, _ = start_wave(engine, programme, MIDTERM)
    delivered(dialog)
    said = dialog("@marc\n1\n" + "\n".join(["3", "4", "5", "1", "4"]))
    assert "(6/8) Vous sentez-vous à l'aise dans votre rôle de mentor ?" in said
    assert "attentes" not in said
    said = dialog("5\n2\nPlus d'échanges entre mentors")
    assert "[marc] Merci d'avoir pris ce temps !" in said
    stored = answer(engine, wave_id, "marc")
    assert stored is not None and stored.role == "mentor"
    assert stored.answers["mentor_ease"] == 5 and stored.answers["rhythm"] == "too_far"
    assert stored.answers["referent_talk"] == "no" and "expectations" not in stored.answers


def test_a_restart_resumes_at_the_same_question_with_the_answers_kept(
    dialog: Dialog, engine: Engine, cipher: MultiFernet, programme: int, tmp_path: Path
) -> None:
    active_pair(dialog)
    wave_id, _ = start_wave(engine, programme)
    delivered(dialog)
    said = dialog("@lea\n1\n" + "\n".join(FINAL_ANSWERS[:3]))
    assert "(4/11) Le rythme de vos rencontres vous convient-il ?" in said
    restarted = Dialog(Core(engine, cipher), tmp_path / "x")
    said = restarted("@lea\n/questionnaire")
    assert "en cours, vous en êtes à la question 4 sur 11" in said
    said = restarted("@lea\n" + "\n".join(FINAL_ANSWERS[3:5]))
    assert "(6/11) Dans quelle mesure avez-vous atteint les objectifs" in said
    assert answer(engine, wave_id, "lea") is None
    restarted("/questionnaire")
    listing = open_prompt_id(engine, "lea", "questionnaire-pick")
    said = click(restarted.adapter.core, engine, "lea", listing)
    assert "reprenons à la question 6" in said and "(6/11) Dans quelle mesure" in said
    restarted("\n".join(FINAL_ANSWERS[5:]))
    stored = answer(engine, wave_id, "lea")
    assert stored is not None and stored.answers == FINAL_STORED


def test_lea_edits_her_answers_before_the_close(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    wave_id, _ = start_wave(engine, programme)
    delivered(dialog)
    dialog("@lea\n1\n" + "\n".join(FINAL_ANSWERS))
    first = answer(engine, wave_id, "lea")
    assert first is not None and first.submitted_at is not None
    said = dialog("@lea\n/questionnaire\n1")
    assert "[lea] Vous avez envoyé vos réponses le " in said
    assert "[lea] Réponse actuelle : 4. Tapez = pour la garder." in said
    said = dialog("2\n" + "\n".join(["="] * 9) + "\nUn bel accompagnement")
    assert "[lea] C'est noté : vos réponses sont mises à jour." in said
    edited = answer(engine, wave_id, "lea")
    assert edited is not None and edited.id == first.id
    assert edited.answers == {**FINAL_STORED, "engagement": 2, "comment": "Un bel accompagnement"}
    assert edited.submitted_at == first.submitted_at and edited.updated_at > first.updated_at


def test_after_the_close_answers_cannot_change(
    dialog: Dialog, core: Core, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    wave_id, _ = start_wave(engine, programme)
    delivered(dialog)
    dialog("@lea\n1\n" + "\n".join(FINAL_ANSWERS))
    dialog("@lea\n/questionnaire")
    listing = open_prompt_id(engine, "lea", "questionnaire-pick")
    later = utcnow() + timedelta(days=15)
    said = click(core, engine, "lea", listing, now=later)
    assert "est clos depuis le" in said and "ne peuvent plus être modifiées" in said
    said = texts(core.handle(Inbound(person_id(engine, "lea"), text="/questionnaire"), now=later))
    assert "clos le" in said and "ne peuvent plus changer" in said
    said = click(core, engine, "marc", open_prompt_id(engine, "marc", OPEN_ACTION), now=later)
    assert "il n'est plus possible d'y répondre" in said
    assert answer(engine, wave_id, "marc") is None
    stored = answer(engine, wave_id, "lea")
    assert stored is not None and stored.answers == FINAL_STORED
    with Session(engine) as session:
        states = session.exec(select(ConversationState)).all()
        assert all(state.flow == "" for state in states)


def test_answers_finished_after_the_close_are_not_stored(
    dialog: Dialog, core: Core, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    wave_id, _ = start_wave(engine, programme)
    delivered(dialog)
    dialog("@lea\n1\n" + "\n".join(FINAL_ANSWERS[:-1]))
    later = utcnow() + timedelta(days=15)
    said = texts(core.handle(Inbound(person_id(engine, "lea"), text="-"), now=later))
    assert "a été clos pendant que vous répondiez" in said
    assert answer(engine, wave_id, "lea") is None


def test_a_replayed_invitation_button_does_nothing_harmful(
    dialog: Dialog, core: Core, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    wave_id, _ = start_wave(engine, programme)
    delivered(dialog)
    invitation = open_prompt_id(engine, "lea", OPEN_ACTION)
    dialog("@lea\n1\n4\n5")
    said = click(core, engine, "lea", invitation)
    assert "ce bouton a déjà servi" in said
    said = dialog("@lea\n4")
    assert "(4/11) Le rythme" in said, "the replay did not move the form"
    dialog("\n".join(FINAL_ANSWERS[3:]))
    said = click(core, engine, "lea", invitation)
    assert "ce bouton a déjà servi" in said
    stored = answer(engine, wave_id, "lea")
    assert stored is not None and stored.answers == FINAL_STORED


def test_a_second_invite_sends_nothing_new(dialog: Dialog, engine: Engine, programme: int) -> None:
    active_pair(dialog)
    wave_id, invited = start_wave(engine, programme)
    assert invited == 2
    first = open_prompt_id(engine, "lea", OPEN_ACTION)
    now = utcnow()
    with session_scope(engine) as session:
        again = open_wave(session, programme, FINAL, now + timedelta(30), now + timedelta(60))
        assert again.id == wave_id and again.closes_at < now + timedelta(15)
        assert invite(Outgoing(session, now), again) == 0
    with Session(engine) as session:
        rows = session.exec(select(Outbox).where(col(Outbox.dedup_key).startswith("wave:"))).all()
        assert sorted(row.dedup_key for row in rows) == sorted(
            f"wave:{wave_id}:{person_id(engine, name)}" for name in ("lea", "marc")
        )
        prompts = session.exec(select(Prompt).where(Prompt.action == OPEN_ACTION)).all()
        assert len(prompts) == 2 and not any(prompt.superseded for prompt in prompts)
    assert open_prompt_id(engine, "lea", OPEN_ACTION) == first
    assert "Répondre maintenant" in delivered(dialog)
    assert delivered(dialog) == ""


def test_nothing_is_sent_outside_the_wave(engine: Engine, programme: int, dialog: Dialog) -> None:
    active_pair(dialog)
    now = utcnow()
    with session_scope(engine) as session:
        wave = open_wave(session, programme, FINAL, now + timedelta(1), now + timedelta(10))
        assert invite(Outgoing(session, now), wave) == 0
        assert invite(Outgoing(session, now + timedelta(11)), wave) == 0
        assert invite(Outgoing(session, now + timedelta(2)), wave) == 2
    with pytest.raises(ValueError), session_scope(engine) as session:
        open_wave(session, programme, "weekly", now, now + timedelta(1))
    with pytest.raises(ValueError), session_scope(engine) as session:
        open_wave(session, programme, MIDTERM, now, now)


def test_someone_with_no_pair_or_from_another_programme_is_refused(
    dialog: Dialog, core: Core, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    wave_id, _ = start_wave(engine, programme)
    said = dialog("@nobody\n/questionnaire")
    assert "[nobody] Les questionnaires s'adressent aux mentors et aux mentorés" in said
    now = utcnow()
    with session_scope(engine) as session:
        other = Programme(slug="other", name="Autre programme")
        session.add(other)
        session.flush()
        assert other.id is not None
        foreign = open_wave(session, other.id, MIDTERM, now - timedelta(1), now + timedelta(9))
        lea, nobody = person_id(engine, "lea"), person_id(engine, "nobody")
        options = [{"label": "Répondre", "value": str(foreign.id)}]
        to_foreign = open_prompt(session, lea, OPEN_ACTION, options, {"wave": foreign.id})
        options = [{"label": "Répondre", "value": str(wave_id)}]
        forged = open_prompt(session, nobody, OPEN_ACTION, options, {"wave": wave_id})
        gone = open_prompt(session, lea, "questionnaire-pick", [{"label": "x", "value": "999"}])
        prompt_ids = [p.id for p in (to_foreign, forged, gone) if p.id is not None]
    said = click(core, engine, "lea", prompt_ids[0])
    assert "Ce questionnaire ne vous est pas destiné" in said
    said = click(core, engine, "nobody", prompt_ids[1])
    assert "Vous n'êtes dans aucun binôme" in said
    said = click(core, engine, "lea", prompt_ids[2])
    assert "Ce questionnaire n'existe plus" in said
    with Session(engine) as session:
        assert session.exec(select(QuestionnaireAnswer)).all() == []
        assert all(state.flow == "" for state in session.exec(select(ConversationState)))


def test_an_english_speaker_gets_english_texts(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    dialog("@marc\n/language en")
    start_wave(engine, programme)
    sent = delivered(dialog)
    assert '[marc] The final questionnaire of the "Programme' in sent
    assert "[marc]   1. Answer now" in sent
    said = dialog("@marc\n1")
    assert "[marc] (1/10) How would you rate your own engagement" in said
    assert "[marc]   1. 1: very low" in said


def test_who_is_asked_in_each_wave(engine: Engine, programme: int) -> None:
    now = utcnow()
    with session_scope(engine) as session:
        people = [Person(display_name=f"p{i}") for i in range(10)]
        session.add_all(people)
        session.flush()
        ids = [p.id for p in people]

        def pair(mentor: int, mentee: int, state: str, started: bool = True) -> None:
            session.add(
                Pair(
                    programme_id=programme,
                    mentor_person_id=ids[mentor],
                    mentee_person_id=ids[mentee],
                    state=state,
                    activated_at=now - timedelta(days=60) if started else None,
                    ended_at=None if state == PairState.active else now - timedelta(days=30),
                )
            )

        pair(0, 1, PairState.active)
        pair(2, 3, PairState.withdrawn)
        pair(4, 5, PairState.completed)
        pair(6, 7, PairState.proposed, started=False)
        pair(8, 9, PairState.withdrawn, started=False)
        session.flush()
        opens, closes = now - timedelta(days=2), now + timedelta(days=10)
        midterm = open_wave(session, programme, MIDTERM, opens, closes)
        final = open_wave(session, programme, FINAL, opens, closes)
        assert [person for person, _ in left_to_invite(session, midterm)] == ids[0:2]
        assert [person for person, _ in left_to_invite(session, final)] == ids[0:6]
        assert pair_for_wave(session, final, ids[7]) is None
        assert pair_for_wave(session, final, ids[9]) is None
        found = pair_for_wave(session, final, ids[3])
        assert found is not None and found.mentee_person_id == ids[3]


def test_questions_never_ask_about_the_other_person_and_exist_in_every_language() -> None:
    for kind in (MIDTERM, FINAL):
        stored = default_questions(kind)
        for role in ("mentor", "mentee"):
            asked = questions_for(stored, role)
            assert [q.key for q in asked] == [
                q.key for q in DEFAULT_QUESTIONS[kind] if role in q.roles
            ]
            for question in asked:
                keys = [question.text]
                if question.kind == SCALE:
                    keys += [f"{question.text}-{question.options[i]}" for i in (0, -1)]
                else:
                    keys += [f"{question.text}-{option}" for option in question.options]
                for locale in LOCALES:
                    assert all(bundle(locale).has_message(key) for key in keys), (locale, keys)
                french = bundle("fr").format_pattern(bundle("fr").get_message(question.text).value)
                assert not any(word in french[0] for word in ("votre mentor ", "votre mentoré"))
    with pytest.raises(ValueError):
        default_questions("weekly")


def test_stored_answers_keep_numbers_as_ints_and_prefill_back() -> None:
    asked = questions_for(default_questions(MIDTERM), "mentee")
    values = {"engagement": "3", "rhythm": "right", "improve": None, "satisfaction": "5"}
    stored = to_stored(asked, values)
    assert stored == {"engagement": 3, "rhythm": "right", "satisfaction": 5}
    assert to_form(asked, stored) == {"engagement": "3", "rhythm": "right", "satisfaction": "5"}


def test_the_list_offers_only_open_waves(dialog: Dialog, engine: Engine, programme: int) -> None:
    active_pair(dialog)
    now = utcnow()
    with session_scope(engine) as session:
        open_wave(session, programme, MIDTERM, now - timedelta(30), now - timedelta(20))
    start_wave(engine, programme)
    delivered(dialog)
    said = dialog("@lea\n/questionnaire")
    assert "[lea] • Questionnaire de mi-parcours — Programme" in said
    assert "clos le" in said and "sans réponse de votre part" in said
    assert "pas encore commencé, à remplir avant le" in said
    choices = [line for line in said.splitlines() if line.startswith("[lea]   ")]
    assert len(choices) == 1 and "Questionnaire de fin de parcours" in choices[0]


def test_a_wave_stores_its_questions_and_invites_nobody_without_pairs(
    engine: Engine, programme: int
) -> None:
    wave_id, invited = start_wave(engine, programme)
    assert invited == 0
    with Session(engine) as session:
        wave = session.get(QuestionnaireWave, wave_id)
        assert wave is not None and wave.questions == default_questions(FINAL)
        assert session.exec(select(Outbox)).all() == []
