"""Cleaning and matching what people type, whatever it is (emoji, markup, binary junk)."""

from __future__ import annotations

import re
import unicodedata

MAX_TEXT = 4000
MIN_PART = 3  # the shortest part of a label that may name it ("mar" for "Marc", not "a")
HELP_WORDS = frozenset({"aide", "help", "a l'aide", "au secours", "?"})
GREETINGS = frozenset(
    {"bonjour", "bonsoir", "salut", "coucou", "hello", "hi", "hey", "good morning", "allo"}
)
THANKS = frozenset({"merci", "merci beaucoup", "thanks", "thank you", "thx", "super merci"})


def clean(raw: str) -> str:
    """NFC-normalised text without control characters (newlines and tabs kept), trimmed."""
    text = unicodedata.normalize("NFC", raw)
    kept = (ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return "".join(kept).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching a typed answer to a label."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def options_named(text: str, labels: list[str]) -> list[int]:
    """The indexes of the options `text` may name, best reading first: its number (from 1),
    the whole label, words that start the label's words ("marc dup" for "Marc Dupont"), or a
    part of the label. More than one index means the text is ambiguous."""
    answer = fold(text).rstrip(".")
    if answer.isdecimal():
        number = int(answer) if len(answer) <= 6 else 0
        return [number - 1] if 1 <= number <= len(labels) else []
    folded = [fold(label) for label in labels]
    if answer in folded:
        return [folded.index(answer)]
    typed = _words(answer)
    if len(answer) < MIN_PART or not typed:
        return []
    by_words = [i for i, label in enumerate(folded) if _starts_words(typed, _words(label))]
    if by_words:
        return by_words
    return [i for i, label in enumerate(folded) if answer in label]


def _starts_words(typed: list[str], words: list[str]) -> bool:
    """Whether each typed word starts a word of the label, in the label's order."""
    position = 0
    for part in typed:
        found = next((i for i in range(position, len(words)) if words[i].startswith(part)), None)
        if found is None:
            return False
        position = found + 1
    return True


def match_option(text: str, labels: list[str]) -> int | None:
    """The index of the option `text` names without doubt (see `options_named`), else None."""
    found = options_named(text, labels)
    return found[0] if len(found) == 1 else None


def _bare(text: str) -> str:
    return fold(text).strip(" !.,;:)(-").replace("\u2019", "'")


def asks_help(text: str) -> bool:
    """Whether the text is a plain call for help ("aide", "help", "?")."""
    return _bare(text) in HELP_WORDS


def greeting(text: str) -> str | None:
    """ "thanks" or "hello" when the text is only that (with punctuation or emoji), else None."""
    bare = " ".join(_words(_bare(text)))
    if bare in THANKS:
        return "thanks"
    if bare in GREETINGS or (bare.split(" ")[0] in GREETINGS and len(bare.split(" ")) <= 3):
        return "hello"
    return None
