"""Bad input of DESIGN.md section 5: a clear answer in the person's language, nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from handlers.core import Core
from handlers.ui import Inbound, Message
from storage.models import ConversationState, Person, Prompt
from tests.conftest import Dialog
from tests.test_console import run_cli

BAD_LINES = [
    ("/frobnicate", "Je ne connais pas la commande /frobnicate"),
    ("/", "Je ne connais pas la commande /"),
    ("x" * 10_000, "trop long (10000 caractères)"),
    ("'; DROP TABLE person; --", "Je n'ai pas compris"),
    ("<b>*bold*</b> _x_ `code`", "Je n'ai pas compris"),
    ("🙂🚀 ça va ?", "Je n'ai pas compris"),
    ("\x00\x01\x1b[31m", "Je n'ai pas compris"),
    ("\x00\x01\x7f", None),
    ("   ", None),
    ("", None),
]


@pytest.mark.parametrize(("line", "expected"), BAD_LINES)
def test_bad_lines_get_a_clear_french_answer_or_are_ignored(
    dialog: Dialog, line: str, expected: str | None
) -> None:
    said = dialog(f"@alice\n{line}")
    if expected is None:
        assert said == ""
    else:
        assert expected in said.replace(" ", "").replace("\xa0", "")
        assert all(out.startswith("[alice] ") for out in said.splitlines())


def test_bad_lines_are_answered_in_english_for_an_english_speaker(dialog: Dialog) -> None:
    dialog("@alice\n/language en")
    assert "I do not know the command /nope" in dialog("/nope")
    assert "too long" in dialog("y" * 10_000)


def test_binary_junk_is_survived(dialog: Dialog) -> None:
    said = dialog.feed_bytes(b"@alice") + dialog.feed_bytes(b"\xff\xfe\x00garbage\x80\x81")
    assert said.startswith("[alice] Je n'ai pas compris")


def test_wrong_answers_to_a_choice_keep_the_question_open(dialog: Dialog) -> None:
    dialog("@alice\n/language")
    for wrong in ("7", "0", "-1", "klingon", "1; DROP TABLE prompt"):
        assert "tapez un numéro de 1 à 2" in dialog(wrong)
    assert "continue in English" in dialog("2")


def _open_prompt(engine: Engine, person_id: int) -> Prompt:
    with Session(engine) as session:
        return session.exec(
            select(Prompt).where(Prompt.person_id == person_id).order_by(Prompt.id.desc())  # type: ignore[union-attr]
        ).first()  # type: ignore[return-value]


def _texts(replies: list) -> str:
    return "\n".join(r.item.text for r in replies if isinstance(r.item, Message))


def test_a_second_click_changes_nothing_and_says_so(core: Core, engine: Engine) -> None:
    alice = core.identify("console", "alice")
    core.handle(Inbound(alice, text="/language"))
    prompt = _open_prompt(engine, alice)
    assert "continue in English" in _texts(
        core.handle(Inbound(alice, prompt_id=prompt.id, option=1))
    )
    again = _texts(core.handle(Inbound(alice, prompt_id=prompt.id, option=0)))
    assert "Already taken into account" in again
    with Session(engine) as session:
        assert session.get(Person, alice).locale == "en"  # type: ignore[union-attr]


def test_a_button_from_an_old_message_is_refused(core: Core, engine: Engine) -> None:
    alice = core.identify("console", "alice")
    core.handle(Inbound(alice, text="/language"))
    old = _open_prompt(engine, alice)
    core.handle(Inbound(alice, text="/language"))
    said = _texts(core.handle(Inbound(alice, prompt_id=old.id, option=1)))
    assert "ancien message" in said
    with Session(engine) as session:
        assert session.get(Person, alice).locale == "fr"  # type: ignore[union-attr]


def test_buttons_of_someone_else_or_unknown_do_nothing(core: Core, engine: Engine) -> None:
    alice, bob = core.identify("console", "alice"), core.identify("console", "bob")
    core.handle(Inbound(alice, text="/language"))
    prompt = _open_prompt(engine, alice)
    for inbound in (
        Inbound(bob, prompt_id=prompt.id, option=1),
        Inbound(alice, prompt_id=prompt.id, option=9),
        Inbound(alice, prompt_id=10_000, option=0),
    ):
        assert "ne correspond à rien" in _texts(core.handle(inbound))
    with Session(engine) as session:
        assert session.get(Prompt, prompt.id).used_at is None  # type: ignore[union-attr]


def test_a_redelivered_event_is_handled_once(core: Core) -> None:
    alice = core.identify("console", "alice")
    first = core.handle(Inbound(alice, text="/help"), receipt=("test", "evt-1"))
    assert first and core.handle(Inbound(alice, text="/help"), receipt=("test", "evt-1")) == []


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(max_size=300))
def test_any_text_at_a_pending_choice_leaves_it_answerable(
    core: Core, engine: Engine, tmp_path: Path, text: str
) -> None:
    dialog = Dialog(core, tmp_path / "files")
    dialog("@hyp\n/language")
    said = dialog(text.replace("\n", " ").lstrip("@"))
    assert all(line.startswith("[hyp] ") for line in said.splitlines())
    with Session(engine) as session:
        person = session.exec(select(Person)).first()
        state = session.get(ConversationState, person.id)  # type: ignore[union-attr]
        assert state is None or state.flow == ""
    assert "Langue" not in said
    final = dialog("/language en")
    assert "continue in English" in final
    dialog("/language fr")


def test_the_real_command_survives_junk_on_stdin(tmp_path: Path) -> None:
    junk = b"@alice\n\xff\xfe\n" + b"z" * 10_000 + b"\n\x00\x00\n/unknown\n\n/help\n"
    result = run_cli(f"sqlite:///{tmp_path / 'j.db'}", junk, tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "trop long" in out and "Je ne connais pas la commande /unknown" in out
    assert out.rstrip().endswith("[alice] /erase : effacer vos données")
    assert all(line.startswith("[alice] ") for line in out.splitlines())
