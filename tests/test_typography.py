"""French typography in every French text, English punctuation in every English one.

French puts a no-break space (here the narrow U+202F, or U+00A0) before `; : ! ?` and `»` and
after `«`, and writes the first of the month "1er". Each message is read from its Fluent source
with every variant of every select expression, a placeholder standing for what it will show, so
a variant that only some counts reach is checked too. A colon between two non-blank characters
(`14:30`, `https://`, `telegram:ID`) is not punctuation.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from messages import HERE
from messages.catalog import catalog_files, format_day, format_short_day, format_when

NO_BREAK = "\u202f\u00a0"
PLACEHOLDER = "X"  # what a placeable shows: a word, never a space
FRENCH_BEFORE = re.compile(r"(?P<before>.)(?P<mark>[;:!?»])(?P<after>.?)", re.DOTALL)
FRENCH_AFTER = re.compile(r"«(?P<after>.)", re.DOTALL)
DOUBLED_SPACE = re.compile("[\u202f\u00a0][ \u202f\u00a0]")  # two spaces where one goes
URL = re.compile(r"\w+://\S+")
ENGLISH_SPACED = re.compile(r"[ \u202f\u00a0](?P<mark>[;:!?])")


def flatten(pattern: ast.Pattern, before: str = "") -> list[str]:
    """The texts a pattern may show: one per variant of each select expression (not their
    product), with `before` standing for what precedes a variant."""
    shown = before
    variants: list[str] = []
    for element in pattern.elements:
        if isinstance(element, ast.TextElement):
            shown += element.value
            continue
        expression = element.expression
        if isinstance(expression, ast.SelectExpression):
            for variant in expression.variants:
                variants += flatten(variant.value, shown[-1:] or PLACEHOLDER)
        shown += PLACEHOLDER
    return [shown, *variants]


def texts(locale: str) -> list[tuple[str, str]]:
    """(where, text) for every message, attribute and variant of a language, and its charter."""
    found: list[tuple[str, str]] = []
    for path in catalog_files(locale):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(entry, ast.Message):
                continue
            patterns = [entry.value, *(a.value for a in entry.attributes)]
            for pattern in filter(None, patterns):
                found += [(f"{path.name}:{entry.id.name}", text) for text in flatten(pattern)]
    charter = HERE / "charter" / f"{locale}.md"
    found.append((charter.name, charter.read_text(encoding="utf-8")))
    return found


def french_faults(text: str) -> list[str]:
    """Each place where `text` breaks French spacing, with a little context."""
    faults = []
    text = URL.sub(PLACEHOLDER, text)
    for match in FRENCH_BEFORE.finditer(text):
        before, mark, after = match["before"], match["mark"], match["after"]
        is_syntax = mark == ":" and not before.isspace() and after and not after.isspace()
        follows_mark = before in ";:!?»"
        if before not in NO_BREAK and not is_syntax and not follows_mark:
            faults.append(text[max(0, match.start() - 25) : match.end() + 5])
    for match in FRENCH_AFTER.finditer(text):
        if match["after"] not in NO_BREAK:
            faults.append(text[max(0, match.start() - 5) : match.end() + 25])
    for match in DOUBLED_SPACE.finditer(text):
        faults.append(text[max(0, match.start() - 25) : match.end() + 5])
    return faults


def test_every_french_text_spaces_its_punctuation_the_french_way() -> None:
    faults = {where: found for where, text in texts("fr") if (found := french_faults(text))}
    assert faults == {}


def test_no_english_text_puts_a_space_before_its_punctuation() -> None:
    faults = {
        where: [text[max(0, m.start() - 25) : m.end() + 5] for m in ENGLISH_SPACED.finditer(text)]
        for where, text in texts("en")
        if ENGLISH_SPACED.search(text)
    }
    assert faults == {}


def test_french_goes_on_in_lower_case_after_a_colon() -> None:
    """Lower case after a colon, as in "Sujets : budget"; a placeholder may be a name."""
    capitals = {
        where: match.group(0)
        for where, text in texts("fr")
        for match in re.finditer(r"[\u202f\u00a0]: +(\w+)", text)
        if match.group(1)[0].isupper() and match.group(1).strip(PLACEHOLDER)
    }
    assert capitals == {}


@pytest.mark.parametrize(
    "bad",
    [
        "Voici la liste : un",
        "Vraiment?",
        "Bravo !",
        "le programme « Mentorat»",
        "Dites-moi ; ensuite",
        "C'est noté{ $x }:",
    ],
)
def test_the_check_catches_what_french_typography_forbids(bad: str) -> None:
    assert french_faults(bad.replace("{ $x }", PLACEHOLDER))


@pytest.mark.parametrize(
    "good",
    [
        "Voici la liste\u202f: un",
        "Vraiment\u202f?!",
        "à 14:30, sur https://exemple.fr/a?b=1",
        "le compte telegram:NUMÉRO",
        "le programme «\u202fMentorat\u202f»",
    ],
)
def test_the_check_leaves_times_urls_and_accounts_alone(good: str) -> None:
    assert french_faults(good) == []


def test_the_first_of_the_month_is_1er_in_french_and_1_in_english() -> None:
    first = date(2026, 12, 1)
    assert format_day(first, "fr") == "mardi 1er décembre 2026"
    assert format_day(first, "en") == "Tuesday 1 December 2026"
    assert format_short_day(first, "fr") == "1er décembre 2026"
    assert format_short_day(date(2026, 12, 2), "fr") == "2 décembre 2026"
    moment = datetime(2026, 12, 1, 13, 30, tzinfo=UTC)
    assert format_when(moment, "fr", "Europe/Paris") == "mardi 1er décembre 2026, 14:30"


def test_the_catalog_sources_hold_no_stray_spacing_characters() -> None:
    """Only the two no-break spaces French needs: no tab or figure space hides in a text."""
    odd = {
        path.name
        for locale in ("fr", "en")
        for path in [*catalog_files(locale), Path(HERE / "charter" / f"{locale}.md")]
        if re.search(r"[\t\u2007\u2009\u200a\u200b]", path.read_text(encoding="utf-8"))
    }
    assert odd == set()
