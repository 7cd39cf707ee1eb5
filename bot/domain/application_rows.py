"""The applications CSV (DESIGN.md section 4): read and check every row, write rows back; no I/O.

`read_rows(text, topics)` takes the file's text (UTF-8, BOM tolerated, comma or semicolon, sniffed
from the header line) and the programme's topics, and returns every valid row as an
`ApplicationRow` and every fault as a `RowError` (line, column, reason): all of them, so that a
coordinator fixes the file in one go. A row's `answers()` are what the chat's application form
stores. `export_cells` writes a stored application back as a row of the same columns plus
`status`; `status` is accepted (and ignored) on import, so an exported file imports again.

Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) are written with a leading
`'`, which reading takes off again.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from bot.domain.accounts import Account, parse_account

COLUMNS = (
    "role", "name", "account", "organisation", "unit", "manager", "job", "years", "posts",
    "location", "topics", "format", "languages", "expectations", "motivation", "availability",
)  # fmt: skip
EXPORT_COLUMNS = (*COLUMNS, "status")
LANGUAGES = ("fr", "en")
ROLES = {"mentor": ("mentor",), "mentee": ("mentee",), "both": ("mentee", "mentor")}
FORMULA = ("=", "+", "-", "@", "\t", "\r")
HEADER_LINE = 1


@dataclass(frozen=True)
class RowError:
    """One fault: the file's line (1 is the header), the column, and what is wrong."""

    line: int
    column: str
    reason: str


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching a topic to the programme's list."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def _items(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


class ApplicationRow(BaseModel):
    """One valid row. Validate with `context={"topics": [...]}`, the programme's topics."""

    model_config = ConfigDict(str_strip_whitespace=True)

    line: int
    role: Literal["mentor", "mentee", "both"]
    name: str = Field(min_length=1, max_length=200)
    account: Account
    organisation: str = Field(min_length=1, max_length=200)
    unit: str = Field("", max_length=200)
    manager: str = Field(min_length=1, max_length=200)
    job: str = Field(min_length=1, max_length=200)
    years: int = Field(ge=0, le=60)
    posts: int = Field(ge=0, le=50)
    location: str = Field(min_length=1, max_length=200)
    topics: list[str]
    format: Literal["video", "in_person", "phone", "any"]
    languages: list[Literal["fr", "en"]] = Field(min_length=1)
    expectations: str = Field(min_length=1, max_length=1000)
    motivation: str = Field(min_length=1, max_length=1000)
    availability: str = Field(min_length=1, max_length=300)

    @field_validator("role", "format", mode="before")
    @classmethod
    def _code(cls, value: Any) -> Any:
        return value.strip().casefold() if isinstance(value, str) else value

    @field_validator("account", mode="before")
    @classmethod
    def _account(cls, value: Any) -> Account:
        if isinstance(value, Account):
            return value
        return parse_account(str(value), email=True)

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        codes = [code.casefold() for code in _items(value)]
        return list(dict.fromkeys(codes))

    @field_validator("topics", mode="before")
    @classmethod
    def _topics(cls, value: Any, info: ValidationInfo) -> list[str]:
        wanted = _items(value) if isinstance(value, str) else list(value)
        known = list((info.context or {}).get("topics", []))
        by_fold = {fold(topic): topic for topic in known}
        unknown = [topic for topic in wanted if fold(topic) not in by_fold]
        if unknown:
            listed = " | ".join(known) if known else "none: leave this column empty"
            raise ValueError(
                f"not a topic of the programme: {', '.join(unknown)} (topics: {listed})"
            )
        if known and not wanted:
            raise ValueError("required: at least one of the programme's topics, separated by |")
        return list(dict.fromkeys(by_fold[fold(topic)] for topic in wanted))

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles this row applies for (`both` is mentee and mentor)."""
        return ROLES[self.role]

    def answers(self) -> dict[str, Any]:
        """The answers as the chat's application form stores them."""
        return {
            "organisation": self.organisation,
            "unit": self.unit or None,
            "manager": self.manager,
            "job": self.job,
            "years": self.years,
            "posts": self.posts,
            "location": self.location,
            "topics": list(self.topics),
            "expectations": self.expectations,
            "motivation": self.motivation,
            "availability": self.availability,
            "format": self.format,
            "languages": list(self.languages),
        }


@dataclass
class ReadRows:
    """What a file holds: its valid rows and every fault found."""

    rows: list[ApplicationRow]
    errors: list[RowError]


