"""Slack modals as Slack users expect them, and the other member of a pair as a mention.

Through the fake Slack Web API and signed requests (see `tests.test_slack`): a modal closed
frees the conversation; ticked options are saved exactly; dates use Slack's datepicker and
timepicker, read in the person's zone; number inputs carry their bounds; titles fit the title
bar; nothing in a modal points to `/back` or `/cancel`; the partner is `<@U…>` on Slack and a
name everywhere else, the marker never shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.adapters import slack_blocks as kit
from bot.adapters import slack_modals as modals
from bot.adapters.telegram_render import escape as telegram_escape
from handlers.core import MODULES
from handlers.fields import FieldError, Reading, parse_field
from handlers.mentions import person_ref, plain_refs
from handlers.router import Router
from handlers.ui import FieldKind, Form, FormField, Option
from messages.catalog import t
from storage.conversations import load_state
from storage.models import Application, Identity, Meeting, Person
from tests.conftest import Dialog
from tests.fake_slack import FakeSlack, FakeUser, wait_for
from tests.journey import active_pair
from tests.test_slack import (  # noqa: F401  (fixtures)
    LEA,
    MARC,
    MENTEE,
    MENTOR,
    TEAM,
    Workspace,
    picked,
    slack,
    slack_core,
)

LEA_ZONE = "America/Montreal"
MARKS = "".join(chr(code) for code in range(0xE000, 0xE005))
SLASH_ADVICE = ("/back", "/cancel", "/retour", "/annuler")


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """Léa lives in Montréal: her dates are read and shown in her zone, not Paris's."""
    with FakeSlack() as server:
        server.users[LEA] = FakeUser("fr-FR", LEA_ZONE, "Léa")
        server.users[MARC] = FakeUser("fr-FR", "Europe/Paris", "Marc")
        yield server


