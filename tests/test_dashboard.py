"""The coordinators' follow-up (`/admin suivi`, `/admin`, `mentorbot dashboard`, the chart) on
a small programme built by hand (tests/followup_data.py), on SQLite and PostgreSQL: the figures
are right, a referent sees its own pairs only, a participant is refused and audited, the chart
is a PNG drawn in the coordinator's language, and no private text ever shows."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import matplotlib.text
import pytest
from babel.dates import format_date
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bench.followup_seed import seed_followup
from bot.cli import app
from bot.domain.followup import Dashboard, PairFollowUp, PulsePoint, Totals
from handlers.core import Core
from handlers.followup_chart import figure, png
from handlers.followup_text import pair_line, short_day, summary_lines
from messages.catalog import t
from storage.followup import dashboard
from storage.models import AuditEvent, Programme
from storage.types import utcnow
from tests.conftest import Dialog
from tests.followup_data import MARKER, NAME, OTHER_PAIR, SLUG, Built, build

N = "\u202f"
PNG = b"\x89PNG\r\n\x1a\n"
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
runner = CliRunner()


@pytest.fixture
def built(core: Core, engine: Engine, cipher: MultiFernet) -> Built:
    def person(key: str, shown: str) -> int:
        return core.identify("console", key, display_name=shown)

    return build(engine, cipher, utcnow(), person)


def fr_day(moment: datetime) -> str:
    """A day as a French sentence says it, worked out here with babel alone."""
    zone = ZoneInfo("Europe/Paris")
    day, today = moment.astimezone(zone).date(), utcnow().astimezone(zone).date()
    text = format_date(day, "d MMMM" if day.year == today.year else "d MMMM y", locale="fr")
    return "1er" + text[1:] if day.day == 1 else text


def actions(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))))


def clean_of_secrets(said: str) -> None:
    assert MARKER not in said and "Objectif partagé" not in said
    assert not ISO.search(said), said


def test_the_figures_of_a_small_programme(engine: Engine, built: Built) -> None:
    with Session(engine) as session:
        programme = session.get(Programme, built.programme_id)
        assert programme is not None
        board = dashboard(session, programme, utcnow())
        mine = dashboard(session, programme, utcnow(), referent_id=built.people["rita"])
    totals = board.totals
    assert (totals.held, totals.expected, totals.on_pace) == (8, 7, 6)
    assert (totals.cancelled, totals.no_show) == (1, 1)
    assert (totals.objectives, totals.reached, totals.completed, totals.started) == (6, 3, 1, 3)
    assert (totals.overdue, totals.paused) == (1, 1)
    assert [(p.mean, p.answers) for p in board.pulse] == [(3.0, 6)]
    rows = {row.mentee: row for row in board.rows}
    assert set(rows) == {"Alice Martin", "Chloé Dubois", "Emma Leroy"}
    alice, chloe, emma = rows["Alice Martin"], rows["Chloé Dubois"], rows["Emma Leroy"]
    assert (alice.held, alice.expected, alice.overdue, alice.pulse) == (2, 3, True, (4.0, 1.5))
    assert alice.needs_attention and alice.low_pulse
    assert chloe.paused_until is not None and chloe.next_planned is not None
    assert (chloe.held, chloe.expected, chloe.needs_attention) == (1, 1, False)
    assert (emma.held, emma.expected, emma.reached, emma.objectives) == (5, 3, 2, 2)
    assert mine.referent_only and mine.applications == {}
    assert {row.mentee for row in mine.rows} == {"Alice Martin", "Emma Leroy"}
    assert mine.pairs_by_state == {"active": 1, "completed": 1}


def test_an_admin_reads_the_summary_the_pairs_and_the_chart_in_the_chat(
    dialog: Dialog, engine: Engine, built: Built, tmp_path: Path
) -> None:
    now = utcnow()
    said = dialog("@admin\n/admin suivi")
    for line in (
        f"Suivi de «{N}{NAME}{N}» au ",
        f"Candidatures{N}: aucune",
        f"Binômes{N}: 1 en attente de réponse du mentor, 2 actifs, 1 terminé",
        f"Rencontres{N}: 8 tenues{N}; au rythme du programme, 7 attendues à ce jour, dont "
        f"6 tenues{N}; 1 annulée{N}; 1 non tenue",
        f"Objectifs{N}: 3 atteints sur 6 fixés",
        f"Retards{N}: 1 binôme sans rencontre depuis trop longtemps{N}; 1 en pause",
        f"Achèvement{N}: 1 binôme terminé sur 3 commencés",
        f"Pouls moyen{N}: 3,0{N}; 1 prise de pouls de moins de 5 réponses n'est pas montrée",
        f"À suivre de près{N}:",
        f"• Alice Martin et Bruno Petit{N}: 2 rencontres, 3 attendues à ce jour{N}; dernière le "
        f"{fr_day(now - timedelta(days=70))}{N}; 1 annulée{N}; 1 non tenue{N}; 1 objectif "
        f"atteint sur 3{N}; en retard{N}; pouls 1,5 (bas)",
        f"… et 2 autres binômes{N}: le bouton «{N}Tous les binômes{N}» les liste tous.",
        "1. Graphique",
        "2. Tous les binômes",
    ):
        assert line in said, (line, said)
    assert "Chloé Dubois" not in said, "a paused pair does not need attention"
    assert "Emma Leroy" not in said, "a completed pair needs no attention"
    clean_of_secrets(said)

    listed = dialog("Tous les binômes")
    assert "Binômes 1 à 3 sur 3 (mentoré, puis mentor)" in listed
    assert (
        f"Chloé Dubois et David Roux{N}: 1 rencontre, 1 attendue à ce jour{N}; dernière le "
        f"{fr_day(now - timedelta(days=30))}{N}; prochaine le {fr_day(now + timedelta(days=20))}"
        f"{N}; 0 objectif atteint sur 1{N}; en pause jusqu'au "
        f"{fr_day(now + timedelta(days=10))}{N}; pouls 4,5"
    ) in listed
    assert f"Emma Leroy et Farid Naji{N}: terminé{N}; 5 rencontres, 3 attendues à ce jour" in listed
    assert listed.index("Alice Martin") < listed.index("Chloé Dubois")
    assert listed.index(f"Que souhaitez-vous voir{N}?") > listed.index("Emma Leroy")
    assert "1. Graphique" in listed and "2. Tous les binômes" in listed, "the last page goes on"
    clean_of_secrets(listed)

    chart = dialog("Graphique")
    assert f"Suivi de «{N}{NAME}{N}» au " in chart
    [path] = re.findall(r"-> (\S+\.png)", chart)
    assert Path(path).name == f"suivi-{SLUG}.png" and Path(path).read_bytes()[:8] == PNG
    assert f"Que souhaitez-vous voir{N}?" in chart and "2. Tous les binômes" in chart
    again = dialog("Tous les binômes")
    assert "Binômes 1 à 3 sur 3" in again, "the chart's buttons lead on"
    assert actions(engine) == [
        "admin.suivi",
        "admin.suivi.pairs",
        "admin.suivi.chart",
        "admin.suivi.pairs",
    ]


def test_a_referent_sees_its_own_pairs_only_in_the_chat(
    dialog: Dialog, engine: Engine, built: Built
) -> None:
    menu = dialog("@rita\n/admin")
    assert f"Suivi de vos binômes dans «{N}{NAME}{N}»" in menu and "Suivi des binômes" in menu
    assert "Candidatures" not in menu and "Journal des actions" not in menu
    said = dialog("/admin suivi")
    assert f"Binômes{N}: 1 actif, 1 terminé" in said
    assert (
        f"Rencontres{N}: 7 tenues{N}; au rythme du programme, 6 attendues à ce jour, dont 5" in said
    )
    assert "Alice Martin et Bruno Petit" in said
    listed = dialog("Tous les binômes")
    assert "Emma Leroy" in listed and "Binômes 1 à 2 sur 2" in listed
    for name in OTHER_PAIR:
        assert name not in said + listed + menu
    clean_of_secrets(said + listed)
    assert "réservée aux coordinateurs" in dialog("/admin journal")
    assert actions(engine)[-1] == "admin.journal.refused"


def test_a_participant_is_refused_and_audited(dialog: Dialog, engine: Engine, built: Built) -> None:
    said = dialog("@alice\n/admin suivi")
    assert "réservée aux coordinateurs" in said and "Mentorat suivi" not in said
    assert actions(engine) == ["admin.refused"]


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("fr", ["Binômes par état", "Rencontres", "Objectifs", "Pouls moyen (1 à 5)", "actifs"]),
        ("en", ["Pairs by state", "Meetings", "Objectives", "Mean pulse (1 to 5)", "active"]),
    ],
)
def test_the_chart_is_a_png_in_the_coordinators_language_without_names(
    engine: Engine, built: Built, locale: str, words: list[str]
) -> None:
    with Session(engine) as session:
        programme = session.get(Programme, built.programme_id)
        assert programme is not None
        board = dashboard(session, programme, utcnow())
    drawn = figure(board, locale, "Europe/Paris")
    texts = [artist.get_text() for artist in drawn.findobj(matplotlib.text.Text)]
    shown = "\n".join(texts)
    assert all(word in texts for word in words), texts
    round_day = datetime.fromisoformat(board.pulse[0].due_on)
    month = format_date(round_day, "MMMM", locale=locale)  # in full, as in the chat
    assert any(month in text for text in texts), texts
    for secret in ("Alice", "Bruno", "Chloé", "Rita", MARKER, "Objectif partagé"):
        assert secret not in shown
    assert png(board, locale, "Europe/Paris")[:8] == PNG


def chart_title(board: Dashboard, locale: str) -> str:
    """The chart's title, its wrapped lines joined again (its day is kept whole by no-break
    spaces)."""
    title = figure(board, locale, "Europe/Paris").get_suptitle()
    assert "\n" in title and all(len(line) <= 40 for line in title.split("\n")), title
    assert str(utcnow().year) in title.split("\n")[-1], "the day is never cut in two"
    return title.replace("\n", " ").replace("\u00a0", " ")


def test_the_chart_is_titled_with_the_scope_and_the_day_like_the_chat(
    engine: Engine, built: Built
) -> None:
    with Session(engine) as session:
        programme = session.get(Programme, built.programme_id)
        assert programme is not None
        board = dashboard(session, programme, utcnow())
        mine = dashboard(session, programme, utcnow(), referent_id=built.people["rita"])
    today = fr_day(utcnow())
    assert chart_title(board, "fr") == f"Suivi de «{N}{NAME}{N}» au {today} {utcnow().year}"
    assert chart_title(mine, "fr").startswith(f"Suivi de vos binômes dans «{N}{NAME}{N}» au ")
    assert chart_title(mine, "en").startswith(f'Follow-up of your pairs in "{NAME}" on ')


def state_colours(board: Dashboard) -> dict[str, tuple[float, ...]]:
    """Each state bar's label (drawn above it) and its colour."""
    states = figure(board, "fr", "Europe/Paris").axes[0]
    labels = [text.get_text() for text in states.texts if not text.get_text().startswith(" ")]
    return dict(zip(labels, [bar.get_facecolor() for bar in states.patches], strict=True))


