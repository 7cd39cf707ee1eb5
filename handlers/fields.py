"""Reading one form field's answer: typed text (or a clicked option) to a value, or an error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.domain.dates import parse_when
from handlers.text import fold, match_option
from handlers.ui import FieldKind, FormField


@dataclass(frozen=True)
class FieldError:
    """A text key and its parameters, said in the person's language."""

    key: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Reading:
    locale: str
    timezone: str
    now: datetime


def parse_field(field: FormField, raw: Any, reading: Reading) -> Any | FieldError:
    """The value of `field` for the answer `raw`; empty optional fields give None."""
    text = raw.strip() if isinstance(raw, str) else raw
    if text in (None, "", [], "-", "="):
        return None if not field.required else FieldError("field-required", {})
    if field.kind is FieldKind.text:
        if len(text) > field.max_length:
            return FieldError("field-too-long", {"limit": field.max_length, "length": len(text)})
        return text
    if field.kind is FieldKind.number:
        return _number(field, text)
    if field.kind is FieldKind.choice:
        return _choice(field, text)
    if field.kind is FieldKind.multi:
        return _multi(field, text)
    return _date(field, text, reading)


def _number(field: FormField, text: Any) -> int | FieldError:
    try:
        value = int(str(text).replace(" ", ""))
    except ValueError:
        return FieldError("field-number", {"low": field.low, "high": field.high})
    if not field.low <= value <= field.high:
        return FieldError("field-number", {"low": field.low, "high": field.high})
    return value


def _choice(field: FormField, text: Any) -> str | FieldError:
    values = [option.value for option in field.options]
    if text in values:
        return text
    index = match_option(str(text), [option.label for option in field.options])
    if index is None:
        return FieldError("field-choice", {"count": len(values)})
    return values[index]


def _multi(field: FormField, raw: Any) -> list[str] | FieldError:
    values = [option.value for option in field.options]
    parts = raw if isinstance(raw, list) else [p for p in str(raw).replace(";", ",").split(",")]
    chosen: list[str] = []
    for part in parts:
        if not str(part).strip():
            continue
        if part in values:
            picked = part
        else:
            index = match_option(str(part), [option.label for option in field.options])
            if index is None:
                return FieldError("field-multi", {"count": len(values), "answer": str(part)[:40]})
            picked = values[index]
        if picked not in chosen:
            chosen.append(picked)
    return chosen or FieldError("field-required", {})


def _date(field: FormField, text: Any, reading: Reading) -> str | FieldError:
    if isinstance(text, str) and fold(text) in {"now", "maintenant"}:
        moment: datetime | None = reading.now
    else:
        moment = parse_when(str(text), reading.locale, reading.timezone, reading.now)
    if moment is None:
        return FieldError("field-date", {})
    if field.future and moment <= reading.now:
        return FieldError("field-date-past", {})
    if field.past and moment > reading.now:
        return FieldError("field-date-future", {})
    return moment.isoformat()