def close(space: Workspace, user: str, view: dict[str, Any]) -> httpx.Response:
    """The person closes the modal with its Cancel button (Slack's `view_closed`)."""
    payload = {
        "type": "view_closed",
        "team": {"id": TEAM, "domain": "acme"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A1",
        "view": {**view, "id": "V1", "team_id": TEAM, "state": {"values": {}}},
        "is_cleared": False,
    }
    response = space.interact(payload)
    assert response.status_code == 200, response.text
    return response


def inputs(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}


def person_id(engine: Engine, user: str) -> int:
    with Session(engine) as session:
        found = session.exec(select(Identity).where(Identity.user_key == user)).one()
        return found.person_id


def mentor_applies(space: Workspace, answers: dict[str, Any] | None = None) -> None:
    start = space.fake.count()
    space.command(MARC, "start")
    space.click(MARC, "Français")
    space.expect(MARC, "nous continuons en français", start)
    start = space.fake.count()
    space.command(MARC, "apply")
    space.click(MARC, "Mentor")
    space.submit(MARC, answers or MENTOR, space.modal(MARC, start))
    space.expect(MARC, "Votre candidature de mentor", start)


def active_pair_on_slack(space: Workspace) -> None:
    """Marc (mentor) and Léa (mentee) apply, pick, accept, sign and confirm, all in Slack."""
    mentor_applies(space)
    start = space.fake.count()
    space.command(LEA, "apply")
    space.click(LEA, "Mentoré")
    space.fill(LEA, MENTEE, start)
    pick = t("fr", "proposals-pick", number=1, name="Marc")
    space.expect(LEA, pick, start)
    space.click(LEA, pick)
    space.click(MARC, "J'accepte")
    space.click(MARC, "J'accepte la charte")
    space.expect(MARC, "J'attends celle de votre binôme", start)
    space.click(LEA, "J'accepte la charte")
    space.click(MARC, "Oui, je confirme")
    space.expect(MARC, "J'attends la confirmation de votre binôme", start)
    space.click(LEA, "Oui, je confirme")
    space.expect(LEA, "Votre binôme est lancé", start)


# -- a modal closed -----------------------------------------------------------------------


def test_a_closed_modal_frees_the_conversation_and_says_nothing_was_saved(
    slack: Workspace,  # noqa: F811
    engine: Engine,
) -> None:
    start = slack.fake.count()
    slack.command(LEA, "apply")
    slack.click(LEA, "Mentoré")
    view = slack.modal(LEA, start)
    assert view["notify_on_close"] is True
    lea = person_id(engine, LEA)
    with Session(engine) as session:
        assert load_state(session, lea).step == "modal"

    close(slack, LEA, view)
    told = slack.expect(LEA, "rien n'a été enregistré", start)
    assert "/mentorat status" in told  # the way back, spelt as a Slack command
    with Session(engine) as session:
        assert load_state(session, lea).flow != "form"

    # Closed twice, or a modal of another form: nothing more is said or changed.
    close(slack, LEA, view)
    close(slack, LEA, {**view, "private_metadata": "meeting-plan"})
    start = slack.fake.count()
    slack.command(LEA, "status")
    status = slack.expect(LEA, "Candidater", start)
    assert "Un formulaire vous attend" not in status
    assert slack.said(LEA).count("rien n'a été enregistré") == 1


def test_closing_an_older_modal_leaves_the_waiting_form_alone(
    slack: Workspace,  # noqa: F811
    engine: Engine,
) -> None:
    start = slack.fake.count()
    slack.command(LEA, "apply")
    slack.click(LEA, "Mentoré")
    view = slack.modal(LEA, start)
    close(slack, LEA, {**view, "private_metadata": "agreement"})  # an older modal's closing
    slack.dm(LEA, "/status")
    slack.expect(LEA, "Un formulaire vous attend", start)
    with Session(engine) as session:
        assert load_state(session, person_id(engine, LEA)).step == "modal"
    assert "rien n'a été enregistré" not in slack.said(LEA)


# -- options, numbers, titles, texts --------------------------------------------------------


def test_ticked_options_are_saved_exactly_even_after_typing_in_the_chat(
    slack: Workspace,  # noqa: F811
    engine: Engine,
) -> None:
    start = slack.fake.count()
    slack.command(MARC, "apply")
    slack.click(MARC, "Mentor")
    view = slack.modal(MARC, start)
    fields = inputs(view)
    topics = fields["topics"]["element"]["options"]
    languages = fields["languages"]["element"]["options"]
    assert len(topics) >= 3 and len(languages) >= 2
    # Each option carries its own value, never an index a typed answer could be read as.
    assert not any(option["value"].isdigit() for option in topics + languages)

    slack.dm(MARC, "Ministère A")  # typed while the modal is open
    ticked = {"topics": [0, len(topics) - 1], "languages": [len(languages) - 1]}
    assert slack.submit(MARC, {**MENTOR, **ticked}, view).content == b""
    slack.expect(MARC, "Votre candidature de mentor", start)
    with Session(engine) as session:
        [application] = session.exec(select(Application)).all()
        answers = application.answers
    assert answers["topics"] == [topics[0]["value"], topics[-1]["value"]]
    assert answers["languages"] == [languages[-1]["value"]]


def test_options_of_a_stale_modal_are_refused_not_shifted() -> None:
    """Without the form (another one is waiting), option values stay as sent: an old modal's
    index ("1") is no value of the field, so the answer is refused, not read as option 1."""
    field = FormField("topics", "Thèmes", FieldKind.multi, (Option("A", "a"), Option("B", "b")))
    state = {"topics": {"value": {"type": "checkboxes", "selected_options": [{"value": "1"}]}}}
    values = modals.form_values(state, None)
    assert values == {"topics": ["1"]}
    reading = Reading("fr", "Europe/Paris", datetime.now(UTC))
    assert isinstance(parse_field(field, values["topics"], reading), FieldError)
    ours = {"topics": {"value": {"type": "checkboxes", "selected_options": [{"value": "b"}]}}}
    assert parse_field(field, modals.form_values(ours, None)["topics"], reading) == ["b"]
    long = Option("L" * 200, "x" * 200)
    wide = FormField("w", "W", FieldKind.choice, (Option("A", "a"), long))
    element = modals.modal_view(Form("f", "F", (wide,)), "OK", "Non", "Heure")["blocks"][-1]
    assert [o["value"] for o in element["element"]["options"]] == ["a", "#1"]
    sent = {"w": {"value": {"type": "static_select", "selected_option": {"value": "#1"}}}}
    assert modals.form_values(sent, Form("f", "F", (wide,))) == {"w": "x" * 200}


def test_number_inputs_carry_their_bounds_and_modals_give_no_slash_advice(
    slack: Workspace,  # noqa: F811
) -> None:
    start = slack.fake.count()
    slack.command(MARC, "apply")
    slack.click(MARC, "Mentor")
    view = slack.modal(MARC, start)
    years = inputs(view)["years"]["element"]
    posts = inputs(view)["posts"]["element"]
    assert years["type"] == "number_input" and years["is_decimal_allowed"] is False
    assert (years["min_value"], years["max_value"]) == ("0", "60")
    assert (posts["min_value"], posts["max_value"]) == ("0", "50")
    assert view["title"]["text"] == "Candidature"
    intro = view["blocks"][0]["text"]["text"]
    assert "Candidature au programme" in intro and "Annuler" in intro
    shown = json.dumps(view, ensure_ascii=False)
    assert not any(advice in shown for advice in SLASH_ADVICE), shown


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_every_form_has_a_modal_title_that_fits_slack_title_bar(locale: str) -> None:
    router = Router()
    for module in MODULES:
        module.register(router)
    assert len(router.forms) >= 10
    for form_id in router.forms:
        title = t(locale, f"modal-title-{form_id}")
        assert 0 < len(title) <= modals.TITLE_LIMIT and not title.endswith("…"), (form_id, title)
        long = Form(form_id, "Un titre bien trop long pour la barre de titre", (), {}, title)
        assert modals.modal_view(long, "OK", "Non", "Heure")["title"]["text"] == title


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_modal_introductions_give_no_slash_advice(locale: str) -> None:
    params = {"programme": "P", "title": "T", "count": 2}
    for key in ("apply-form-title", "meeting-plan-title", "meeting-log-title",
                "meeting-edit-title", "qn-form-title"):  # fmt: skip
        chat, modal = t(locale, key, **params), t(locale, f"{key}-modal", **params)
        assert "/back" in chat and not any(advice in modal for advice in SLASH_ADVICE), modal


# -- dates: datepicker and timepicker ------------------------------------------------------


def test_a_meeting_is_planned_with_pickers_in_the_persons_zone(
    slack: Workspace,  # noqa: F811
    engine: Engine,
) -> None:
    active_pair_on_slack(slack)
    start = slack.fake.count()
    slack.command(LEA, "meeting")
    slack.click(LEA, "Planifier une rencontre")
    view = slack.modal(LEA, start)
    fields = inputs(view)
    assert fields["when"]["element"]["type"] == "datepicker"
    assert fields["when--time"]["element"]["type"] == "timepicker"
    assert fields["minutes"]["element"]["type"] == "plain_text_input"  # "1h30" understood

    day, _ = picked(3, "", LEA_ZONE)
    refused = slack.submit(LEA, {"when": (day, None), "minutes": "1h30", "format": 0}, view)
    assert refused.json()["errors"] == {"when--time": "Choisissez aussi l'heure."}
    past = slack.submit(LEA, {"when": picked(-2, "10:00", LEA_ZONE), "minutes": "60"}, view)
    assert "passée" in past.json()["errors"]["when"]

    answer = {"when": (day, "14:30"), "minutes": "1h30", "format": 0}
    assert slack.submit(LEA, answer, view).content == b""
    slack.expect(LEA, "rencontre prévue le", start)
    local = datetime.combine(date.fromisoformat(day), time(14, 30), ZoneInfo(LEA_ZONE))
    with Session(engine) as session:
        meeting = session.exec(select(Meeting)).one()
        stored = meeting.scheduled_at
        assert meeting.duration_minutes == 90
    assert stored.replace(tzinfo=stored.tzinfo or UTC) == local.astimezone(UTC)


def test_prefilled_dates_are_shown_in_the_persons_zone_never_as_iso_text() -> None:
    fields = (
        FormField("when", "Quand ?", FieldKind.date, future=True),
        FormField("until", "Jusqu'au", FieldKind.day, required=False),
    )
    values = {"when": "2026-12-03T19:30:00+00:00", "until": "2027-01-04"}
    for zone, day, at in (("Europe/Paris", "2026-12-03", "20:30"),
                          ("Asia/Tokyo", "2026-12-04", "04:30")):  # fmt: skip
        view = modals.modal_view(Form("f", "F", fields, values, "F", zone), "OK", "Non", "Heure")
        blocks = inputs(view)
        assert blocks["when"]["element"]["initial_date"] == day
        assert blocks["when--time"]["element"]["initial_time"] == at
        assert blocks["when--time"]["label"]["text"] == "Heure"
        assert blocks["until"]["element"] == {
            "type": "datepicker",
            "action_id": "value",
            "initial_date": "2027-01-04",
        }
        assert "until--time" not in blocks and "T19:30" not in json.dumps(view)


def test_picked_dates_are_checked_like_typed_ones() -> None:
    now = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    reading = Reading("en", "Europe/Paris", now)
    plan = FormField("when", "When", FieldKind.date, future=True)
    log = FormField("when", "When", FieldKind.date, past=True)
    day = FormField("until", "Until", FieldKind.day, future=True)
    assert parse_field(plan, {"date": "2026-11-23", "time": "09:15"}, reading) == (
        "2026-11-23T08:15:00+00:00"
    )
    missing = parse_field(plan, {"date": "2026-11-23", "time": None}, reading)
    assert missing == FieldError("field-time-missing", {})
    assert t("en", missing.key) == "Pick a time too."
    assert parse_field(plan, {"date": "2026-11-20", "time": "09:00"}, reading) == FieldError(
        "field-date-past", {}
    )
    assert parse_field(log, {"date": "2026-11-23", "time": "09:00"}, reading) == FieldError(
        "field-date-future", {}
    )
    assert parse_field(day, {"date": "2026-11-30"}, reading) == "2026-11-30"
    assert parse_field(day, {"date": None}, reading) == FieldError("field-required", {})
    job = FormField("job", "Job")  # a forged modal: pickers or ticks where text is expected
    for shape in ({"date": "2026-11-23"}, ["a"]):
        assert parse_field(job, shape, reading) == FieldError("field-unexpected", {"label": "Job"})


# -- the other member of a pair ------------------------------------------------------------


def test_the_partner_is_a_mention_in_slack_and_the_marker_never_shows(
    slack: Workspace,  # noqa: F811
    engine: Engine,
) -> None:
    active_pair_on_slack(slack)
    said = slack.said(LEA)
    assert "<@UMARC> a accepté" in said
    start = slack.fake.count()
    slack.command(LEA, "status")
    assert "<@UMARC>" in slack.expect(LEA, "<@UMARC>", start)
    wait_for(
        lambda: any("<@UMARC>" in json.dumps(view) for view in slack.homes(LEA)),
        what="Léa's App Home naming Marc as a mention",
    )
    everything = json.dumps([call.params for call in slack.fake.calls], ensure_ascii=False)
    assert not any(mark in everything for mark in MARKS)

    # A reader in another workspace gets the name, escaped like any text.
    with Session(engine) as session:
        marc = session.get(Person, person_id(engine, MARC))
        text = f"Votre binôme : {person_ref(marc)}."
    assert slack.adapter.words(text, "T2") == "Votre binôme : Marc."
    assert slack.adapter.words(text, TEAM) == "Votre binôme : " + kit.mention_mark(MARC) + "."


def test_other_platforms_show_the_name_and_no_marker(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    said = active_pair(dialog)
    said += dialog("@lea\n/status")
    assert "marc a accepté d'être votre mentor" in said
    assert not any(mark in said for mark in MARKS)
    with Session(engine) as session:
        marc = session.exec(select(Person).where(Person.display_name == "marc")).one()
        ref = person_ref(marc)
    assert plain_refs(f"Avec {ref}.") == "Avec marc."
    assert telegram_escape(f"<b> {ref} &") == "&lt;b&gt; marc &amp;"
    assert not any(mark in telegram_escape(f"Avec {ref[:4]}") for mark in MARKS)
    cut = kit.sections(f"Avec {ref[:4]}")  # a marker cut in half is dropped, never shown
    assert not any(mark in json.dumps(cut) for mark in MARKS)
