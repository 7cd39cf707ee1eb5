"""Files that may hold personal data are readable by their owner only, whatever the umask."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.private_files import private_file, write_private
from tests.conftest import Dialog


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would leave new files readable and writable by everyone."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_the_console_saves_an_export_for_its_owner_only(dialog: Dialog, tmp_path: Path) -> None:
    said = dialog("@lea\n/start\n1\n/export")
    [saved] = re.findall(r"-> (\S+) \([\d,]+\s(?:octets|Ko)\)", said)
    path = Path(saved)
    assert path.parent == tmp_path / "files" / "lea"
    assert "Léa" not in path.name and path.read_bytes()
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert not [p for p in path.parent.iterdir() if p != path], "no temporary file left"


@pytest.mark.usefixtures("open_umask")
def test_a_file_that_was_readable_by_all_is_replaced_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o666)
    write_private(path, b'{"name": "L\xc3\xa9a"}')
    assert mode(path) == 0o600 and path.read_bytes() == b'{"name": "L\xc3\xa9a"}'


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    path = tmp_path / "applications.csv"
    path.write_text("previous export", encoding="utf-8")
    with pytest.raises(ValueError), private_file(path, "w", encoding="utf-8") as handle:
        handle.write("half of it")
        raise ValueError("the database went away")
    assert path.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["applications.csv"]
