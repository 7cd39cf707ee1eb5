"""Typed input goes where the person means, through the console.

A command's own choice typed inside a form wins over the form, which then asks its question
again; a typed number or label answers only the newest question, and says so when that one is
answered or gone; names and unique parts of labels pick an option, ambiguous ones are asked
again; greetings and calls for help outside a flow are answered as such.
"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.domain.durations import read_minutes
from handlers.outgoing import Outgoing
from handlers.text import asks_help, greeting, match_option, options_named
from messages.catalog import t
from storage.db import session_scope
from storage.models import ConversationState, Identity, Person
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, active_pair, apply

UNIT_FR = "(2/13) " + t("fr", "apply-f-unit")
UNIT_EN = "(2/13) " + t("en", "apply-f-unit")


def state_of(engine: Engine, name: str) -> ConversationState | None:
    with Session(engine) as session:
        identity = session.exec(
            select(Identity).where(Identity.platform == "console", Identity.user_key == name)
        ).first()
        if identity is None:
            return None
        return session.get(ConversationState, identity.person_id)


def in_application(dialog: Dialog) -> str:
    """Léa, in French, is at the second question of her application (the first answered)."""
    said = dialog("@lea\n/start\n1\n/apply\n1\nAgence B")
    assert UNIT_FR in said.splitlines()[-2], said
    return said


def test_a_language_picked_by_number_inside_a_form_wins_and_the_form_resumes(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    in_application(dialog)
    said = dialog("/language\n2")
    assert t("en", "language-set") in said
    assert said.splitlines()[-2].endswith(UNIT_EN), "the same question, asked again in English"
    state = state_of(engine, "lea")
    assert state is not None and state.data["index"] == 1
    assert state.data["values"] == {"organisation": "Agence B"}, "the 2 is not an answer"
    said = dialog("DRH")
    assert "(3/13)" in said
    state = state_of(engine, "lea")
    assert state is not None and state.data["values"]["unit"] == "DRH"


def test_erase_confirmed_by_number_inside_a_form_erases_and_the_form_does_not_come_back(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    in_application(dialog)
    said = dialog("/erase\n1")
    assert t("fr", "erase-done") in said
    assert "(2/13)" not in said.split(t("fr", "erase-done"))[1]
    with Session(engine) as session:
        assert session.exec(select(Person).where(col(Person.erased_at).is_(None))).all() == []


def test_erase_refused_by_number_inside_a_form_keeps_everything_and_the_form_resumes(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    in_application(dialog)
    said = dialog("/erase\n2")
    assert t("fr", "erase-kept") in said
    assert said.splitlines()[-2].endswith(UNIT_FR)
    state = state_of(engine, "lea")
    assert state is not None and state.data["values"] == {"organisation": "Agence B"}


def test_other_text_after_a_command_inside_a_form_is_still_the_forms_answer(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    in_application(dialog)
    said = dialog("/language\nDRH")
    assert "(3/13)" in said
    state = state_of(engine, "lea")
    assert state is not None and state.data["values"]["unit"] == "DRH"
    said = dialog("2")  # the language question is now older than the form's: the form takes it
    assert t("en", "language-set") not in said
    state = state_of(engine, "lea")
    assert state is not None and state.data["values"]["manager"] == "2"


def test_the_private_reason_is_asked_again_after_a_command_answered_meanwhile(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    said = dialog("@lea\n1\n@marc\n2")
    assert t("fr", "mentor-declined") in said
    said = dialog("/language\n2")
    assert said.splitlines()[-1] == f"[marc] {t('en', 'reason-ask-again')}"
    said = dialog("Too busy this term")
    assert said.strip() == f"[marc] {t('en', 'reason-thanks')}"
    state = state_of(engine, "marc")
    assert state is not None and state.flow == ""


def test_a_number_typed_again_never_answers_an_older_menu(dialog: Dialog, programme: int) -> None:
    active_pair(dialog)
    said = dialog("@lea\n1")
    assert t("fr", "consent-question")[:20] not in said
    said = dialog("1")
    assert said.strip() == f"[lea] {t('fr', 'typed-question-answered')}"
    said = dialog("2")
    assert said.strip() == f"[lea] {t('fr', 'typed-question-answered')}"


def test_a_number_for_a_question_gone_says_so(dialog: Dialog, programme: int) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)  # the form's last choice question is closed
    said = dialog("@marc\n3")
    assert said.strip() == f"[marc] {t('fr', 'typed-question-gone')}"
    assert "/status" in said


def test_a_mentor_is_picked_by_name_and_an_ambiguous_word_is_asked_again(
    dialog: Dialog, programme: int
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "paul", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    said = dialog("@lea\nchoisir")
    assert said.strip() == f"[lea] {t('fr', 'typed-option-ambiguous', count=4)}"
    said = dialog("Paul")
    assert "[paul]" in said and "[marc]" not in said


def test_greetings_and_calls_for_help_outside_a_flow_get_an_answer_of_their_own(
    dialog: Dialog, programme: int
) -> None:
    dialog("@nina\n/start\n1")
    assert dialog("Bonjour !").strip() == f"[nina] {t('fr', 'typed-hello')}"
    assert dialog("merci").strip() == f"[nina] {t('fr', 'typed-thanks')}"
    assert t("fr", "help-intro") in dialog("aide")
    said = dialog("n'importe quoi")
    assert t("fr", "hint-not-understood") in said
    assert t("fr", "error-pick-option", count=2) not in said


def test_help_is_help_even_when_an_answered_question_had_a_help_button(dialog: Dialog) -> None:
    """With no programme open, /status offers "Aide"; once pressed, "aide" typed again asks
    for the help, never "this question was answered"."""
    dialog("@nina\n/start\n1\n/status\n1")
    said = dialog("aide")
    assert t("fr", "help-intro") in said
    assert t("fr", "typed-question-answered") not in said


def test_help_is_help_while_a_question_waits(dialog: Dialog, programme: int) -> None:
    """ "aide" names no option of the role question: the help comes, the question stays open."""
    dialog("@nina\n/start\n1\n/apply")
    said = dialog("aide")
    assert t("fr", "help-intro") in said
    assert t("fr", "error-pick-option", count=3) not in said
    assert "(1/" in dialog("2")  # the role question was still open: the mentor's form starts


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        ("2", ["Oui", "Non"], [1]),
        ("3", ["Oui", "Non"], []),
        ("2.", ["Oui", "Non"], [1]),
        ("9" * 4000, ["Oui", "Non"], []),
        ("non", ["Oui", "Non"], [1]),
        ("ÉNGLISH", ["Français", "English"], [1]),
        ("francais", ["Français", "English"], [0]),
        ("marc", ["Choisir 1 : Marc Dupont", "Choisir 2 : Paul Durand"], [0]),
        ("dupont", ["Choisir 1 : Marc Dupont", "Choisir 2 : Paul Durand"], [0]),
        ("paul dur", ["Choisir 1 : Marc Dupont", "Choisir 2 : Paul Durand"], [1]),
        ("choisir", ["Choisir 1 : Marc Dupont", "Choisir 2 : Paul Durand"], [0, 1]),
        ("pres", ["Visioconférence", "En présentiel", "Téléphone"], [1]),
        ("phone", ["Visioconférence", "En présentiel", "Téléphone"], [2]),
        ("a", ["Visioconférence", "En présentiel", "Téléphone"], []),
        ("rien", ["Oui", "Non"], []),
    ],
)
def test_options_are_named_by_number_label_word_start_or_unique_part(
    text: str, labels: list[str], expected: list[int]
) -> None:
    assert options_named(text, labels) == expected
    assert match_option(text, labels) == (expected[0] if len(expected) == 1 else None)


def test_what_counts_as_help_a_greeting_or_thanks() -> None:
    assert asks_help("Aide") and asks_help("help!") and asks_help("?")
    assert not asks_help("aidez-moi à candidater")
    assert greeting("Bonjour !") == greeting("salut 👋") == greeting("Hi") == "hello"
    assert greeting("merci beaucoup") == greeting("Thanks!") == "thanks"
    assert greeting("bonjour, je voudrais changer la date de notre rencontre") is None
    assert read_minutes("1h30") == 90


def test_a_notice_arriving_inside_a_form_never_takes_its_typed_answer(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    """A question sent to Léa meanwhile (a nudge, a request: through the outbox) is newer than
    the form's question, but only a command she typed may take her text: "2" stays the form's."""
    in_application(dialog)
    with session_scope(engine) as session:
        lea = session.exec(select(Identity).where(Identity.user_key == "lea")).one().person_id
        Outgoing(session, utcnow()).offer(lea, "Une question", [("Un", "1"), ("Deux", "2")], "go")
    said = dialog("2")
    assert "(3/13)" in said, said
    state = state_of(engine, "lea")
    assert state is not None and state.data["values"]["unit"] == "2"
