"""A whole journey per language, read as the people read it.

A mentee and a mentor go from /start to logged meetings and objectives in the console, asking
/status at each step, /help, /privacy and /export, typing a wrong answer or two; a coordinator
opens /admin. Every line the bot prints is collected and must hold no text of the other
language, no unformatted placeholder, no ISO date and no internal id. The people's own answers
are written in the transcript's language, so what the bot repeats of them is fair game too;
topic names come from the programme and are left out of the check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from messages.catalog import LANGUAGE_NAMES
from storage.models import Programme
from tests.conftest import Dialog
from tests.test_typography import french_faults, texts


@dataclass(frozen=True)
class Language:
    code: str
    choice: str  # the option of the language question
    mentor: list[str]
    mentee: list[str]
    objectives: str
    plan: str
    held: str
    foreign: re.Pattern[str]  # words of the other language, which must not appear
    started: str


ENGLISH_MARKERS = re.compile(
    r"(?i)\b(the|your|you|please|meeting|meetings|mentee|pair|and|with|type|to|is|are|"
    r"thank|thanks|yes|no|none|back|cancel|done|saved|error|bytes|help)\b"
)
FRENCH_MARKERS = re.compile(
    r"(?i)(\b(le|la|les|vous|votre|vos|une|des|rencontre|rencontres|binôme|mentoré|merci|"
    r"tapez|oui|non|aucun|aucune|avec|pour|est|et|octets)\b|[àâçéèêëîïôûù])"
)
FR = Language(
    "fr",
    "1",
    ["Ministère A", "DRH", "Paul Durand", "Directeur", "20", "4", "Lyon", "1, 2, 4",
     "Partager mon expérience", "Transmettre", "Mardis après-midi", "1", "1, 2"],
    ["Agence B", "-", "Sophie Martin", "Cheffe de service", "3", "1", "Lyon", "1, 2",
     "Prendre du recul", "Progresser", "Le matin", "1", "1"],
    "Réussir ma prise de poste; Mieux déléguer",
    "mardi prochain 14h",
    "hier 10h",
    ENGLISH_MARKERS,
    "Votre binôme est lancé",
)  # fmt: skip
EN = Language(
    "en",
    "2",
    ["Ministry A", "HR", "Paul Durand", "Director", "20", "4", "Lyon", "1, 2, 4",
     "Share my experience", "Pass it on", "Tuesday afternoons", "1", "1, 2"],
    ["Agency B", "-", "Sophie Martin", "Head of unit", "3", "1", "Lyon", "1, 2",
     "Step back", "Grow", "Mornings", "1", "2"],
    "Succeed in my new post; Delegate better",
    "next tuesday 2pm",
    "yesterday 10am",
    FRENCH_MARKERS,
    "Your pair is under way",
)  # fmt: skip

PLACEHOLDER = re.compile(r"[{}]|\$\w|\?\?\?|: None\b|\[object|%\(|%s\b")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}")
INTERNAL_ID = re.compile(
    r"#\d|\bid\s*[=:]|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-|\b(person|pair|prompt):\d|"
    r"\b[a-z]+_[a-z_]+\b"  # a stored code such as in_person or awaiting_charter
)
PEOPLE = ("admin", "marc", "lea")
SAVED_FILE = re.compile(r"  -> \S+")
COMMAND = re.compile(r"/(?:admin|mentorat) \w+|/\w+")  # with the word of a menu entry


def greetings(dialog: Dialog, language: Language) -> str:
    """Everyone says hello and picks the language (asked in French, the default, until then)."""
    return "".join(dialog(f"@{name}\n/start\n{language.choice}") for name in PEOPLE)


def journey(dialog: Dialog, language: Language) -> str:
    """The whole journey's transcript, checking at each step that it moves on. A number answers
    the newest question, so /status (which offers its own menu) comes after each step's answers."""
    mentee = [*language.mentee[:4], "quarante-douze", *language.mentee[4:]]
    said = dialog("\n".join(["@marc", "/status", "/help", "/privacy", "/apply", "2",
                             *language.mentor, "/status"]))  # fmt: skip
    said += dialog("\n".join(["@lea", "/status", "/apply", "1", *mentee, "1", "/status"]))
    said += dialog("@marc\n1\n1\n/status\n@lea\n1\n/status")
    assert language.started in said, said[-3000:]
    said += dialog(f"@marc\n1\n@lea\n1\n1\n{language.objectives}\n1\n1\n1\n/status")
    said += dialog(f"@lea\n/meeting\n1\n{language.plan}\n1\n45\n2\n/status")
    said += dialog(f"@lea\n/meeting\n2\n{language.held}\n1\n60\n1\n1, 3\n-\n-\n-\n/status")
    said += dialog("@lea\n/objectives\n/status\n@marc\n/meeting\n/status\n/objectives")
    said += dialog("@lea\n/nonsense\n99\n/export\n@marc\n/export")
    said += dialog("@admin\n/admin\n1\n/status\n/help")
    return said


def bot_lines(transcript: str) -> list[str]:
    """What the bot printed, the console's own file paths left out."""
    lines = [line.split("] ", 1)[-1] for line in transcript.splitlines()]
    return [SAVED_FILE.sub("", line) for line in lines if line.strip()]


def checked_text(line: str, names: list[str]) -> str:
    """The line without commands, topics, programme and language names (either language)."""
    for name in names:
        line = line.replace(name, "X")
    return COMMAND.sub("", line)


@pytest.mark.usefixtures("programme")
@pytest.mark.parametrize("language", [FR, EN], ids=["fr", "en"])
def test_a_journey_reads_in_one_language_without_codes_or_dates_in_iso(
    dialog: Dialog, engine: Engine, language: Language
) -> None:
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
        names = [*programme.topics, programme.name, *LANGUAGE_NAMES.values()]
    names.sort(key=len, reverse=True)
    greeted = bot_lines(greetings(dialog, language))
    told = bot_lines(journey(dialog, language))
    checks = [("placeholder", PLACEHOLDER), ("ISO date", ISO_DAY), ("internal id", INTERNAL_ID)]
    faults: dict[str, list[str]] = {}
    for lines, patterns in ((greeted, checks), (told, [("language", language.foreign), *checks])):
        for line in lines:
            text = checked_text(line, names)
            for name, pattern in patterns:
                if found := pattern.search(text):
                    faults.setdefault(name, []).append(f"{found.group(0)!r} in {line[:160]!r}")
            if language.code == "fr" and (spacing := french_faults(text)):
                faults.setdefault("French spacing", []).extend(spacing)
    assert greeted and len(told) > 300
    assert faults == {}, "\n".join(f"{k}: {v}" for k, v in faults.items())


@pytest.mark.parametrize(("locale", "foreign"), [("fr", ENGLISH_MARKERS), ("en", FRENCH_MARKERS)])
def test_no_catalog_text_holds_words_of_the_other_language(
    locale: str, foreign: re.Pattern[str]
) -> None:
    """Every variant of every text, including those no journey above reaches."""
    found = {
        where: match.group(0)
        for where, text in texts(locale)
        if (match := foreign.search(checked_text(text, list(LANGUAGE_NAMES.values()))))
    }
    assert found == {}
