"""`/link`: a short-lived code typed on another platform joins both accounts to one person.

Through the core with a console and a Telegram account, then end to end: a Slack user of the
fake Slack gets a code, a Telegram user of the fake Telegram types it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.adapters.slack import ChannelPacer, SlackAdapter
from bot.adapters.telegram import TelegramAdapter
from bot.config import Settings
from bot.runner import Runner
from handlers.core import Core
from handlers.ui import Choice, Message, Reply
from handlers.ui import Inbound as In
from storage.accounts import ALPHABET, CODE_LENGTH
from storage.models import (
    Application,
    AuditEvent,
    Identity,
    LinkCode,
    Outbox,
    Person,
)
from storage.types import utcnow
from tests.conftest import Dialog
from tests.fake_slack import FakeSlack, FakeUser
from tests.fake_telegram import FakeTelegram, User
from tests.journey import MENTEE_FORM, MENTOR_FORM, apply
from tests.test_slack import MARC, Workspace, free_port, settings_for
from tests.test_telegram import Chat

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
CODE = re.compile(rf"[{ALPHABET}]{{{CODE_LENGTH}}}")


def texts(replies: list[Reply]) -> str:
    return "\n".join(r.item.text for r in replies if isinstance(r.item, Message | Choice))


def ask_code(core: Core, person: int, now: datetime | None = None) -> str:
    said = texts(core.handle(In(person, text="/link"), now=now))
    assert "Votre code de liaison" in said and "valable 10\u202fminutes" in said, said
    found = CODE.search(said)
    assert found is not None, said
    return found.group()


def owners(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {i.platform: i.person_id for i in session.exec(select(Identity))}


def people(engine: Engine) -> set[int]:
    with Session(engine) as session:
        return set(session.exec(select(Person.id)).all())  # type: ignore[arg-type]


@pytest.fixture
def two(core: Core) -> tuple[int, int]:
    """Ana on the console (her first account) and a fresh Telegram account of hers."""
    ana = core.identify("console", "ana", display_name="Ana")
    phone = core.identify("telegram", "777", display_name="Ana T", locale="fr")
    return ana, phone


def test_a_code_joins_the_accounts(core: Core, engine: Engine, two: tuple[int, int]) -> None:
    ana, phone = two
    code = ask_code(core, ana)
    with Session(engine) as session:
        [row] = session.exec(select(LinkCode)).all()
        assert code not in row.code_hash and row.person_id == ana and row.platform == "console"
    said = texts(core.handle(In(phone, text=f"/lier {code.lower()[:4]} {code[4:]}")))
    assert "C'est fait\u202f: ce compte est relié au vôtre" in said
    assert "Mes messages vous arriveront dans la console." in said
    assert owners(engine) == {"console": ana, "telegram": ana}
    assert phone not in people(engine)
    with Session(engine) as session:
        told = session.exec(select(Outbox).where(Outbox.person_id == ana)).all()
        assert [row.payload["text"] for row in told if row.payload] == [
            "Votre compte Telegram vient d'être relié à celui-ci\u202f: "
            "vous pouvez écrire depuis l'un ou l'autre. "
            "Si ce n'est pas vous, prévenez vos coordinateurs sans attendre."
        ]
        [event] = session.exec(select(AuditEvent).where(AuditEvent.action == "account.link"))
        assert event.actor_person_id == ana and event.details == {"joined": ["telegram"]}
        assert session.exec(select(LinkCode)).one().used_at is not None
    # Used: the same code again is refused, from either account.
    assert "ne correspond à aucune demande" in texts(core.handle(In(ana, text=f"/link {code}")))


def test_the_person_keeps_one_history_after_linking(
    core: Core, engine: Engine, dialog: Dialog, programme: int
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    marc = owners(engine)["console"]
    phone = core.identify("telegram", "888", display_name="Marc")
    code = ask_code(core, marc)
    assert "C'est fait" in texts(core.handle(In(phone, text=f"/link {code}")))
    assert core.find("telegram", "888") == marc  # the Telegram account now speaks as Marc
    with Session(engine) as session:
        assert session.exec(select(Application.person_id)).all() == [marc]
    assert "candidature" in texts(core.handle(In(marc, text="/status")))


def test_an_account_with_a_history_never_joins_the_one_that_gave_the_code(
    core: Core, engine: Engine, dialog: Dialog, programme: int
) -> None:
    """A code is a key to the account that asked for it: typed by Léa's account, which has a
    history, it would hand that history to whoever asked. It changes nothing and tells Léa to
    go the other way, which then works."""
    apply(dialog, "lea", "1", MENTEE_FORM)
    lea = owners(engine)["console"]
    fresh = core.identify("telegram", "999", display_name="Someone")
    code = ask_code(core, fresh)
    said = texts(core.handle(In(lea, text=f"/link {code}")))
    assert "Ce compte a déjà son propre parcours" in said and "Tapez /link ici" in said
    assert owners(engine) == {"console": lea, "telegram": fresh}
    assert {lea, fresh} <= people(engine)
    code = ask_code(core, lea)
    assert "C'est fait" in texts(core.handle(In(fresh, text=f"/link {code}")))
    assert owners(engine) == {"console": lea, "telegram": lea}
    assert fresh not in people(engine)


def test_two_histories_are_never_merged(
    core: Core, engine: Engine, dialog: Dialog, programme: int
) -> None:
    apply(dialog, "lea", "1", MENTEE_FORM)
    lea = owners(engine)["console"]
    phone = core.identify("telegram", "555", display_name="Léa")
    core.handle(In(phone, text="/apply"))
    with Session(engine) as session:  # a second history: an application of the other account
        session.add(Application(programme_id=programme, person_id=phone, role="mentor"))
        session.commit()
    code = ask_code(core, lea)
    said = texts(core.handle(In(phone, text=f"/link {code}")))
    assert "chacun a déjà son propre parcours" in said and "jamais deux historiques" in said
    assert owners(engine) == {"console": lea, "telegram": phone}
    assert {lea, phone} <= people(engine)


def test_wrong_and_expired_codes(core: Core, engine: Engine, two: tuple[int, int]) -> None:
    ana, phone = two
    start = utcnow()
    code = ask_code(core, ana, now=start)
    late = start + timedelta(minutes=11)
    said = texts(core.handle(In(phone, text=f"/link {code}"), now=late))
    assert "Ce code ne correspond à aucune demande en cours" in said and "expiré" in said
    assert owners(engine) == {"console": ana, "telegram": phone}
    code = ask_code(core, ana, now=late)
    for wrong in ("AAAA2222", "ZZZZ9999", "nope", "HHHH3333"):
        said = texts(core.handle(In(phone, text=f"/link {wrong}"), now=late))
        assert "ne correspond à aucune demande" in said
    said = texts(core.handle(In(phone, text=f"/link {code}"), now=late))
    assert "Trop de codes erronés" in said  # the fifth try counts, even with the right code
    assert owners(engine)["telegram"] == phone
    later = late + timedelta(minutes=9)
    said = texts(core.handle(In(phone, text=f"/link {code}"), now=later))
    assert "Trop de codes erronés" in said
    code = ask_code(core, ana, now=late + timedelta(minutes=16))
    said = texts(core.handle(In(phone, text=f"/link {code}"), now=late + timedelta(minutes=16)))
    assert "C'est fait" in said


def test_one_open_code_per_person(core: Core, engine: Engine, two: tuple[int, int]) -> None:
    ana, phone = two
    first = ask_code(core, ana)
    second = ask_code(core, ana)
    with Session(engine) as session:
        assert len(session.exec(select(LinkCode)).all()) == 1
    assert "ne correspond à aucune demande" in texts(core.handle(In(phone, text=f"/link {first}")))
    assert "C'est fait" in texts(core.handle(In(phone, text=f"/link {second}")))


def test_many_guessers_pause_every_try_without_voiding_a_code(
    core: Core, engine: Engine, two: tuple[int, int]
) -> None:
    """Wrong codes from many accounts pause every try for a minute; the asker's code is not
    voided by them, so nobody can switch /link off for another."""
    ana, phone = two
    start = utcnow()
    code = ask_code(core, ana, now=start)
    guessers = [core.identify("telegram", f"9{n:03d}", display_name="X") for n in range(15)]
    for guesser in guessers:
        for _ in range(4):
            core.handle(In(guesser, text="/link 23456789"), now=start)
    said = texts(core.handle(In(phone, text=f"/link {code}"), now=start))
    assert "Trop de codes erronés en ce moment" in said
    assert core.find("telegram", "777") == phone
    later = start + timedelta(minutes=2)
    assert "C'est fait" in texts(core.handle(In(phone, text=f"/link {code}"), now=later))
    assert core.find("telegram", "777") == ana
    with Session(engine) as session:
        refused = session.exec(
            select(AuditEvent).where(col(AuditEvent.action) == "account.link.refused")
        ).all()
        assert len(refused) == 60 and all(not e.details for e in refused)


def test_own_code_and_already_linked(core: Core, two: tuple[int, int]) -> None:
    ana, phone = two
    code = ask_code(core, ana)
    assert "demandé depuis ce compte-ci" in texts(core.handle(In(ana, text=f"/link {code}")))
    assert "C'est fait" in texts(core.handle(In(phone, text=f"/link {code}")))
    code = ask_code(core, ana)
    assert "déjà reliés" in texts(core.handle(In(ana, text=f"/link {code}")))


def test_slack_spelling_typed_elsewhere(core: Core, two: tuple[int, int]) -> None:
    """Shown on Slack, "/link CODE" reads "/mentorat link CODE": typed on Telegram, it works."""
    ana, phone = two
    code = ask_code(core, ana)
    assert "C'est fait" in texts(core.handle(In(phone, text=f"/mentorat link {code}")))
    said = texts(core.handle(In(ana, text="/mentorat mentorat")))
    assert "/mentorat" in said


def test_english_texts(core: Core, two: tuple[int, int]) -> None:
    ana, phone = two
    core.handle(In(ana, text="/language en"))
    core.handle(In(phone, text="/language en"))
    said = texts(core.handle(In(ana, text="/link")))
    assert "Your linking code: " in said and "• on Telegram: /link " in said
    code = CODE.search(said)
    assert code is not None
    said = texts(core.handle(In(phone, text=f"/link {code.group()}")))
    assert "Done: this account is now joined to yours" in said and "in the console" in said


@SQLITE_ONLY
def test_slack_code_typed_on_telegram(core: Core, engine: Engine) -> None:
    """Marc asks on Slack; his phone's Telegram types what Slack showed him; one person."""
    with FakeSlack() as slack_api:
        slack_api.users[MARC] = FakeUser("fr-FR", "Europe/Paris", "Marc")
        telegram_api = FakeTelegram().start()
        port = free_port()
        telegram = Settings(
            _env_file=None,  # type: ignore[call-arg]
            TELEGRAM_BOT_TOKEN=telegram_api.token,
            TELEGRAM_API_URL=telegram_api.api_url,
        )
        on_slack = SlackAdapter(core, settings_for(slack_api), ChannelPacer(100, 100))
        on_telegram = TelegramAdapter(core, telegram, poll_timeout=1)
        runner = Runner(
            core, [on_slack, on_telegram], port=port, host="127.0.0.1", delivery_interval=0.1
        )
        runner.start_in_thread()
        try:
            slack = Workspace(runner.url, slack_api, on_slack)
            slack.command(MARC, "link")
            said = slack.expect(MARC, "Votre code de liaison", 0)
            shown = re.search(r"sur Telegram\u202f: (/mentorat link [A-Z0-9]{8})", said)
            assert shown is not None, said
            phone = Chat(telegram_api, on_telegram, User(606, "Marc", language_code="fr"))
            phone.say(shown.group(1))  # as Slack showed it: "/mentorat link CODE"
            phone.wait_text("Mes messages vous arriveront sur Slack.")
            slack.expect(MARC, "Votre compte Telegram vient d'être relié à celui-ci", 0)
            with Session(engine) as session:
                accounts = session.exec(select(Identity)).all()
                assert {i.platform for i in accounts} == {"slack", "telegram"}
                assert len({i.person_id for i in accounts}) == 1
                assert len(session.exec(select(Person)).all()) == 1
            phone.say("/timezone")
            phone.wait_text("Vos dates sont affichées à l'heure de Paris (France)")
        finally:
            runner.stop_thread()
            telegram_api.stop()