def test_each_pair_state_keeps_its_colour_whichever_states_exist(
    engine: Engine, built: Built
) -> None:
    with Session(engine) as session:
        programme = session.get(Programme, built.programme_id)
        assert programme is not None
        board = dashboard(session, programme, utcnow())
    only_active = replace(board, pairs_by_state={"active": 2})
    every = state_colours(board)
    assert len(set(every.values())) == len(every) == 3, every
    assert state_colours(only_active)["actifs"] == every["actifs"]


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url], env={"COLUMNS": "80"})
    return result.exit_code, result.output


def test_the_command_line_shows_every_pair_to_an_admin_and_its_own_to_a_referent(
    db_url: str, engine: Engine, built: Built, tmp_path: Path
) -> None:
    code, said = cli(db_url, "dashboard", "--programme", SLUG)
    assert code == 0, said
    lines = said.splitlines()
    assert "Applications: none" in lines
    assert "Pairs: 1 waiting for the mentor's answer, 2 active, 1 completed" in lines
    assert (
        "Meetings: 8 held; at the programme's rhythm, 7 expected by now, 6 of them held; "
        "1 cancelled; 1 did not take place" in lines
    )
    assert "Mean pulse: 3.0; 1 round with fewer than 5 answers is not shown" in lines
    assert "Pairs 1 to 3 of 3 (mentee, then mentor)" in lines
    pairs = [line for line in lines if line.startswith("• ")]
    assert [line.split(":")[0] for line in pairs] == [
        "• Alice Martin and Bruno Petit",
        "• Chloé Dubois and David Roux",
        "• Emma Leroy and Farid Naji",
    ], "one pair per line, needing attention first, whatever the terminal's width"
    assert pairs[0].endswith("; 1 of 3 objectives reached; overdue; pulse 1.5 (low)"), pairs
    assert "│" not in said and "┃" not in said, "no table"
    clean_of_secrets(said)

    chart = tmp_path / "suivi.png"
    code, said = cli(
        db_url, "dashboard", "--programme", SLUG, "--as", "console:rita", "--chart", str(chart)
    )
    assert code == 0, said
    assert f'Follow-up of your pairs in "{NAME}"' in said and "Alice Martin" in said
    assert "Applications" not in said and "Rita Référente" not in said
    assert all(name not in said for name in OTHER_PAIR)
    assert f"Chart written to {chart.resolve()}" in said.replace("\n", "")
    assert chart.read_bytes()[:8] == PNG
    assert actions(engine)[-2:] == ["dashboard", "dashboard"]


