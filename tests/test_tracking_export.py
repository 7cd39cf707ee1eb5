"""The tracking table (CSV and XLSX): every meeting of the listed pairs and nothing else, real
dates in the XLSX, a referent's pairs only, formulas neutralised; from `/admin` on the console,
on Telegram and on Slack (fake servers over HTTP), and from `mentorbot export tracking`, whose
errors name the fix. SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bench.followup_seed import seed_followup
from bot.cli import app
from handlers.admin_tracking import zone_phrase
from handlers.core import Core
from messages.catalog import t
from storage.enums import PairState
from storage.models import AuditEvent, Identity, Meeting, Pair, Person, Programme, RoleGrant
from tests.conftest import Dialog
from tests.fake_slack import FakeSlack, FakeUser, wait_for
from tests.fake_telegram import FakeTelegram, User
from tests.journey import active_pair
from tests.test_slack import ADMIN, TEAM, Workspace, start_runner
from tests.test_telegram import Chat, running

pytestmark = [
    pytest.mark.usefixtures("programme"),
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
MARKER = "ZZ-SECRET-MARKER"
PAIRS = 40
PARIS = ZoneInfo("Europe/Paris")
FORMATS = {"video": "Visioconférence", "in_person": "En présentiel", "phone": "Téléphone"}
ATTENDANCE = {"held": "tenue", "cancelled": "annulée", "no_show": "non tenue", "planned": "prévue"}
HEADER = [
    "N° du binôme", "Mentoré", "Mentor", "Référent", "État du binôme", "Date de la rencontre",
    "Heure de début", "Durée (minutes)", "Format", "Grands thèmes", "Statut de la rencontre",
]  # fmt: skip
LISTED = ("awaiting_charter", "active", "completed", "withdrawn")
REFUSED = "réservée aux coordinateurs"
runner = CliRunner()


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url])
    return result.exit_code, result.output


@pytest.fixture
def seeded(engine: Engine, cipher: MultiFernet, programme: int) -> list[int]:
    """A programme under way whose private texts (notes, action items, private objectives,
    reasons) all hold MARKER."""
    now = datetime.now(UTC)
    return seed_followup(engine, programme, PAIRS, cipher, now, marker=MARKER)


Row = tuple[str, str, str, str, date | None, time | None, int | None, str, str, str]


def expected_rows(engine: Engine, programme: int, referent: int | None = None) -> list[Row]:
    """What the table must hold, read here from the tables, without the export's code."""
    with Session(engine) as session:
        pairs = session.exec(
            select(Pair).where(Pair.programme_id == programme, col(Pair.state).in_(LISTED))
        ).all()
        names = {p.id: p.display_name for p in session.exec(select(Person))}
        meetings = session.exec(select(Meeting)).all()
    by_pair: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        by_pair.setdefault(meeting.pair_id, []).append(meeting)
    states = {"awaiting_charter": "en attente de la signature de la charte",
              "active": "en cours", "completed": "terminé", "withdrawn": "arrêté"}  # fmt: skip
    rows: list[Row] = []
    for pair in pairs:
        if referent is not None and pair.referent_person_id != referent:
            continue
        people = (names[pair.mentee_person_id], names[pair.mentor_person_id],
                  names.get(pair.referent_person_id, ""), states[pair.state])  # fmt: skip
        its_meetings = by_pair.get(pair.id or 0, [])
        if not its_meetings:
            rows.append((*people, None, None, None, "", "", ""))
        for meeting in its_meetings:
            local = meeting.scheduled_at.astimezone(PARIS)
            rows.append((*people, local.date(), local.time().replace(second=0, microsecond=0),
                         meeting.duration_minutes, FORMATS[meeting.format],
                         ", ".join(meeting.themes), ATTENDANCE[meeting.status]))  # fmt: skip
    return sorted(rows, key=repr)


def xlsx_rows(path: Path) -> tuple[list[str], list[Row], openpyxl.worksheet.worksheet.Worksheet]:
    """The header, the rows (dates as dates, the pair number dropped), and the sheet."""
    sheet = openpyxl.load_workbook(path).active
    [header, *body] = [list(row) for row in sheet.iter_rows(values_only=True)]
    rows = []
    for number, *rest in body:
        assert isinstance(number, int)
        day = rest[4].date() if isinstance(rest[4], datetime) else rest[4]
        rows.append((*(v or "" for v in rest[:4]), day, *rest[5:7],
                     *(v or "" for v in rest[7:])))  # fmt: skip
    return header, sorted(rows, key=repr), sheet


