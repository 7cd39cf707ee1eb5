"""Nothing a pair wrote in confidence reaches a coordinator: a property test.

Private notes, action items, a private objective and a withdrawal reason are written through the
real flows with marker strings drawn by hypothesis (and more pairs are seeded with a marker in
every private subject). Then every coordinator's view is run, as an admin and as a referent: each
`/admin` section and every button it offers, the chart (its PNG, and the text of every artist the
figure drew), the tracking table as CSV and XLSX (every part of the archive), the synthesis, the
App Home, and the command line's dashboard, exports, synthesis, audit and lists. No marker may
appear in any output, file or log line. The same views through the fake Slack and Telegram
servers are checked in `tests/test_confidentiality_platforms.py`.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.fernet import MultiFernet
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from matplotlib.text import Text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from bench.followup_seed import seed_followup
from bot.cli import app
from bot.demo import ensure_demo_programme
from handlers.core import Core
from handlers.followup_chart import figure
from handlers.home import home_view
from storage.db import make_engine
from storage.followup import dashboard
from storage.models import Objective, Person, PrivateNote, Programme
from storage.sealed import bind_cipher
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import active_pair

SECTIONS = ("", "suivi", "export", "questionnaires", "candidatures", "referents", "journal",
            "matching")  # fmt: skip
OPTION = re.compile(r"^\[(?P<who>[^\]]+)\]   ?(?P<number>\d+)\. ")
FILE = re.compile(r"-> (?P<path>/\S+) \(")
runner = CliRunner()
marker = st.from_regex(r"[A-Za-z0-9]{6,12}", fullmatch=True).map(lambda s: f"Qm{s}Zk")


@dataclass
class Seen:
    """Everything the coordinators were shown or handed."""

    texts: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def add(self, said: str) -> str:
        self.texts.append(said)
        self.files += [Path(match["path"]) for match in FILE.finditer(said)]
        return said

    def contents(self) -> Iterator[tuple[str, str]]:
        """(where, text) for every output and every file, archives opened (XLSX parts)."""
        for number, text in enumerate(self.texts):
            yield f"output {number}", text
        for path in self.files:
            raw = path.read_bytes()
            yield str(path), raw.decode("latin-1")
            if zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as archive:
                    for part in archive.namelist():
                        yield f"{path}:{part}", archive.read(part).decode("utf-8", "replace")


@contextmanager
def fresh(template: Path, cipher: MultiFernet) -> Iterator[tuple[Engine, str, Path]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.db"
        shutil.copy(template, path)
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        bind_cipher(engine, cipher)
        try:
            yield engine, url, Path(folder)
        finally:
            engine.dispose()


def cli(url: str, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", url])
    assert result.exit_code == 0, (args, result.output)
    return result.output


def write_secrets(dialog: Dialog, secrets: list[str]) -> None:
    """Two active pairs; the first sets a private objective, logs a meeting with a note and
    action items, and its mentor then leaves with a reason."""
    objective, note, actions, reason = secrets
    active_pair(dialog)
    said = dialog(f"@marc\n1\n@lea\n1\n@lea\n1\n{objective}\n2\n1\n1")
    assert "Votre accord est enregistré" in said, said
    answers = ["hier 10h", "1", "90", "2", "1, 4", "télétravail, budget", note, actions]
    said = dialog("\n".join(["@lea", "/meeting", "Noter une rencontre qui a eu lieu", *answers]))
    assert "est notée dans votre journal" in said, said
    active_pair(dialog, mentor="paul", mentee="zoe")
    said = dialog(f"@marc\n/withdraw\n1\n{reason}")
    assert "binôme" in said, said


def assert_really_written(engine: Engine) -> None:
    """The markers went where the flows keep private text (so the test can fail)."""
    with Session(engine) as session:
        subjects = {note.subject for note in session.exec(select(PrivateNote))}
        private = session.exec(select(Objective).where(Objective.private)).all()
    assert {"meeting_note", "action_items", "withdraw_reason"} <= subjects, subjects
    assert private and all(objective.text is None for objective in private)


def sections(dialog: Dialog, who: str, seen: Seen) -> None:
    """Each section, then each of its buttons (the section opened again before each click)."""
    for word in SECTIONS:
        command = f"@{who}\n/admin {word}".rstrip()
        said = seen.add(dialog(command))
        numbers = [m["number"] for line in said.splitlines() if (m := OPTION.match(line))]
        for number in numbers:
            seen.add(dialog(f"{command}\n{number}"))


def command_line(url: str, seen: Seen, folder: Path) -> None:
    chart, table, sheet = folder / "chart.png", folder / "t.csv", folder / "t.xlsx"
    seen.add(cli(url, "dashboard", "--programme", "demo", "--chart", str(chart)))
    seen.add(cli(url, "export", "tracking", "--programme", "demo", "--out", str(table)))
    seen.add(cli(url, "export", "tracking", "--programme", "demo", "--out", str(sheet)))
    seen.files += [chart, table, sheet]
    for kind in ("midterm", "final"):  # a synthesis is read once its wave has closed
        seen.add(cli(url, "wave", "close", "--programme", "demo", "--kind", kind))
        seen.add(cli(url, "synthesis", "--programme", "demo", "--kind", kind))
    seen.add(cli(url, "audit"))
    seen.add(cli(url, "pairs", "list", "--programme", "demo"))
    seen.add(cli(url, "match", "--programme", "demo"))
    out = folder / "applications.csv"
    seen.add(cli(url, "applications", "export", "--programme", "demo", "--out", str(out)))
    seen.files.append(out)


def drawn_texts(engine: Engine, referent: int | None) -> list[str]:
    """Every text the chart's figure drew, with the markers in the data it was drawn from."""
    with Session(engine) as session:
        programme = session.exec(select(Programme).where(Programme.slug == "demo")).one()
        board = dashboard(session, programme, utcnow(), referent_id=referent)
    drawn = figure(board, "fr", "Europe/Paris")
    return [artist.get_text() for artist in drawn.findobj(Text)]