def test_the_command_line_refuses_participants_and_names_the_fix_for_bad_input(
    db_url: str, engine: Engine, built: Built, tmp_path: Path
) -> None:
    code, said = cli(db_url, "dashboard", "--programme", SLUG, "--as", "console:alice")
    assert code == 1 and "refused" in said and "Alice Martin" not in said
    assert actions(engine) == ["dashboard.refused"]
    code, said = cli(db_url, "dashboard", "--programme", "nope")
    assert code == 2 and "mentorbot programme list" in said
    code, said = cli(db_url, "dashboard", "--programme", SLUG, "--chart", str(tmp_path / "c.txt"))
    assert code == 2 and ".png" in said
    missing = tmp_path / "absent" / "c.png"
    code, said = cli(db_url, "dashboard", "--programme", SLUG, "--chart", str(missing))
    assert code == 2 and "does not exist" in " ".join(said.split())  # wrapped at 80 columns


def test_a_large_programme_shows_15_pairs_needing_attention_and_pages_of_40(
    dialog: Dialog, engine: Engine, cipher: MultiFernet
) -> None:
    with Session(engine) as session:
        programme = Programme(slug="grand", name="Grand programme")
        session.add(programme)
        session.commit()
        assert programme.id is not None
        programme_id = programme.id
    seed_followup(engine, programme_id, 120, cipher, utcnow(), marker=MARKER)
    said = dialog("@admin\n/admin suivi")
    assert said.count("• ") == 15 and "autres binômes" in said
    clean_of_secrets(said)
    first = dialog("Tous les binômes")
    total = int(re.search(r"Binômes 1 à 40 sur (\d+)", first)[1])  # type: ignore[index]
    assert first.count("• ") == 40 and "Binômes suivants" in first
    second = dialog("Binômes suivants")
    assert f"Binômes 41 à 80 sur {total}" in second and second.count("• ") == 40
    clean_of_secrets(first + second)