def csv_rows(path: Path, separator: str = ";") -> tuple[list[str], list[list[str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, for Excel"
    [header, *body] = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=separator))
    return header, body


def every_cell(sheet: openpyxl.worksheet.worksheet.Worksheet) -> Iterator[str]:
    """The text of every text cell (dates, times and numbers are typed values)."""
    for row in sheet.iter_rows(values_only=True):
        yield from (value for value in row if isinstance(value, str))


def grant_referent(engine: Engine, name: str, pair_ids: list[int], programme: int) -> int:
    """The console person `name`, referent of the programme, following these pairs."""
    with Session(engine) as session:
        person = Person(display_name=name)
        session.add(person)
        session.flush()
        assert person.id is not None
        session.add(Identity(person_id=person.id, platform="console", user_key=name))
        session.add(RoleGrant(person_id=person.id, role="referent", programme_id=programme))
        session.execute(
            update(Pair).where(col(Pair.id).in_(pair_ids)).values(referent_person_id=person.id)
        )
        session.commit()
        return person.id


def audited(engine: Engine, action: str) -> list[AuditEvent]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_xlsx_holds_every_meeting_with_real_dates_and_nothing_private(
    engine: Engine, db_url: str, seeded: list[int], programme: int, tmp_path: Path
) -> None:
    with Session(engine) as session:  # a pair waiting for its charter: no meeting yet
        waiting = session.exec(select(Pair).where(Pair.state == PairState.proposed)).first()
        assert waiting is not None
        waiting.state = PairState.awaiting_charter
        session.add(waiting)
        session.commit()
    out = tmp_path / "suivi.xlsx"
    code, said = cli(db_url, "export", "tracking", "--programme", "demo", "--out", str(out))
    assert code == 0, said
    expected = expected_rows(engine, programme)
    [waiting_row] = [row for row in expected if row[3].startswith("en attente")]
    assert waiting_row[4:] == (None, None, None, "", "", "")  # one row, meeting columns empty
    pairs, meetings = len({row[:2] for row in expected}), sum(1 for row in expected if row[4])
    assert f"{len(expected)} rows ({pairs} pairs, {meetings} meetings)" in said
    assert "(s)" not in said and str(out) in said
    assert out.stat().st_mode & 0o777 == 0o600
    header, rows, sheet = xlsx_rows(out)
    assert header == HEADER
    assert rows == expected
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    assert sheet.auto_filter.ref == f"A1:K{len(expected) + 1}"
    assert sheet["F2"].is_date and sheet["F2"].number_format == "dd/mm/yyyy"
    assert isinstance(sheet["G2"].value, time) and sheet["H2"].data_type == "n"
    shown = "\n".join(every_cell(sheet))
    assert MARKER not in shown and "objectif partagé" not in shown
    assert not re.search(r"\d{4}-\d{2}-\d{2}", shown)
    assert "in_person" not in shown and "no_show" not in shown
    [event] = audited(engine, "tracking.export")
    assert event.details["format"] == "xlsx" and event.details["rows"] == len(expected)


def test_the_csv_holds_the_same_rows_in_the_readers_conventions(
    engine: Engine, db_url: str, seeded: list[int], programme: int, tmp_path: Path
) -> None:
    out = tmp_path / "suivi.txt"
    code, said = cli(db_url, "export", "tracking", "--programme", "demo", "--format", "CSV",
                     "--out", str(out))  # fmt: skip
    assert code == 0, said
    header, body = csv_rows(out)
    assert header == HEADER
    expected = expected_rows(engine, programme)
    assert len(body) == len(expected)
    day, start = next((row[5], row[6]) for row in body if row[5])
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", day) and re.fullmatch(r"\d{2}:\d{2}", start)
    assert sorted(tuple(row[1:5]) for row in body) == sorted(row[:4] for row in expected)
    assert MARKER not in out.read_text(encoding="utf-8-sig")
    numbers = [int(row[0]) for row in body]
    assert numbers == sorted(numbers) and numbers[-1] == len({r[:4] for r in expected})


def test_an_english_coordinator_gets_english_headers_commas_and_unambiguous_dates(
    engine: Engine, db_url: str, seeded: list[int], programme: int, tmp_path: Path
) -> None:
    with Session(engine) as session:
        pairs = session.exec(select(Pair.id).where(Pair.state == PairState.active)).all()
    rita = grant_referent(engine, "rita", list(pairs[:3]), programme)
    with Session(engine) as session:
        session.execute(update(Person).where(col(Person.id) == rita).values(locale="en"))
        session.commit()
    out = tmp_path / "tracking.csv"
    code, said = cli(db_url, "export", "tracking", "--programme", "demo", "--out", str(out),
                     "--as", "console:rita")  # fmt: skip
    assert code == 0, said
    assert "of your pairs in 'demo'" in said
    header, body = csv_rows(out, ",")
    assert header[:2] == ["Pair no.", "Mentee"] and header[-1] == "Meeting status"
    assert {row[3] for row in body} == {"rita"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", next(row[5] for row in body if row[5]))
    assert {row[4] for row in body} == {"under way"}


def test_a_referent_exports_its_own_pairs_only_in_the_chat_and_on_the_command_line(
    engine: Engine,
    db_url: str,
    dialog: Dialog,
    seeded: list[int],
    programme: int,
    tmp_path: Path,
) -> None:
    mine = seeded[:5]
    rita = grant_referent(engine, "rita", mine, programme)
    grant_referent(engine, "otto", seeded[5:10], programme)
    expected = expected_rows(engine, programme, referent=rita)
    said = dialog("@rita\n/admin export xlsx")
    assert "Tableau de suivi de vos binômes dans «\u202fProgramme" in said, said
    path = Path(said.split("-> ")[1].rsplit(" (", 1)[0])
    assert re.fullmatch(r"suivi-demo-\d{4}-\d{2}-\d{2}\.xlsx", path.name)
    _, rows, _ = xlsx_rows(path)
    assert rows == expected and {row[2] for row in rows} == {"rita"}
    pairs = len({row[:2] for row in expected})
    assert f"{pairs} binômes" in said

    out = tmp_path / "rita.xlsx"
    code, said = cli(db_url, "export", "tracking", "--programme", "demo", "--out", str(out),
                     "--as", "console:rita")  # fmt: skip
    assert code == 0, said
    assert xlsx_rows(out)[1] == expected
    chat, command_line = audited(engine, "tracking.export")
    one = tmp_path / "one.csv"
    una = grant_referent(engine, "una", seeded[10:11], programme)
    rows = expected_rows(engine, programme, referent=una)
    meetings = sum(1 for row in rows if row[4])
    code, said = cli(db_url, "export", "tracking", "--programme", "demo", "--out", str(one),
                     "--as", "console:una")  # fmt: skip
    noun = "meeting" if meetings == 1 else "meetings"
    assert code == 0 and f"(1 pair, {meetings} {noun}) of your pairs" in said, said
    assert chat.details["via"] == "chat" and command_line.details["via"] == "cli"
    assert chat.details["referent_only"] and chat.details["rows"] == len(expected)


def test_a_name_or_theme_that_looks_like_a_formula_stays_text(
    engine: Engine, db_url: str, seeded: list[int], tmp_path: Path
) -> None:
    formula = '=HYPERLINK("http://evil.example","clic")'
    with Session(engine) as session:
        pair = session.exec(select(Pair).where(Pair.state == PairState.active)).first()
        assert pair is not None
        session.execute(update(Person).where(col(Person.id) == pair.mentee_person_id)
                     .values(display_name=formula))  # fmt: skip
        session.execute(update(Meeting).where(col(Meeting.pair_id) == pair.id)
                     .values(themes=["+cmd|' /C calc'!A0", "@SUM(1)"]))  # fmt: skip
        session.commit()
    code, _ = cli(db_url, "export", "tracking", "--programme", "demo", "--out",
                  str(tmp_path / "t.csv"))  # fmt: skip
    assert code == 0
    _, body = csv_rows(tmp_path / "t.csv")
    assert {row[1] for row in body if formula in row[1]} == {"'" + formula}
    assert "'+cmd|' /C calc'!A0, @SUM(1)" in {row[9] for row in body}
    code, _ = cli(db_url, "export", "tracking", "--programme", "demo", "--out",
                  str(tmp_path / "t.xlsx"))  # fmt: skip
    assert code == 0
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == formula]
    assert cells and all(cell.data_type == "s" for cell in cells)
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_private_texts_written_through_the_flows_never_reach_either_file(
    dialog: Dialog, engine: Engine
) -> None:
    secrets = ("OBJ-secret-1", "NOTE-secret-2", "ACTION-secret-3", "REASON-secret-4")
    active_pair(dialog)
    said = dialog(f"@marc\n1\n@lea\n1\n@lea\n1\n{secrets[0]}\n2\n1\n1")
    assert "Votre accord est enregistré" in said, said
    answers = ["hier 10h", "1", "90", "2", "1, 4", "télétravail, budget", *secrets[1:3]]
    said = dialog("\n".join(["@lea", "/meeting", "Noter une rencontre qui a eu lieu", *answers]))
    assert "est notée dans votre journal" in said, said
    dialog(f"@marc\n/withdraw\n1\n{secrets[3]}")
    for button, suffix in (("Excel (XLSX)", ".xlsx"), ("CSV (texte, pour tout tableur)", ".csv")):
        said = dialog(f"@admin\n/admin export\n{button}")
        assert "Tableau de suivi de «\u202fProgramme" in said and "un binôme, une rencontre" in said
        path = Path(said.split("-> ")[1].rsplit(" (", 1)[0])
        assert path.suffix == suffix
        if suffix == ".xlsx":
            shown = "\n".join(every_cell(openpyxl.load_workbook(path).active))
        else:
            shown = path.read_text(encoding="utf-8-sig")
        assert "télétravail, budget" in shown and "arrêté" in shown and "tenue" in shown
        for secret in secrets:
            assert secret not in shown, (secret, suffix)
    assert len(audited(engine, "tracking.export")) == 2


def test_an_empty_programme_says_so_instead_of_sending_a_file(dialog: Dialog) -> None:
    said = dialog("@admin\n/admin export")
    assert "Aucun binôme à suivre pour l'instant" in said and "->" not in said


def test_a_participant_is_refused_and_audited_in_the_chat_and_on_the_command_line(
    dialog: Dialog, engine: Engine, db_url: str, tmp_path: Path
) -> None:
    active_pair(dialog)
    assert REFUSED in dialog("@lea\n/admin export xlsx")
    code, said = cli(db_url, "export", "tracking", "--programme", "demo", "--out",
                     str(tmp_path / "t.xlsx"), "--as", "console:lea")  # fmt: skip
    assert code == 1 and "refused" in said
    assert not (tmp_path / "t.xlsx").exists()
    assert len(audited(engine, "admin.refused")) == 1
    assert len(audited(engine, "tracking.export.refused")) == 1


def test_a_button_clicked_after_the_role_was_revoked_is_refused(
    dialog: Dialog, engine: Engine, db_url: str, seeded: list[int], programme: int
) -> None:
    grant_referent(engine, "rita", seeded[:3], programme)
    assert "Sous quelle forme" in dialog("@rita\n/admin export")
    code, said = cli(db_url, "role", "revoke", "referent", "console:rita", "--programme", "demo")
    assert code == 0, said
    said = dialog("@rita\nExcel (XLSX)")
    assert REFUSED in said and "->" not in said
    assert len(audited(engine, "tracking.export.refused")) == 1


def test_the_command_line_names_the_fix_for_each_mistake(
    db_url: str, seeded: list[int], tmp_path: Path
) -> None:
    base = ("export", "tracking", "--programme", "demo")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    cases = [
        (["--out", str(tmp_path / "t.xlsx"), "--format", "pdf"], "use --format csv or --format"),
        (["--out", str(tmp_path / "t.txt")], "add --format csv or --format xlsx"),
        (
            ["--out", str(tmp_path / "t.csv"), "--format", "xlsx"],
            "--format xlsx but 't.csv' ends in .csv: name the file 't.xlsx', or use --format csv",
        ),
        (["--out", str(tmp_path / "t.XLSX"), "--format", "csv"], "name the file 't.csv'"),
        (["--out", str(tmp_path / "missing" / "t.csv")], "does not exist: create it first"),
        (["--out", str(tmp_path)], "is a folder: give a file name"),
        (["--out", str(tmp_path / ("x" * 300 + ".csv"))], "Choose a folder you may write to"),
    ]
    for args, fix in cases:
        code, said = cli(db_url, *base, *args)
        assert code == 2 and fix in " ".join(said.split()), (args, said)
    code, said = cli(db_url, "export", "tracking", "--programme", "nope", "--out",
                     str(tmp_path / "t.csv"))  # fmt: skip
    assert code == 2 and "mentorbot programme list" in said
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


def test_telegram_posts_the_xlsx_as_a_document(
    engine: Engine, cipher: MultiFernet, seeded: list[int], programme: int, telegram: FakeTelegram
) -> None:
    core = Core(engine, cipher, admins=[("telegram", "", "900")])
    expected = expected_rows(engine, programme)
    with running(core, telegram) as adapter:
        claire = Chat(telegram, adapter, User(900, "Claire"))
        claire.say("/admin export")
        claire.press(2, expect="Sous quelle forme")
        sent = telegram.wait_for(
            lambda: next((s for s in claire.messages() if s.file), None), what="the file"
        )
    name, content = sent.file
    assert re.fullmatch(r"suivi-demo-\d{4}-\d{2}-\d{2}\.xlsx", name)
    assert "Tableau de suivi de «\u202fProgramme" in sent.text
    assert sent.text.endswith(". Dates et heures à l'heure de Paris.")
    book = openpyxl.load_workbook(io.BytesIO(content))
    shown = "\n".join(every_cell(book.active))
    assert MARKER not in shown and book.active.max_row == len(expected) + 1


def test_dates_and_times_are_the_programmes_zones(
    engine: Engine, db_url: str, seeded: list[int], tmp_path: Path
) -> None:
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
        programme.timezone = "America/New_York"
        session.add(programme)
        meeting = session.exec(select(Meeting).order_by(col(Meeting.id))).first()
        assert meeting is not None
        meeting.scheduled_at = datetime(2026, 11, 3, 3, 30, tzinfo=UTC)  # 2 Nov 22:30 there
        session.add(meeting)
        session.commit()
    out = tmp_path / "t.xlsx"
    assert cli(db_url, "export", "tracking", "--programme", "demo", "--out", str(out))[0] == 0
    sheet = openpyxl.load_workbook(out).active
    found = {(row[5], row[6]) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert (datetime(2026, 11, 2), time(22, 30)) in found


def test_slack_uploads_the_csv_to_the_coordinators_dm(
    engine: Engine, cipher: MultiFernet, seeded: list[int], programme: int
) -> None:
    core = Core(engine, cipher, admins=[("slack", TEAM, ADMIN)])
    expected = expected_rows(engine, programme)
    with FakeSlack() as fake:
        fake.users[ADMIN] = FakeUser("fr-FR", "Europe/Paris", "Claire")
        bot, adapter = start_runner(core, fake)
        try:
            slack = Workspace(bot.url, fake, adapter)
            start = fake.count()
            slack.command(ADMIN, "export", command="/mentorat-admin")
            slack.expect(ADMIN, "Sous quelle forme", start)
            slack.click(ADMIN, "CSV (texte, pour tout tableur)")
            [shared] = wait_for(
                lambda: fake.of("files.completeUploadExternal"), what="the tracking table"
            )
        finally:
            bot.stop_thread()
    assert shared.params["channel_id"] == "D" + ADMIN
    assert "Tableau de suivi de «\u202fProgramme" in shared.params["initial_comment"]
    [file] = shared.params["files"]
    assert re.fullmatch(r"suivi-demo-\d{4}-\d{2}-\d{2}\.csv", file["title"])
    text = fake.uploads[file["id"]].decode("utf-8-sig")
    assert text.startswith("N° du binôme;Mentoré;Mentor")
    assert len(text.splitlines()) == len(expected) + 1 and MARKER not in text


@pytest.mark.parametrize(
    ("zone", "french", "english"),
    [
        ("Europe/Paris", "à l'heure de Paris", "Paris time"),
        ("Africa/Cairo", "à l'heure du Caire", "Cairo time"),
        ("Europe/Amsterdam", "à l'heure d'Amsterdam", "Amsterdam time"),
        ("America/Argentina/Buenos_Aires", "à l'heure de Buenos Aires", "Buenos Aires time"),
        ("Etc/GMT-1", "en UTC+1", "UTC+1"),
        ("UTC", "en UTC", "UTC"),
    ],
)
def test_the_caption_names_the_zone_as_people_say_it(zone: str, french: str, english: str) -> None:
    assert zone_phrase(zone, "fr") == french and zone_phrase(zone, "en") == english
    caption = t("en", "tracking-caption", programme="P", pairs=2, meetings=1, zone=english)
    assert caption == f'Tracking table of "P": 2 pairs, one meeting. Times are {english}.'