def homes(core: Core, engine: Engine, people: list[int]) -> list[str]:
    found = []
    with Session(engine) as session:
        for person_id in people:
            person = session.get(Person, person_id)
            assert person is not None
            found.append(repr(home_view(session, person, core.router, core.cipher, utcnow())))
            session.rollback()
    return found


@settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # one example takes seconds: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(secrets=st.lists(marker, min_size=5, max_size=5, unique=True))
def test_no_coordinator_view_export_chart_or_synthesis_shows_a_private_text(
    secrets: list[str],
    sqlite_template: Path,
    cipher: MultiFernet,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.clear()
    caplog.set_level(logging.DEBUG)
    with fresh(sqlite_template, cipher) as (engine, url, folder):
        ensure_demo_programme(engine)
        core = Core(engine, cipher, admins=[("console", "", "admin")])
        dialog = Dialog(core, folder / "files")
        write_secrets(dialog, secrets[:4])
        with Session(engine) as session:
            programme_id = session.exec(select(Programme.id)).one()
        seed_followup(engine, programme_id, 40, cipher, utcnow(), marker=secrets[4])
        assert_really_written(engine)
        dialog("@rita\n/start")
        cli(url, "role", "grant", "referent", "console:rita", "--programme", "demo")
        cli(url, "referents", "assign", "--programme", "demo", "--auto")
        for kind in ("midterm", "final"):  # the mid-term one open, the final one closed
            cli(url, "wave", "open", "--programme", "demo", "--kind", kind)
        cli(url, "wave", "close", "--programme", "demo", "--kind", "final")
        seen = Seen()
        for who in ("admin", "rita"):
            sections(dialog, who, seen)
        command_line(url, seen, folder)
        rita = core.find("console", "rita")
        admin = core.find("console", "admin")
        assert rita is not None and admin is not None
        seen.texts += drawn_texts(engine, None) + drawn_texts(engine, rita)
        seen.texts += homes(core, engine, [admin, rita])
        seen.texts += [record.getMessage() for record in caplog.records]
        assert any("Tableau de suivi" in text for text in seen.texts), "the export was reached"
        assert len([p for p in seen.files if p.suffix == ".png"]) >= 3, "charts were drawn"
        assert len([p for p in seen.files if p.suffix == ".xlsx"]) >= 3, "XLSX files were made"
        for where, text in seen.contents():
            for secret in secrets:
                assert secret not in text, f"{secret!r} shown in {where}"
