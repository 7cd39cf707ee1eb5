"""A person named in a text the core writes, shown by each platform as it does best.

`person_ref(person)` puts a marker in a text: the person's id and name between private-use
characters. Each adapter renders it before showing the text: Slack as a mention (`<@U…>`) when
the reader and the person share a workspace, else as the name; Telegram and the console as the
name (`plain_refs`). A leftover or cut marker is dropped, never shown. People cannot forge one:
`handlers.text.clean` drops private-use characters from everything they type.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.models import Person

OPEN, SEP, CLOSE = "\ue000", "\ue001", "\ue002"
MARKS = OPEN + SEP + CLOSE
_REF = re.compile(f"{OPEN}([0-9]{{1,12}}){SEP}([^{MARKS}\n]*){CLOSE}")
_STRAY = str.maketrans("", "", MARKS)
Render = Callable[[int, str], str]


def person_ref(person: Person | None) -> str:
    """A marker naming `person` in a text ("?" for nobody)."""
    if person is None or person.id is None:
        return "?"
    name = " ".join((person.display_name or "?").translate(_STRAY).split()) or "?"
    return f"{OPEN}{person.id}{SEP}{name}{CLOSE}"


def render_refs(text: str, render: Render) -> str:
    """`text` with each marker replaced by `render(person_id, name)`, stray marks dropped."""
    return _REF.sub(lambda m: render(int(m[1]), m[2]), text).translate(_STRAY)


def plain_refs(text: str) -> str:
    """`text` with each person marker replaced by the person's name."""
    return render_refs(text, lambda _person, name: name)


def referenced(text: str) -> set[int]:
    """The ids of the people a text names with a marker."""
    return {int(m[1]) for m in _REF.finditer(text)}
