"""Cleaning and matching what people type, whatever it is (emoji, markup, binary junk)."""

from __future__ import annotations

import unicodedata

MAX_TEXT = 4000


def clean(raw: str) -> str:
    """NFC-normalised text without control characters (newlines and tabs kept), trimmed."""
    text = unicodedata.normalize("NFC", raw)
    kept = (ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return "".join(kept).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching a typed answer to a label."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def match_option(text: str, labels: list[str]) -> int | None:
    """The index of the option `text` names, by its number (from 1) or its label."""
    answer = fold(text).rstrip(".")
    if answer.isdigit():
        number = int(answer)
        return number - 1 if 1 <= number <= len(labels) else None
    folded = [fold(label) for label in labels]
    return folded.index(answer) if answer in folded else None