def row_of(**fields: object) -> PairFollowUp:
    """A pair's figures, active and quiet unless `fields` say otherwise."""
    now = utcnow()
    given: dict = dict(
        pair_id=1, mentee="Alice Martin", mentor="Bruno Petit", referent="", state="active",
        activated_at=now - timedelta(days=40), held=1, expected=1, last_held=None,
        next_planned=None, cancelled=0, no_show=0, objectives=0, reached=0, overdue=False,
        paused_until=None,
    )  # fmt: skip
    return PairFollowUp(**{**given, **fields})


def test_only_an_active_pair_needs_attention() -> None:
    assert row_of(pulse=(4.0, 1.5)).needs_attention
    assert row_of(overdue=True).needs_attention and row_of(expected=3).needs_attention
    for state in ("completed", "withdrawn", "awaiting_charter"):
        assert not row_of(state=state, pulse=(1.0,), expected=3).needs_attention, state


def test_names_are_written_as_people_wrote_them() -> None:
    line = pair_line(row_of(mentee="p50", mentor="p49"), "fr", "Europe/Paris", utcnow())
    assert line.startswith(f"p50 et p49{N}: 1 rencontre"), line


def test_the_first_of_the_month_is_1er_in_french_and_months_are_in_full() -> None:
    now = datetime(2026, 11, 22, 10, tzinfo=ZoneInfo("UTC"))
    first = datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("UTC"))
    assert short_day(first, "fr", "Europe/Paris", now) == "1er décembre"
    assert short_day(first, "en", "Europe/Paris", now) == "1 December"
    assert short_day(first + timedelta(days=22), "fr", "Europe/Paris", now) == "23 décembre"
    assert short_day(first + timedelta(days=31), "fr", "Europe/Paris", now) == "1er janvier 2027"
    # 23:30 in Paris on 30 November is already 1 December in Tokyo
    late = datetime(2026, 11, 30, 22, 30, tzinfo=ZoneInfo("UTC"))
    assert (
        short_day(late, "fr", "Europe/Paris", now),
        short_day(late, "fr", "Asia/Tokyo", now),
    ) == (
        "30 novembre",
        "1er décembre",
    )


