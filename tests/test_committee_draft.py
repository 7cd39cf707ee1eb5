"""A committee programme's draft (`handlers.committee_draft`): computed at the close, reviewed
with `mentorbot match` or /admin matching, a mentee moved (a hard rule refuses, naming it), a
placement locked surviving a new run of the engine, then published: each placed mentee's mentor
is asked as for a committee pair, and the mentees left without are told. The same through the
console and through Telegram over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.sweeps import run_sweeps
from handlers.core import Core
from storage.models import Application, AuditEvent, Pair, Person, Placement, Proposal
from tests.applications_data import MENTEE, MENTOR, person, write
from tests.conftest import Dialog
from tests.fake_telegram import FakeTelegram, User
from tests.journey import MENTEE_FORM, MENTOR_FORM, apply
from tests.lifecycle_data import AFTER_CLOSE, BEFORE_CLOSE, apply_programme, cli, programme_file
from tests.test_committee import BOSS_FORM, delivered
from tests.test_telegram import Chat, running

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
SLUG = "cohorte-2031"
REFUSED = "réservée aux coordinateurs"


def closed_committee(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> str:
    """marc and paul mentor (one place each); lea, zoe and boss (marc's report) apply; the
    applications close: what the admins were told."""
    apply_programme(db_url, programme_file(tmp_path, matching='"committee"'))
    core.clock = lambda: BEFORE_CLOSE
    dialog("@admin\n/status")
    for name in ("marc", "paul"):
        apply(dialog, name, "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    apply(dialog, "zoe", "1", MENTEE_FORM)
    apply(dialog, "boss", "1", BOSS_FORM)
    assert run_sweeps(engine, AFTER_CLOSE)["close_applications"] == 1
    core.clock = lambda: AFTER_CLOSE
    return delivered(dialog)


def placed(engine: Engine) -> dict[str, tuple[str, bool, str]]:
    """The stored draft: mentee name -> (mentor name, locked, moved reason)."""
    with Session(engine) as session:
        names = {
            app.id: person.display_name
            for app, person in session.exec(
                select(Application, Person).join(Person, col(Person.id) == Application.person_id)
            )
        }
        return {
            names[p.mentee_application_id]: (
                names[p.mentor_application_id],
                p.locked,
                p.moved_reason,
            )
            for p in session.exec(select(Placement))
        }


def audited(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))))


def match(db_url: str, *args: str) -> tuple[int, str]:
    return cli(db_url, "match", "--programme", SLUG, *args)


def test_the_close_stores_the_draft_and_tells_the_admins_why_some_are_short(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    told = closed_committee(core, dialog, db_url, engine, tmp_path)
    assert (
        "[admin] Les candidatures au programme « Mentorat des cadres 2031 » sont closes : "
        "le projet d'appariement du comité est prêt." in told
    )
    assert "Projet du comité pour « Mentorat des cadres 2031 » : 2 mentorés placés sur 3." in told
    assert (
        "[admin] - boss : les mentors possibles sont déjà placés avec d'autres mentorés\n"
        "[admin]     1 (lien hiérarchique) : marc" in told
    )
    assert "« mentorbot match --programme cohorte-2031 »" in told
    assert "Choisir 1" not in told and "[marc] Le comité" not in told, "nothing sent yet"
    draft = placed(engine)
    assert sorted(draft) == ["lea", "zoe"] and {m for m, _, _ in draft.values()} == {
        "marc",
        "paul",
    }


def test_the_cli_reviews_moves_locks_and_publishes_the_draft(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    closed_committee(core, dialog, db_url, engine, tmp_path)
    code, said = match(db_url)
    assert code == 0, said
    assert 'Committee\'s draft for "Mentorat des cadres 2031": 2 of 3 mentees placed.' in said
    assert (
        "- boss: the possible mentors are already placed with other mentees\n"
        "    1 (line-management link): marc" in said
    ), said
    assert "shared topics: budget," in said
    assert "Draft stored, nothing was sent." in said

    code, said = match(db_url, "--move", "console:boss", "--to", "console:marc", "--reason", "x")
    assert code == 2 and "Refused (hierarchy)" in said and "line-management link" in said, said
    code, said = match(db_url, "--move", "console:lea", "--to", "console:marc")
    assert code == 2 and "--move needs --to ACCOUNT (the mentor) and --reason TEXT" in said
    code, said = match(db_url, "--lock", "console:boss")
    assert code == 2 and "console:boss has no placement in the draft" in said, said

    engine_choice = placed(engine)["lea"][0]
    other = "paul" if engine_choice == "marc" else "marc"
    code, said = match(db_url, "--move", "console:lea", "--to", f"console:{other}",
                       "--reason", "Souhait exprimé en entretien")  # fmt: skip
    assert code == 0 and f"lea is placed with {other} in the draft, placement locked" in said
    [kept] = [name for name, (_, locked, _) in placed(engine).items() if not locked]
    [left] = {"zoe", "boss"} - {kept}
    code, said = match(db_url, "--lock", f"console:{kept}")
    assert code == 0 and f"{kept}'s placement with {engine_choice} is locked" in said, said

    code, said = match(db_url)  # a new run of the engine keeps what was moved or locked
    assert code == 0, said
    assert placed(engine) == {
        "lea": (other, True, "Souhait exprimé en entretien"),
        kept: (engine_choice, True, ""),
    }
    assert '— moved by the committee: "Souhait exprimé en entretien"' in said
    assert f"{kept} with {engine_choice} (score " in said and "— locked" in said

    code, said = match(db_url, "--apply")
    assert code == 0, said
    assert (
        'Committee\'s draft for "Mentorat des cadres 2031" published: 2 mentors asked; '
        "one mentee has no mentor and was told so" in said
    ), said
    told = delivered(dialog)
    assert "[marc] Le comité du programme vous propose d'accompagner un mentoré !" in told
    assert "[paul] Le comité du programme vous propose d'accompagner un mentoré !" in told
    unplaced = "Le comité du programme « Mentorat des cadres 2031 » n'a pas encore de mentor"
    assert f"[{left}] {unplaced}" in told
    assert "Souhait exprimé" not in told, "the committee's words stay with coordinators"
    with Session(engine) as session:
        pairs = {p.committee_reason for p in session.exec(select(Pair))}
        assert pairs == {
            "Souhait exprimé en entretien",
            "Placed by the committee's matching draft.",
        }
        assert session.exec(select(Placement)).first() is None, "the draft is forgotten"
        reasons = session.exec(select(Proposal.reasons)).all()
        assert all(r[0] == {"key": "reason-committee"} for r in reasons)
    done = audited(engine)
    assert "match.move.refused" in done and done.count("match.move") == 1
    assert "match.lock" in done and "match.apply" in done
    code, said = match(db_url, "--apply")
    assert code == 0 and 'No draft to publish for "Mentorat des cadres 2031"' in said, said
    code, said = match(db_url, "--as", "console:lea")
    assert code == 1 and "refused" in said


def test_a_full_mentor_at_publication_is_named_to_the_admin(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    closed_committee(core, dialog, db_url, engine, tmp_path)
    zoe_mentor = placed(engine)["zoe"][0]
    lea_mentor = placed(engine)["lea"][0]
    code, said = cli(db_url, "pair", "--programme", SLUG, "--mentee", "console:boss",
                     "--mentor", "console:paul", "--reason", "Urgence")  # fmt: skip
    assert code == 0, said
    code, said = match(db_url, "--apply")
    assert code == 0, said
    refused = "zoe" if zoe_mentor == "paul" else "lea"
    assert f"- no pair for {refused}: paul has no place left" in said, said
    assert "one mentor asked" in said and lea_mentor != zoe_mentor
    told = delivered(dialog)
    assert f"[admin] - pas de binôme pour {refused} : paul n'a plus de place" in told, told
    assert f"[{refused}] Le comité du programme" in told


def test_edits_need_a_committee_programme(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    apply_programme(db_url, programme_file(tmp_path))
    code, said = match(db_url, "--lock", "console:lea")
    assert code == 2 and "is matched 'at_close', without a committee's" in said, said
    code, said = match(db_url, "--apply", "--lock", "console:lea")
    assert code == 2 and "--apply and --lock: one at a time" in said, said


def test_the_chat_moves_locks_and_publishes_and_old_buttons_check_the_role(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    closed_committee(core, dialog, db_url, engine, tmp_path)
    said = dialog("@admin\n/admin matching")
    assert "Projet du comité pour « Mentorat des cadres 2031 » : 2 mentorés placés sur 3." in said
    assert "(score " in said and "sujets en commun : budget, ressources humaines" in said, said
    assert "boss : les mentors possibles sont déjà placés avec d'autres mentorés" in said
    assert "1 (lien hiérarchique) : marc" in said
    said = dialog("2")
    assert "(1/3) Mentoré" in said and "3. boss (Agence B)" in said, said
    said = dialog("3\n1\nIls se connaissent déjà")
    assert "marc et boss ont un lien hiérarchique" in said, said
    said = dialog("2\n=")
    assert "C'est noté : boss est placé avec paul dans le projet, placement verrouillé." in said, (
        said
    )
    assert placed(engine)["boss"] == ("paul", True, "Ils se connaissent déjà")

    said = dialog("/admin matching")
    assert (
        "boss avec paul (score " in said
        and "déplacé par le comité : « Ils se connaissent déjà »" in said
    )
    said = dialog("3")
    assert "Un placement verrouillé" in said, said  # the other row shown, boss's already was
    assert all(locked for _, locked, _ in placed(engine).values())

    code, said = cli(db_url, "role", "grant", "admin", "console:rita", "--programme", SLUG)
    assert code == 0, said
    assert "Projet du comité" in dialog("@rita\n/admin matching")
    assert cli(db_url, "role", "revoke", "admin", "console:rita", "--programme", SLUG)[0] == 0
    assert REFUSED in dialog("@rita\n1"), "an old button checks the role again"
    assert placed(engine), "nothing published"

    said = dialog("@admin\n/admin matching\n1")
    assert (
        "Projet du comité pour « Mentorat des cadres 2031 » publié : 2 mentors sollicités ; "
        "un mentoré reste sans mentor" in said
    ), said
    told = said + delivered(dialog)
    assert "[paul] Le comité du programme vous propose d'accompagner un mentoré !" in told
    with Session(engine) as session:
        reasons = {p.committee_reason for p in session.exec(select(Pair))}
    assert (
        "Ils se connaissent déjà" in reasons
        and "Placé par le projet d'appariement du comité." in reasons
    )
    done = audited(engine)
    for action in (
        "match.move.refused",
        "match.move",
        "match.lock",
        "match.apply.refused",
        "match.apply",
    ):
        assert action in done, (action, done)


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


def test_an_admin_on_telegram_reviews_and_publishes_over_http(
    core: Core,
    dialog: Dialog,
    db_url: str,
    engine: Engine,
    cipher: MultiFernet,
    telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    closed_committee(core, dialog, db_url, engine, tmp_path)
    code, said = cli(db_url, "role", "grant", "admin", "telegram:900", "--programme", SLUG)
    assert code == 0, said
    with running(core, telegram) as adapter:
        claire = Chat(telegram, adapter, User(900, "Claire"))
        claire.say("/admin matching")
        claire.wait_text(
            "Projet du comité pour « Mentorat des cadres 2031 » : 2 mentorés placés sur 3."
        )
        assert "1 (lien hiérarchique) : marc" in claire.texts()
        claire.press(1, expect="Projet du comité")
        claire.wait_text("publié : 2 mentors sollicités ; un mentoré reste sans mentor")
    with Session(engine) as session:
        assert len(session.exec(select(Pair)).all()) == 2
        assert session.exec(select(Placement)).first() is None
    told = delivered(dialog)
    assert "[marc] Le comité du programme vous propose d'accompagner un mentoré !" in told
    assert (
        "[boss] Le comité du programme « Mentorat des cadres 2031 » n'a pas encore de mentor"
        in told
    )


def test_a_long_draft_shows_its_first_rows_in_the_chat_and_all_on_the_command_line(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    """23 mentees and one mentor with a place: 20 rows in the chat, then where to see the rest."""
    apply_programme(db_url, programme_file(tmp_path, matching='"committee"'))
    rows = [person(MENTOR, "Marc Lefèvre", "console:marc", topics="budget")]
    rows += [
        person(MENTEE, f"Personne {n:02d}", f"console:p{n}", topics="budget") for n in range(23)
    ]
    code, said = cli(db_url, "applications", "import", str(write(tmp_path, rows)),
                     "--programme", SLUG)  # fmt: skip
    assert code == 0, said
    core.clock = lambda: BEFORE_CLOSE
    dialog("@admin\n/status")
    for account in ("marc", *(f"p{n}" for n in range(23))):
        dialog(f"@{account}\n1")
    assert run_sweeps(engine, AFTER_CLOSE)["close_applications"] == 1
    core.clock = lambda: AFTER_CLOSE
    told = delivered(dialog)
    assert (
        "[admin] Projet du comité pour «\u202fMentorat des cadres 2031\u202f»\u202f: "
        "un mentoré placé sur 23." in told
    )
    assert "[admin] … et 12 autres." in told, "the close's notice explains 10 unplaced mentees"
    said = dialog("@admin\n/admin matching")
    assert "Personne 19" in said and "Personne 20" not in said.split("… et 3 autres mentorés")[0]
    assert (
        "… et 3 autres mentorés\u202f: la liste complète avec "
        "«\u202fmentorbot match --programme cohorte-2031\u202f»." in said
    )
    assert "console:" not in said
    code, said = cli(db_url, "match", "--programme", SLUG)
    assert (
        code == 0
        and "Personne 22:" in said
        and "- Personne 22: the possible mentors are already placed" in said
    ), said


def test_a_lock_the_engine_can_no_longer_honour_is_released_and_said(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    """lea is moved to marc (locked), then marc's only place goes to zoe by hand: the next run
    releases lea's lock and says so, places her with paul, and paul is the one asked."""
    closed_committee(core, dialog, db_url, engine, tmp_path)
    code, said = match(db_url, "--move", "console:lea", "--to", "console:marc", "--reason", "r")
    assert code == 0, said
    code, said = cli(db_url, "pair", "--programme", SLUG, "--mentee", "console:zoe",
                     "--mentor", "console:marc", "--reason", "choix du comité")  # fmt: skip
    assert code == 0, said
    code, said = match(db_url)
    assert code == 0 and "the lock is released" in said, said
    assert placed(engine)["lea"] == ("paul", False, "")
    said = dialog("@admin\n/admin matching")
    assert "le verrou est levé" not in said, "said once, when the lock was released"
    code, said = match(db_url, "--apply")
    assert code == 0 and "one mentor asked" in said, said
    with Session(engine) as session:
        asked = {(p.mentee_person_id, p.mentor_person_id) for p in session.exec(select(Pair))}
        ids = {p.display_name: p.id for p in session.exec(select(Person))}
    assert (ids["lea"], ids["paul"]) in asked and (ids["lea"], ids["marc"]) not in asked


def test_erasure_empties_the_committees_words_that_name_the_person(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    """A move's reason and a committee pair's reason that name boss lose their text when boss
    asks for erasure; reasons that do not name boss stay."""
    closed_committee(core, dialog, db_url, engine, tmp_path)
    code, said = match(db_url, "--move", "console:lea", "--to", "console:marc",
                       "--reason", "loin de boss")  # fmt: skip
    assert code == 0, said
    code, said = cli(db_url, "pair", "--programme", SLUG, "--mentee", "console:zoe",
                     "--mentor", "console:paul", "--reason", "boss l'a demandé")  # fmt: skip
    assert code == 0, said
    assert placed(engine)["lea"] == ("marc", True, "loin de boss")
    dialog("@boss\n/erase\n1")
    assert placed(engine)["lea"] == ("marc", True, "")
    with Session(engine) as session:
        assert [p.committee_reason for p in session.exec(select(Pair))] == [""]


def test_a_draft_button_never_acts_on_a_draft_the_admin_was_not_shown(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path
) -> None:
    """The admin looks at the draft; meanwhile the command line moves lea: the old "publish"
    button publishes nothing and shows the draft as it is now."""
    closed_committee(core, dialog, db_url, engine, tmp_path)
    assert "Publier le projet" in dialog("@admin\n/admin matching")
    code, said = match(db_url, "--move", "console:lea", "--to", "console:marc", "--reason", "r")
    assert code == 0, said
    said = dialog("1")
    assert "Le projet a changé depuis que ce message a été affiché" in said, said
    assert "lea avec marc" in said and "déplacé par le comité" in said, said
    with Session(engine) as session:
        assert session.exec(select(Pair)).all() == [], "nothing published"
    said = dialog("1")
    assert "publié" in said, said