def _unguard(cell: str) -> str:
    if cell[:1] == "'" and cell[1:2] in FORMULA:
        return cell[1:]
    return cell


def guard(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{cell}" if cell and cell[0] in FORMULA else cell


def sniff(header: str) -> str:
    """The delimiter of the header line: comma or semicolon (comma when it cannot tell)."""
    try:
        return csv.Sniffer().sniff(header, delimiters=",;").delimiter
    except csv.Error:
        return ";" if header.count(";") > header.count(",") else ","


def _header_errors(header: list[str]) -> list[RowError]:
    names = [name.strip().casefold() for name in header]
    errors = [
        RowError(HEADER_LINE, name or f"(column {index})", "unknown column")
        for index, name in enumerate(names, 1)
        if name not in EXPORT_COLUMNS
    ]
    errors += [
        RowError(HEADER_LINE, name, f"repeated column (also column {names.index(name) + 1})")
        for index, name in enumerate(names)
        if name and names.index(name) != index
    ]
    errors += [
        RowError(HEADER_LINE, name, "missing column") for name in COLUMNS if name not in names
    ]
    if errors:
        expected = ",".join(COLUMNS)
        errors.append(RowError(HEADER_LINE, "(header)", f"the header row must be: {expected}"))
    return errors


def _reason(error: dict[str, Any]) -> str:
    given = error.get("input")
    if given == [] or (isinstance(given, str) and not given.strip()) or error["type"] == "missing":
        return "required, but empty"
    if error["type"] == "int_parsing":
        return f"{given!r} is not a whole number"
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "literal_error" and error["loc"][0] == "languages":
        return f"unknown language {error['input']!r}: use {' | '.join(LANGUAGES)}"
    return message


def check_row(
    line: int, cells: dict[str, str], topics: list[str]
) -> ApplicationRow | list[RowError]:
    """One row's cells as an `ApplicationRow`, or one error per faulty column."""
    data: dict[str, Any] = {"line": line, **{name: cells.get(name, "") for name in COLUMNS}}
    try:
        return ApplicationRow.model_validate(data, context={"topics": topics})
    except ValidationError as exc:
        found: dict[str, RowError] = {}
        for error in exc.errors():
            column = str(error["loc"][0]) if error["loc"] else "(row)"
            found.setdefault(column, RowError(line, column, _reason(error)))
        return [found[name] for name in COLUMNS if name in found]


def read_rows(text: str, topics: list[str]) -> ReadRows:
    """Every row of the file checked; rows repeating an account and role are faults too."""
    text = text.removeprefix("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    if not first.strip():
        return ReadRows([], [RowError(HEADER_LINE, "(header)", "the file is empty")])
    delimiter = sniff(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    errors = _header_errors(header)
    if errors:
        return ReadRows([], errors)
    names = [name.strip().casefold() for name in header]
    result = ReadRows([], [])
    seen: dict[tuple[str, str], int] = {}
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append(RowError(line, "(row)", f"not valid CSV: {exc}"))
            break
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            reason = f"{len(cells)} cells, but the header has {len(names)} columns"
            result.errors.append(RowError(line, "(row)", reason))
            continue
        checked = check_row(line, dict(zip(names, map(_unguard, cells), strict=True)), topics)
        if isinstance(checked, list):
            result.errors += checked
            continue
        repeated = _repeated(checked, seen)
        if repeated:
            result.errors.append(repeated)
        else:
            result.rows.append(checked)
    return result


def _repeated(row: ApplicationRow, seen: dict[tuple[str, str], int]) -> RowError | None:
    for role in row.roles:
        earlier = seen.get((str(row.account), role))
        if earlier is not None:
            return RowError(row.line, "account", f"already applies as {role} on line {earlier}")
    for role in row.roles:
        seen[(str(row.account), role)] = row.line
    return None


def export_cells(
    role: str, name: str, account: str, answers: dict[str, Any], status: str
) -> list[str]:
    """A stored application as a row of `EXPORT_COLUMNS`, guarded against formulas."""
    values = {
        **{key: answers.get(key) for key in COLUMNS},
        "role": role,
        "name": name,
        "account": account,
        "status": status,
        "topics": "|".join(answers.get("topics") or []),
        "languages": "|".join(answers.get("languages") or []),
    }
    return [guard("" if values[key] is None else str(values[key])) for key in EXPORT_COLUMNS]
