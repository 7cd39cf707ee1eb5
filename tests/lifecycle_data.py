"""Programme files on a simulated calendar, for the lifecycle, committee and cohort tests.

The calendar is in 2031 (Europe/Paris): applications from 5 January to 15 February, the
programme from 1 March to 30 September, mid-term questionnaire on 15 June, final on 20 September.
Tests drive the core with `core.clock` and the sweeps with `run_sweeps(engine, now)`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app

runner = CliRunner()
TOPICS = [
    "budget", "ressources humaines", "management", "numérique", "juridique",
    "communication", "international", "achats", "innovation", "stratégie",
]  # fmt: skip
BEFORE_CLOSE = datetime(2031, 1, 20, 9, tzinfo=UTC)
AFTER_CLOSE = datetime(2031, 2, 15, 8, tzinfo=UTC)  # 9:00 in Paris: the close has passed
DURING = datetime(2031, 4, 1, 9, tzinfo=UTC)
AFTER_MIDTERM = datetime(2031, 6, 15, 8, tzinfo=UTC)
AFTER_END = datetime(2031, 9, 30, 8, tzinfo=UTC)


def programme_file(
    tmp_path: Path, slug: str = "cohorte-2031", *, waves: bool = True, **keys: object
) -> Path:
    """A programme file on the 2031 calendar; `keys` replace top-level keys (TOML literals);
    `waves=False` leaves the questionnaire dates out."""
    top: dict[str, object] = {
        "slug": f'"{slug}"',
        "name": '"Mentorat des cadres 2031"',
        "applications_open": "2031-01-05",
        "applications_close": "2031-02-15",
        "starts": "2031-03-01",
        "ends": "2031-09-30",
        "proposals": 3,
        "mentor_capacity": 1,
        "matching": '"at_close"',
        "topics": "[" + ", ".join(f'"{topic}"' for topic in TOPICS) + "]",
    }
    top.update(keys)
    lines = [f"{key} = {value}" for key, value in top.items()]
    if waves:
        lines += ["", "[questionnaires]", "midterm = 2031-06-15", "final = 2031-09-20", ""]
    path = tmp_path / f"{slug}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def cli(db_url: str, *args: str) -> tuple[int, str]:
    """Run `mentorbot ARGS --db DB_URL`: its exit code and everything it printed."""
    result = runner.invoke(
        app, [*args, "--db", db_url], env={"SLACK_BOT_TOKEN": None, "TELEGRAM_BOT_TOKEN": None}
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def apply_programme(db_url: str, path: Path) -> None:
    code, said = cli(db_url, "programme", "apply", str(path))
    assert code == 0, said
