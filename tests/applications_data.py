"""Applications files for the import tests, and running `mentorbot applications ...`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from bot.domain.application_rows import COLUMNS

runner = CliRunner()
NO_PLATFORM = {"SLACK_BOT_TOKEN": None, "TELEGRAM_BOT_TOKEN": None}

MENTOR = {
    "role": "mentor", "name": "Marc Lefèvre", "account": "console:marc",
    "organisation": "Ministère A", "unit": "DRH", "manager": "Paul Durand", "job": "Directeur",
    "years": "20", "posts": "4", "location": "Lyon",
    "topics": "Prise de poste|management d'equipe", "format": "video", "languages": "fr|en",
    "expectations": "Partager mon expérience", "motivation": "Transmettre",
    "availability": "Mardis après-midi",
}  # fmt: skip
MENTEE = {
    **MENTOR, "role": "mentee", "name": "Léa Martin", "account": "console:lea",
    "organisation": "Agence B", "unit": "", "manager": "Sophie Martin",
    "job": "Cheffe de service", "years": "3", "posts": "1", "topics": "prise de poste",
    "format": "any", "languages": "fr", "expectations": "Prendre du recul",
    "motivation": "Progresser", "availability": "Le matin",
}  # fmt: skip


def person(base: dict[str, str], name: str, account: str, **changes: str) -> dict[str, str]:
    """A row like `base` for someone else."""
    return {**base, "name": name, "account": account, **changes}


def csv_text(rows: list[dict[str, str]], delimiter: str = ",", bom: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([row.get(column, "") for column in COLUMNS] for row in rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def write(
    tmp_path: Path, rows: list[dict[str, str]], delimiter: str = ",", bom: bool = False
) -> Path:
    path = tmp_path / "applications.csv"
    path.write_text(csv_text(rows, delimiter, bom), encoding="utf-8")
    return path


def cli(db_url: str, *args: str, env: dict[str, str | None] | None = None) -> tuple[int, str]:
    """Run `mentorbot ARGS --db DB_URL`; its exit code and everything it printed."""
    result = runner.invoke(app, [*args, "--db", db_url], env={**NO_PLATFORM, **(env or {})})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output
