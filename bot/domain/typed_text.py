"""Typed text made comparable: what date, time and duration readers match their words against."""

from __future__ import annotations

import unicodedata

_SPACED = str.maketrans({"\u2019": "'", "\u00ab": " ", "\u00bb": " ", "\u00a0": " ", "\u202f": " "})


def folded(text: str) -> str:
    """Lower case, no accents, one space between words, typographic apostrophes and quotes plain."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPACED))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.strip(" ?!\"'").split())