def test_a_single_pulse_round_is_no_trend() -> None:
    board = Dashboard(
        "P", "p", utcnow(), False, totals=Totals.of([row_of()]),
        pulse=(PulsePoint("2026-11-01", 3.5, 6),),
    )  # fmt: skip
    assert summary_lines(board, "fr", "Europe/Paris")[-1] == (
        f"Pouls moyen{N}: 3,5 (une seule prise de pouls pour l'instant)"
    )


def test_a_programme_without_pairs_says_how_its_follow_up_fills_in(
    dialog: Dialog, engine: Engine
) -> None:
    with Session(engine) as session:
        session.add(Programme(slug="vide", name="Programme vide"))
        session.commit()
    said = dialog("@admin\n/admin suivi")
    assert f"Binômes{N}: aucun pour l'instant" in said
    assert "Le suivi se remplira dès qu'un mentor aura accepté un mentoré." in said
    for absent in ("Rencontres", "Objectifs", "Retards", "Achèvement", "Pouls", "attention"):
        assert absent not in said, absent
    assert "1. Graphique" in said and "Tous les binômes" not in said
    chart = dialog("Graphique")
    assert ".png" in chart and "Que souhaitez-vous voir" not in chart


def test_a_person_who_erased_their_data_is_named_with_the_catalogs_words() -> None:
    now = utcnow()
    row = PairFollowUp(
        pair_id=1, mentee="", mentor="Bruno Petit", referent="", state="withdrawn",
        activated_at=now - timedelta(days=40), held=1, expected=1, last_held=None,
        next_planned=None, cancelled=0, no_show=0, objectives=0, reached=0, overdue=False,
        paused_until=None,
    )  # fmt: skip
    assert pair_line(row, "fr", "Europe/Paris", now) == (
        f"Une personne partie du programme et Bruno Petit{N}: interrompu{N}; "
        f"1 rencontre, 1 attendue à ce jour{N}; aucun objectif fixé"
    )
    assert pair_line(row, "en", "America/New_York", now) == (
        "Someone who left the programme and Bruno Petit: ended early; 1 meeting, "
        "1 expected by now; no objective set"
    )


def test_the_bot_starts_without_importing_matplotlib() -> None:
    code = "import sys, bot.cli, handlers.core; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


def test_a_pair_just_started_is_not_said_to_have_held_none_of_zero_meetings() -> None:
    said = t("fr", "followup-meetings", held=1, expected=0, on_pace=0, cancelled=0, no_show=0)
    assert said == (
        f"Rencontres{N}: 1 tenue{N}; au rythme du programme, aucune attendue encore{N}; "
        f"0 annulée{N}; 0 non tenue"
    )
    said = t("en", "followup-meetings", held=2, expected=3, on_pace=2, cancelled=1, no_show=0)
    assert "3 expected by now, 2 of them held" in said
