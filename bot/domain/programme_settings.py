"""A programme's settings: one validated model behind the TOML file, the chat form and the demo.

`read_toml` turns a file's text into `ProgrammeSettings` or a list of `SettingsError` (one per
wrong key, unknown keys included); `to_toml` writes settings back as the file that recreates
them. A date alone means midnight in the programme's `timezone`; `resolved` fills the defaults
that depend on other keys (starts, ends, themes) so that every entry stores the same thing.
`in_person` and `[weights]` are the matching preferences (`bot.domain.preferences`); a missing
weight takes the engine's default.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from bot.domain.preferences import Weights

SLUG = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
DEFAULT_MONTHS = 7
Moment = date | datetime
UNION_MEMBERS = {"date", "datetime"}  # pydantic names the member of `Moment` that failed
Matching = Literal["on_apply", "at_close", "committee"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class RoleRules(_Strict):
    min_years: int = Field(0, ge=0, le=60)
    min_posts: int = Field(0, ge=0, le=50)


class Eligibility(_Strict):
    mentor: RoleRules = RoleRules()
    mentee: RoleRules = RoleRules()


class Questionnaires(_Strict):
    midterm: Moment | None = None
    final: Moment | None = None


class Event(_Strict):
    kind: Literal["launch", "midterm", "closing", "other"]
    at: Moment
    title: str = Field("", max_length=200)


class Labels(_Strict):
    fr: str = Field(min_length=1, max_length=300)
    en: str = Field(min_length=1, max_length=300)


class ApplicationQuestion(_Strict):
    key: str
    kind: Literal["text", "number", "choice", "multi"] = "text"
    label: Labels
    options: list[str] = []
    roles: list[Literal["mentor", "mentee"]] = ["mentor", "mentee"]

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if not KEY.match(value):
            raise PydanticCustomError(
                "key", "lower-case letters, digits and _ only, starting with a letter"
            )
        return value

    @model_validator(mode="after")
    def _options(self) -> ApplicationQuestion:
        if self.kind in ("choice", "multi") and len(self.options) < 2:
            raise PydanticCustomError(
                "options", "a choice or multi question needs at least two options"
            )
        if self.kind not in ("choice", "multi") and self.options:
            raise PydanticCustomError("options", "only choice and multi questions take options")
        return self


DEFAULT_WEIGHTS = Weights()
WEIGHT_KEYS = tuple(f.name for f in fields(Weights))


def _weight(name: str) -> Any:
    """A weight's field: 0 to 10, a number (not a string or a boolean), the engine's default."""
    return Field(getattr(DEFAULT_WEIGHTS, name), ge=0, le=10, strict=True)


class MatchWeights(_Strict):
    """A programme file's `[weights]`: how much each preference counts in the matching."""

    topics: float = _weight("topics")
    expectations: float = _weight("expectations")
    experience: float = _weight("experience")
    format: float = _weight("format")
    availability: float = _weight("availability")
    organisation: float = _weight("organisation")
    distance: float = _weight("distance")


class Charter(_Strict):
    fr: str = Field(min_length=1, max_length=20_000)
    en: str = Field("", max_length=20_000)


