"""A coordinator's old programme picker, used after the role was taken back, shows nothing."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from storage.models import AuditEvent
from tests.conftest import Dialog

runner = CliRunner()
SECOND = 'slug = "second"\nname = "Second programme"\n'


def cli(db_url: str, *args: str) -> None:
    result = runner.invoke(app, [*args, "--db", db_url])
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("programme")
def test_a_picker_kept_from_before_a_revocation_is_refused_and_audited(
    dialog: Dialog, db_url: str, engine: Engine, tmp_path: object
) -> None:
    path = tmp_path / "second.toml"  # type: ignore[operator]
    path.write_text(SECOND, encoding="utf-8")
    cli(db_url, "programme", "apply", str(path))
    dialog("@rita\n/start")
    for slug in ("demo", "second"):
        cli(db_url, "role", "grant", "referent", "console:rita", "--programme", slug)
    said = dialog("@rita\n/admin")
    assert "Quel programme" in said and "Second programme" in said, said
    for slug in ("demo", "second"):
        cli(db_url, "role", "revoke", "referent", "console:rita", "--programme", slug)
    said = dialog("@rita\n1")
    assert "réservée aux coordinateurs" in said and "Binômes" not in said, said
    with Session(engine) as session:
        actions = [event.action for event in session.exec(select(AuditEvent))]
    assert "admin.figures.refused" in actions and "admin.figures" not in actions
