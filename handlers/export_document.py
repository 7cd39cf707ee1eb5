"""`/export` as a person reads it: a JSON file in their language, and a short summary.

`storage.personal_data.export` decides what belongs to the person (their own data, their pairs'
shared log, the private notes they may read); this module only makes it readable: section and
field names in the person's language, people and programmes by name, dates in their time zone,
words instead of stored codes. Nothing is added that the raw export does not hold.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.domain.zones import zone_words
from handlers.context import Ctx
from messages.catalog import LANGUAGE_NAMES, format_when, has_text
from storage.models import CharterVersion, Person, Programme, QuestionnaireWave

Row = dict[str, Any]


class Reader:
    """Turns stored values into the words of one person: names, dates, labels."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.session: Session = ctx.session

    def t(self, key: str, **params: Any) -> str:
        return self.ctx.t(key, **params)

    def word(self, prefix: str, code: str | None, fallback: str = "") -> str:
        """The catalog's word for a stored code, or `fallback` (the code is never shown)."""
        key = f"{prefix}-{code}"
        return self.t(key) if code and has_text(key) else fallback

    def when(self, stored: str | None) -> str:
        if not stored:
            return ""
        person = self.ctx.person
        return format_when(datetime.fromisoformat(stored), person.locale, person.timezone)

    def person(self, person_id: int | None) -> str:
        person = self.session.get(Person, person_id) if person_id else None
        return (person.display_name if person else "") or self.t("export-not-given")

    def programme(self, programme_id: int | None) -> str:
        programme = self.session.get(Programme, programme_id) if programme_id else None
        return programme.name if programme else ""

    def yes_no(self, value: bool) -> str:
        return self.t("export-yes" if value else "export-no")


def _fields(reader: Reader, pairs: list[tuple[str, Any]]) -> Row:
    """Named fields in the reader's words, empty ones left out."""
    return {reader.t(key): value for key, value in pairs if value not in (None, "", [], {})}


def _zone(reader: Reader, zone: str | None) -> str:
    """The zone as a place ("Paris (France)"), never its IANA name."""
    return zone_words(zone, reader.ctx.person.locale) if zone else ""


def _you(reader: Reader, person: Row) -> Row:
    return _fields(
        reader,
        [
            ("export-name", person.get("display_name")),
            ("export-language", LANGUAGE_NAMES.get(person.get("locale", ""), "")),
            ("export-timezone", _zone(reader, person.get("timezone"))),
            ("export-organisation", person.get("organisation")),
            ("export-unit", person.get("unit")),
            ("export-manager", person.get("manager")),
            ("export-location", person.get("location")),
            ("export-since", reader.when(person.get("created_at"))),
        ],
    )


def _answer(reader: Reader, key: str, value: Any) -> Any:
    """An application answer: codes (formats, languages) as words, lists as lists."""
    if key == "format":
        return reader.word("format", value, str(value))
    if key == "languages" and isinstance(value, list):
        return [LANGUAGE_NAMES.get(code, code) for code in value]
    return value


def _application(reader: Reader, row: Row) -> Row:
    role = row.get("role", "")
    answers = {}
    for key, value in (row.get("answers") or {}).items():
        if value in (None, "", []):
            continue
        label_key = "apply-f-offer" if key == "expectations" and role == "mentor" else ""
        label = reader.t(label_key or f"apply-f-{key}") if has_text(f"apply-f-{key}") else key
        answers[label] = _answer(reader, key, value)
    return _fields(
        reader,
        [
            ("export-programme", reader.programme(row.get("programme_id"))),
            ("export-role", reader.word("role", role)),
            ("export-status", reader.word("application-status", row.get("status"))),
            ("export-sent-on", reader.when(row.get("submitted_at"))),
            ("export-answers", answers),
        ],
    )


def _charter(reader: Reader, row: Row) -> Row:
    charter = reader.session.get(CharterVersion, row.get("charter_id"))
    return _fields(
        reader,
        [
            ("export-programme", reader.programme(charter.programme_id if charter else None)),
            ("export-signed-on", reader.when(row.get("accepted_at"))),
        ],
    )


def _role(reader: Reader, row: Row) -> str:
    role = reader.word("roles-role", row.get("role"))
    if row.get("programme_id") is None:
        return reader.t("export-role-everywhere", role=role)
    return reader.t("export-role-in", role=role, programme=reader.programme(row["programme_id"]))


def _pair(reader: Reader, row: Row) -> Row:
    return _fields(
        reader,
        [
            ("export-programme", reader.programme(row.get("programme_id"))),
            ("export-mentor", reader.person(row.get("mentor_person_id"))),
            ("export-mentee", reader.person(row.get("mentee_person_id"))),
            ("export-state", reader.word("export-pair-state", row.get("state"))),
            ("export-requested-on", reader.when(row.get("requested_at"))),
            ("export-started-on", reader.when(row.get("activated_at"))),
            ("export-ended-on", reader.when(row.get("ended_at"))),
            ("export-paused-until", reader.when(row.get("paused_until"))),
            ("export-rhythm", reader.word("rhythm", row.get("rhythm"))),
            ("export-format", reader.word("format", row.get("preferred_format"))),
        ],
    )


class Partners:
    """Who the other member of each of the person's pairs is."""

    def __init__(self, reader: Reader, pairs: list[Row], me: int) -> None:
        self.names = {
            pair["id"]: reader.person(
                pair["mentee_person_id"]
                if pair["mentor_person_id"] == me
                else pair["mentor_person_id"]
            )
            for pair in pairs
        }

    def of(self, pair_id: int | None) -> str:
        return self.names.get(pair_id, "") if pair_id else ""


