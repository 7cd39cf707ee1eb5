"""Small things people read: cut messages, numbered lists, file sizes, who the console speaks
as, and the command line's help screens."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from bot.adapters.console import DEFAULT_SPEAKER
from bot.adapters.telegram_render import TEXT_LIMIT, escape, split_html, utf16_len
from bot.cli import app
from messages.catalog import format_size
from tests.conftest import Dialog
from tests.journey import active_pair

ENTITY = re.compile(r"&(?:amp|lt|gt);")


def whole_entities(part: str) -> bool:
    """Whether every `&` of an escaped part starts a complete entity."""
    return "&" not in ENTITY.sub("", part)


@pytest.mark.parametrize("filler", ["a", "é", "😀", "a b"])
def test_a_long_text_full_of_entities_is_never_cut_inside_one(filler: str) -> None:
    """Every cut position: a run of filler moves the first entity across the whole limit."""
    for shift in range(1, 12):
        text = filler * (TEXT_LIMIT // len(filler) - shift) + "&<&>" * 600 + " x&y<z" * 300
        escaped = escape(text)
        parts = split_html(escaped)
        assert all(whole_entities(part) for part in parts), shift
        assert all(utf16_len(part) <= TEXT_LIMIT for part in parts)
        assert "".join(parts).replace(" ", "") == escaped.replace("\n", "").replace(" ", "")


@pytest.mark.parametrize("limit", range(8, 40))
def test_entities_stay_whole_at_every_small_limit(limit: int) -> None:
    escaped = escape("&" * 50 + "<a&b>" * 20 + "😀&" * 20)
    parts = split_html(escaped, limit)
    assert all(whole_entities(part) and utf16_len(part) <= limit for part in parts)
    assert "".join(parts) == escaped


@pytest.mark.usefixtures("programme")
def test_a_list_of_meetings_to_pick_from_is_numbered_once(dialog: Dialog) -> None:
    active_pair(dialog)
    for when in ("mardi prochain 14h", "jeudi prochain 10h"):
        dialog(f"@lea\n/meeting\nPlanifier une rencontre\n{when}\n1\n60\n1")
    said = dialog("@lea\n/meeting\nModifier une rencontre")
    assert "[lea]   1. Rencontre n°" in said, said
    assert not re.search(r"\d+\.\s+\d+\.", said), said


@pytest.mark.parametrize(
    ("size", "fr", "en"),
    [
        (1, "1 octet", "1 byte"),
        (337, "337 octets", "337 bytes"),
        (1234, "1,2 Ko", "1.2 KB"),
        (2_500_000, "2,5 Mo", "2.5 MB"),
    ],
)
def test_file_sizes_read_in_the_persons_language(size: int, fr: str, en: str) -> None:
    assert (format_size(size, "fr"), format_size(size, "en")) == (fr, en)


def test_the_console_tells_a_saved_files_size_in_the_persons_language(dialog: Dialog) -> None:
    said = dialog("@lea\n/start\n1\n/export")
    assert re.search(r"-> \S+ \([\d,]+\s(?:octets|Ko)\)", said), said
    assert "bytes" not in said
    said = dialog("@ben\n/start\n2\n/export")
    assert re.search(r"-> \S+ \([\d.]+ (?:bytes|KB)\)", said), said


def test_the_console_speaks_as_a_named_person_not_the_unix_user(dialog: Dialog) -> None:
    said = dialog("/start")
    assert said and all(line.startswith(f"[{DEFAULT_SPEAKER}] ") for line in said.splitlines())
    assert DEFAULT_SPEAKER == "camille"


def every_command_path(group: Any, prefix: list[str]) -> list[list[str]]:
    """The path of `group` and of every command under it (typer's groups hold `commands`)."""
    paths = [prefix]
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            paths += every_command_path(command, [*prefix, name])
        else:
            paths.append([*prefix, name])
    return paths


def test_no_help_screen_shows_a_type_on_a_flag() -> None:
    paths = every_command_path(typer.main.get_command(app), [])
    assert len(paths) > 20
    runner = CliRunner()
    for path in paths:
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "160"})
        assert result.exit_code == 0, (path, result.output)
        assert "<bool>" not in result.output, (path, result.output)
        assert "--help" in result.output
    console = runner.invoke(app, ["console", "--help"], env={"COLUMNS": "160"}).output
    assert "<str>" in console  # options that take a value still say what kind


def test_a_limit_too_short_for_an_entity_is_refused_not_looped_on() -> None:
    with pytest.raises(ValueError):
        split_html(escape("&" * 20), 4)