class ProgrammeSettings(_Strict):
    """Every key of a programme file (DESIGN.md section 4), with its default."""

    slug: str
    name: str = Field(min_length=1, max_length=200)
    track: str = Field("", max_length=200)
    language: Literal["fr", "en"] = "fr"
    timezone: str = "Europe/Paris"
    applications_open: Moment | None = None
    applications_close: Moment | None = None
    starts: Moment | None = None
    ends: Moment | None = None
    target_sessions: int = Field(6, ge=1, le=24)
    max_gap_weeks: int = Field(8, ge=1, le=26)
    proposals: int = Field(3, ge=3, le=5)
    mentor_capacity: int = Field(1, ge=1, le=10)
    matching: Matching = "on_apply"
    answer_delay_days: int = Field(3, ge=1, le=30)
    other_organisation: bool = False
    in_person: bool = False
    weights: MatchWeights = MatchWeights()
    topics: list[str] = Field(default_factory=list, max_length=40)
    themes: list[str] = Field(default_factory=list, max_length=40)
    free_text_in_synthesis: bool = False
    pulse_weeks: int = Field(4, ge=0, le=12)
    retention_months: int = Field(12, ge=1, le=120)
    alternative: str = Field("", max_length=2000)
    eligibility: Eligibility = Eligibility()
    questionnaires: Questionnaires = Questionnaires()
    events: list[Event] = Field(default_factory=list, max_length=20)
    application_questions: list[ApplicationQuestion] = Field(default_factory=list, max_length=20)
    charter: Charter | None = None

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise PydanticCustomError(
                "slug", "1 to 64 letters, digits, - or _ (it goes into invitation links)"
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PydanticCustomError(
                "timezone", "unknown time zone: use an IANA name such as Europe/Paris"
            ) from exc
        return value

    @field_validator("topics", "themes")
    @classmethod
    def _labels(cls, values: list[str]) -> list[str]:
        cleaned = [v.strip() for v in values]
        if any(not v or len(v) > 80 for v in cleaned):
            raise PydanticCustomError("labels", "each entry is 1 to 80 characters")
        if len({v.casefold() for v in cleaned}) != len(cleaned):
            raise PydanticCustomError("repeated", "an entry is repeated")
        return cleaned

    @model_validator(mode="after")
    def _coherent(self) -> ProgrammeSettings:
        zone = self.timezone if _known(self.timezone) else "UTC"

        def at(value: Moment | None) -> datetime | None:
            return to_utc(value, zone) if value is not None else None

        opens, closes = at(self.applications_open), at(self.applications_close)
        starts, ends = at(self.starts), at(self.ends)
        if opens and closes and closes <= opens:
            raise _at(
                "applications_close",
                "after_open",
                "applications_close must come after applications_open",
            )
        if starts and ends and ends <= starts:
            raise _at("ends", "after_starts", "ends must come after starts")
        if self.matching == "at_close" and closes is None:
            raise _at(
                "applications_close", "needed", "matching = 'at_close' needs applications_close"
            )
        midterm, final = at(self.questionnaires.midterm), at(self.questionnaires.final)
        if midterm and final and final <= midterm:
            raise _at(
                "questionnaires.final",
                "after_midterm",
                "questionnaires.final must come after questionnaires.midterm",
            )
        keys = [q.key for q in self.application_questions]
        if len(set(keys)) != len(keys):
            raise _at(
                "application_questions", "repeated", "two application_questions have the same key"
            )
        return self


@dataclass(frozen=True)
class SettingsError:
    """One wrong key: where it is (`questionnaires.final`), what is wrong, and a stable `code`
    (pydantic's error type, or ours) for the chat to say it in the person's language."""

    key: str
    message: str
    code: str = ""


def _at(key: str, code: str, message: str) -> PydanticCustomError:
    """An error of the whole model that belongs to one key (`key|code` as its type)."""
    return PydanticCustomError(f"{key}|{code}", message)


def _known(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def to_utc(value: Moment, zone: str) -> datetime:
    """A file's date or date-time as an aware moment; a date alone is midnight in `zone`."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(ZoneInfo("UTC"))


def from_utc(moment: datetime, zone: str) -> Moment:
    """The inverse of `to_utc`: a date when it is midnight in `zone`, else a local date-time."""
    local = moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return local.date() if local.time() == time() else local


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` plus whole months, on the last day of a shorter month when needed."""
    total = moment.month - 1 + months
    year, month = moment.year + total // 12, total % 12 + 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


def errors_of(exc: ValidationError) -> list[SettingsError]:
    """Pydantic's errors as one line per key."""
    found: dict[str, SettingsError] = {}
    for error in exc.errors():
        parts = [str(part) for part in error["loc"] if part not in UNION_MEMBERS]
        key, code = ".".join(parts) or "(file)", error["type"]
        if "|" in code:
            key, code = code.split("|", 1)
        message = "unknown key" if code == "extra_forbidden" else error["msg"]
        if key.startswith("weights."):
            message = _weight_message(code, message)
        found.setdefault(key, SettingsError(key, message, code))
    return list(found.values())


def _weight_message(code: str, message: str) -> str:
    if code == "extra_forbidden":
        return f"unknown weight: the weights are {', '.join(WEIGHT_KEYS)}"
    if code in ("float_type", "less_than_equal", "greater_than_equal"):
        return "a weight is a number from 0 to 10"
    return message


def validate(data: dict[str, Any]) -> ProgrammeSettings | list[SettingsError]:
    try:
        return ProgrammeSettings.model_validate(data)
    except ValidationError as exc:
        return errors_of(exc)


def read_toml(text: str) -> ProgrammeSettings | list[SettingsError]:
    """Settings from a programme file's text, or every error found in it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [SettingsError("(file)", f"not valid TOML: {exc}")]
    return validate(data)


def resolved(settings: ProgrammeSettings, now: datetime) -> ProgrammeSettings:
    """The settings with the defaults that depend on other keys written out.

    starts: applications_close, else now (to the minute, as the chat form shows and reads it
    back); ends: starts + 7 months; themes: the topics.
    """
    zone = settings.timezone
    minute = now.replace(second=0, microsecond=0)
    starts = settings.starts or settings.applications_close or from_utc(minute, zone)
    ends = settings.ends or from_utc(add_months(to_utc(starts, zone), DEFAULT_MONTHS), zone)
    return settings.model_copy(
        update={"starts": starts, "ends": ends, "themes": settings.themes or list(settings.topics)}
    )


def to_toml(settings: ProgrammeSettings) -> str:
    """The file that recreates these settings: every key, in the order of the model."""
    data = settings.model_dump(mode="python", exclude_none=True)
    if not data["application_questions"]:
        del data["application_questions"]
    if not data["events"]:
        del data["events"]
    return tomli_w.dumps(data)