def _meeting(reader: Reader, partners: Partners, row: Row) -> Row:
    return _fields(
        reader,
        [
            ("export-with", partners.of(row.get("pair_id"))),
            ("export-date", reader.when(row.get("scheduled_at"))),
            ("export-duration", reader.t("export-minutes", minutes=row.get("duration_minutes", 0))),
            ("export-format", reader.word("format", row.get("format"))),
            ("export-status", reader.word("meeting-status", row.get("status"))),
            ("export-themes", row.get("themes")),
        ],
    )


def _objective(reader: Reader, partners: Partners, row: Row, texts: dict[int, str]) -> Row:
    text = texts.get(row["id"], "") if row.get("private") else row.get("text")
    return _fields(
        reader,
        [
            ("export-with", partners.of(row.get("pair_id"))),
            ("export-objective", text),
            ("export-private", reader.yes_no(bool(row.get("private")))),
            ("export-status", reader.word("objective-status", row.get("status"))),
            ("export-set-on", reader.when(row.get("created_at"))),
            ("export-closed-on", reader.when(row.get("closed_at"))),
        ],
    )


def _note(reader: Reader, partners: Partners, row: Row) -> Row:
    about = reader.word("export-note", row.get("subject"), reader.t("export-note-other"))
    return _fields(
        reader,
        [
            ("export-with", partners.of(row.get("pair_id"))),
            ("export-about", about),
            ("export-written-on", reader.when(row.get("created_at"))),
            ("export-text", row.get("text")),
        ],
    )


def _check(reader: Reader, partners: Partners, row: Row) -> Row:
    question = reader.word("export-check", row.get("kind"), reader.t("export-check-other"))
    answer = row.get("value")
    if row.get("kind") in ("consent", "fit"):
        answer = reader.yes_no(bool(answer))
    return _fields(
        reader,
        [
            ("export-with", partners.of(row.get("pair_id"))),
            ("export-question", question),
            ("export-answer", answer),
            ("export-answered-on", reader.when(row.get("answered_at"))),
        ],
    )


def _questionnaire(reader: Reader, row: Row) -> Row:
    wave = reader.session.get(QuestionnaireWave, row.get("wave_id"))
    questions = {q.get("key"): q for q in (wave.questions if wave else [])}
    answers = {}
    for key, value in (row.get("answers") or {}).items():
        text_key = str(questions.get(key, {}).get("text", ""))
        label = reader.t(text_key) if text_key and has_text(text_key) else key
        answers[label] = reader.word(text_key, str(value), value) if text_key else value
    return _fields(
        reader,
        [
            ("export-questionnaire", reader.word("qn-title", wave.kind if wave else "")),
            ("export-answered-on", reader.when(row.get("submitted_at"))),
            ("export-answers", answers),
        ],
    )


def readable(ctx: Ctx, raw: dict[str, Any]) -> dict[str, Any]:
    """The raw export (`storage.personal_data.export`) in the words of the person."""
    reader = Reader(ctx)
    partners = Partners(reader, raw["pairs"], ctx.me)
    notes = raw["private_notes"]
    objective_texts = {n["subject_id"]: n["text"] for n in notes if n["subject"] == "objective"}
    sections: list[tuple[str, Any]] = [
        ("export-you", _you(reader, raw["person"])),
        ("export-accounts", sorted({i["platform"].capitalize() for i in raw["identities"]})),
        ("export-roles", [_role(reader, r) for r in raw["roles"] if not r.get("revoked_at")]),
        ("export-applications", [_application(reader, r) for r in raw["applications"]]),
        (
            "export-charters",
            [_charter(reader, r) for r in raw["charter_acceptances"]],
        ),
        ("export-pairs", [_pair(reader, r) for r in raw["pairs"]]),
        ("export-meetings", [_meeting(reader, partners, r) for r in raw["meetings"]]),
        (
            "export-objectives",
            [_objective(reader, partners, r, objective_texts) for r in raw["objectives"]],
        ),
        ("export-notes", [_note(reader, partners, r) for r in notes]),
        ("export-checks", [_check(reader, partners, r) for r in raw["pair_checks"]]),
        (
            "export-questionnaires",
            [_questionnaire(reader, r) for r in raw["questionnaire_answers"]],
        ),
    ]
    return _fields(reader, sections)


def summary(ctx: Ctx, raw: dict[str, Any]) -> str:
    """A few lines saying what the file holds, counted in words."""
    meetings, objectives = raw["meetings"], raw["objectives"]
    counts = [
        ("export-count-applications", {"count": len(raw["applications"])}),
        ("export-count-pairs", {"count": len(raw["pairs"])}),
        (
            "export-count-meetings",
            {"count": len(meetings), "held": sum(m["status"] == "held" for m in meetings)},
        ),
        (
            "export-count-objectives",
            {
                "count": len(objectives),
                "reached": sum(o["status"] == "reached" for o in objectives),
            },
        ),
        ("export-count-notes", {"count": len(raw["private_notes"])}),
        (
            "export-count-answers",
            {"count": sum(bool(a.get("submitted_at")) for a in raw["questionnaire_answers"])},
        ),
    ]
    lines = [
        ctx.t("export-summary-line", what=ctx.t(key, **params))
        for key, params in counts
        if params["count"]
    ]
    if not lines:
        return ctx.t("export-summary-nothing")
    return "\n".join([ctx.t("export-summary"), *lines, "", ctx.t("export-summary-file")])
