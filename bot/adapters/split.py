"""Cutting escaped text into parts a platform accepts (Slack blocks, Telegram messages).

Cuts fall at line ends, else at a space, else anywhere but inside an HTML entity such as
`&amp;`. `units` says how a platform counts a character (Telegram: UTF-16 code units).
"""

from __future__ import annotations

from collections.abc import Callable

ENTITY_MAX = 8  # the longest entity the escapers write is "&amp;", well within this
Units = Callable[[str], int]


def one_unit(_char: str) -> int:
    return 1


def split_escaped(escaped: str, limit: int, units: Units = one_unit) -> list[str]:
    """`escaped` in parts of at most `limit` units; blank parts are dropped."""
    if limit < ENTITY_MAX:
        raise ValueError(f"a limit of {limit} cannot hold every entity whole")
    parts: list[str] = []
    current = ""
    for line in escaped.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if _measure(candidate, units) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        while _measure(line, units) > limit:
            head, line = _cut(line, limit, units)
            parts.append(head)
        current = line
    parts.append(current)
    return [part.strip("\n") for part in parts if part.strip()]


def _measure(text: str, units: Units) -> int:
    return len(text) if units is one_unit else sum(units(char) for char in text)


def _cut(line: str, limit: int, units: Units) -> tuple[str, str]:
    """The longest head of `line` that fits, preferring to end at a space."""
    fits = _fitting_prefix(line, limit, units)
    space = line.rfind(" ", 0, fits + 1)
    if space > fits // 2:
        return line[:space], line[space + 1 :]
    amp = line.rfind("&", max(0, fits - ENTITY_MAX), fits)
    if amp > 0 and ";" not in line[amp:fits]:
        fits = amp
    return line[:fits], line[fits:]


def _fitting_prefix(line: str, limit: int, units: Units) -> int:
    """How many characters of `line` fit in `limit` units."""
    used = 0
    for index, char in enumerate(line):
        used += units(char)
        if used > limit:
            return index
    return len(line)
