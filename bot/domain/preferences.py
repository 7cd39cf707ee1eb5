"""How well a mentor suits a mentee: the programme's weighted preferences. Pure, no I/O.

Each preference gives a value between 0 and 1, multiplied by the programme's weight:

- `topics`: the share of the mentee's topics the mentor offers;
- `expectations`: words in common between what the mentee expects and what the mentor offers
  (cosine of their sets of word stems);
- `experience`: the mentor's years of experience beyond the mentee's, full at 10 years;
- `format`: a meeting format both accept;
- `availability`: the share of the mentee's free slots the mentor is free in too;
- `organisation`: another organisation (1), the same one but another unit (0.25);
- `distance`: only when the programme prefers meeting in person, 1 / (1 + km / 30).

`explain` scores one pair and says why in reasons the mentee reads; `Features` and
`score_block` score a whole pool at once with the same formulas (the engine's hot path). A tiny
tie-breaker derived from both application ids and the seed makes equal scores order the same way
on every run, whatever the order of the input.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache

import numpy as np

from bot.domain.availability import overlap, slots
from bot.domain.matching import Profile, fold
from bot.domain.places import distance_km, distances_km, units

ALL_FORMATS = frozenset({"video", "in_person", "phone"})
EXPERIENCE_FULL = 10  # years of difference that count fully
DISTANCE_HALF_KM = 30.0  # the distance at which the distance preference counts half
SAME_CITY_KM = 5.0
OTHER_UNIT = 0.25
TIE = 1e-4  # the tie-breaker's scale, far below any weight's step
WORD_BUCKETS = 256
STEM = 6
_WORD = re.compile(r"[a-z]{4,}")
_STOP_WORDS = """
avec dans pour plus mais sont être etre avoir fait faire sans sous cette ceux elle elles
nous vous leur leurs mieux bien tres comme aussi tout tous toute toutes quand quel quelle
autre autres entre depuis vers chez encore notre votre mentor mentee mentorat mentoring
with from that this have what want would like about into more their there they them your
which will been also some than then when help
"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class Weights:
    """How much each preference counts (0 to 10 each); a programme file's `[weights]`."""

    topics: float = 3.0
    expectations: float = 1.0
    experience: float = 1.0
    format: float = 1.0
    availability: float = 1.0
    organisation: float = 2.0
    distance: float = 2.0

    @classmethod
    def of(cls, values: Mapping[str, float] | None) -> Weights:
        """The weights a programme stored (missing keys take their default)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in (values or {}).items() if k in known})


def formats(profile: Profile) -> frozenset[str]:
    """The formats a person accepts ("any" is every format)."""
    return ALL_FORMATS if "any" in profile.formats or not profile.formats else profile.formats


@lru_cache(maxsize=100_000)
def word_buckets(text: str) -> frozenset[int]:
    """The stems of the meaningful words of `text`, hashed into WORD_BUCKETS buckets."""
    return frozenset(
        zlib.crc32(word[:STEM].encode()) % WORD_BUCKETS
        for word in _WORD.findall(fold(text))
        if word not in _STOP
    )


known_slots = lru_cache(maxsize=100_000)(slots)


def _spread(values: np.ndarray, seed: int) -> np.ndarray:
    """A 32-bit hash of each application id (splitmix64's finaliser), for the tie-breaker."""
    with np.errstate(over="ignore"):
        x = values.astype(np.uint64) ^ np.uint64((seed * _GOLDEN) & _MASK)
        x ^= x >> np.uint64(30)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return (x & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def mix(mentees: np.ndarray, mentors: np.ndarray, seed: int) -> np.ndarray:
    """The tie-breaker of each (mentee, mentor) pair of application ids, in [0, TIE)."""
    with np.errstate(over="ignore"):
        x = _spread(mentees, seed)[:, None] ^ _spread(mentors, seed + 1)[None, :]
        x *= np.uint32(0x9E3779B1)
    return (x >> np.uint32(8)).astype(np.float64) * (TIE / (1 << 24))


def tie_breaker(mentee_application: int, mentor_application: int, seed: int) -> float:
    """`mix` for one pair, in plain integers (the same bits, without numpy's overhead)."""
    x = (_spread_one(mentee_application, seed) ^ _spread_one(mentor_application, seed + 1)) * (
        0x9E3779B1
    )
    return ((x & 0xFFFFFFFF) >> 8) * (TIE / (1 << 24))


def _spread_one(value: int, seed: int) -> int:
    x = (value ^ (seed * _GOLDEN)) & _MASK
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & _MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & _MASK
    x ^= x >> 31
    return x & 0xFFFFFFFF


_GOLDEN, _MASK = 0x9E3779B97F4A7C15, (1 << 64) - 1


def explain(
    mentee: Profile,
    mentor: Profile,
    weights: Weights,
    *,
    in_person: bool = False,
    seed: int = 0,
) -> tuple[float, list[dict[str, object]]]:
    """The pair's score (as `score_block` computes it) and the reasons, strongest first."""
    parts: list[tuple[float, dict[str, object]]] = []
    shared = sorted(mentee.topics & mentor.topics, key=fold)
    if mentee.topics and shared:
        parts.append(
            (weights.topics * len(shared) / len(mentee.topics),
             {"key": "reason-topics", "topics": ", ".join(shared)})
        )  # fmt: skip
    asked, offered = word_buckets(mentee.expectations), word_buckets(mentor.expectations)
    if asked and offered and asked & offered:
        value = len(asked & offered) / (len(asked) * len(offered)) ** 0.5
        parts.append((weights.expectations * value, {"key": "reason-expectations"}))
    gap = min(max(mentor.years - mentee.years, 0), EXPERIENCE_FULL) / EXPERIENCE_FULL
    parts.append((weights.experience * gap, {"key": "reason-experience", "years": mentor.years}))
    if formats(mentee) & formats(mentor):
        parts.append((weights.format, {"key": "reason-format"}))
    free = overlap(known_slots(mentee.availability), known_slots(mentor.availability))
    if free:
        parts.append((weights.availability * free, {"key": "reason-availability"}))
    if fold(mentee.organisation) != fold(mentor.organisation):
        parts.append((weights.organisation, {"key": "reason-other-organisation"}))
    elif fold(mentee.unit) != fold(mentor.unit):
        parts.append((weights.organisation * OTHER_UNIT, {"key": "reason-other-unit"}))
    if in_person and mentee.coordinates and mentor.coordinates:
        km = distance_km(mentee.coordinates, mentor.coordinates)
        reason: dict[str, object] = (
            {"key": "reason-same-city", "city": mentor.location}
            if km < SAME_CITY_KM
            else {"key": "reason-distance", "km": round(km)}
        )
        parts.append((weights.distance / (1 + km / DISTANCE_HALF_KM), reason))
    total = sum(value for value, _ in parts)
    total += tie_breaker(mentee.application_id, mentor.application_id, seed)
    shown = [reason for value, reason in sorted(parts, key=lambda p: -p[0]) if value > 0]
    return total, shown


@dataclass(frozen=True)
class Features:
    """Profiles as arrays, built once per run: what `score_block` multiplies."""

    application_ids: np.ndarray
    topics: np.ndarray  # n x topics, 0/1
    topic_counts: np.ndarray
    words: np.ndarray  # n x WORD_BUCKETS, 0/1
    word_counts: np.ndarray
    years: np.ndarray
    formats: np.ndarray  # bitmask of ALL_FORMATS
    slots: np.ndarray  # availability bitmask
    slot_counts: np.ndarray
    organisations: np.ndarray  # codes of the folded organisation
    units: np.ndarray  # codes of the folded (organisation, unit)
    coordinates: np.ndarray  # n x 3 points on the unit sphere, NaN when unknown

    @classmethod
    def of(cls, profiles: Sequence[Profile], vocabulary: Vocabulary) -> Features:
        n = len(profiles)
        topics = np.zeros((n, len(vocabulary.topics)), np.float32)
        words = np.zeros((n, WORD_BUCKETS), np.float32)
        where = np.full((n, 2), np.nan)
        for row, profile in enumerate(profiles):
            topics[row, [vocabulary.topics[t] for t in profile.topics]] = 1
            words[row, list(word_buckets(profile.expectations))] = 1
            if profile.coordinates is not None:
                where[row] = profile.coordinates
        free = np.array([known_slots(p.availability) for p in profiles], np.uint32)
        return cls(
            application_ids=np.array([p.application_id for p in profiles], np.int64),
            topics=topics,
            topic_counts=topics.sum(axis=1),
            words=words,
            word_counts=words.sum(axis=1),
            years=np.array([p.years for p in profiles], np.float32),
            formats=np.array([vocabulary.format_mask(p) for p in profiles], np.uint8),
            slots=free,
            slot_counts=np.bitwise_count(free).astype(np.float32),
            organisations=np.array(
                [vocabulary.code(fold(p.organisation)) for p in profiles], np.int32
            ),
            units=np.array(
                [vocabulary.code(f"{fold(p.organisation)}\n{fold(p.unit)}") for p in profiles],
                np.int32,
            ),
            coordinates=units(where),
        )

    def rows(self, index: np.ndarray | slice) -> Features:
        """The features of some rows only."""
        return Features(*(getattr(self, f.name)[index] for f in fields(self)))


class Vocabulary:
    """Codes shared by the mentees' and the mentors' features (topics, organisations)."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        names = sorted({topic for profile in profiles for topic in profile.topics})
        self.topics = {topic: column for column, topic in enumerate(names)}
        self._codes: dict[str, int] = {}

    def code(self, text: str) -> int:
        return self._codes.setdefault(text, len(self._codes))

    @staticmethod
    def format_mask(profile: Profile) -> int:
        return sum(1 << i for i, name in enumerate(sorted(ALL_FORMATS)) if name in formats(profile))


def score_block(
    mentees: Features, mentors: Features, weights: Weights, *, in_person: bool, seed: int
) -> np.ndarray:
    """The scores of every mentee (rows) against every mentor (columns), as `explain` has them:
    the preferences summed in float32, the tie-breaker added in float64 so that it survives."""
    w = weights
    total = np.zeros((len(mentees.years), len(mentors.years)), np.float32)
    if w.topics and mentees.topics.shape[1]:
        share = mentees.topics * (w.topics / np.maximum(mentees.topic_counts, 1))[:, None]
        total += share @ mentors.topics.T
    if w.expectations:
        asked = (
            mentees.words * (w.expectations / np.sqrt(np.maximum(mentees.word_counts, 1)))[:, None]
        )
        offered = mentors.words / np.sqrt(np.maximum(mentors.word_counts, 1))[:, None]
        total += asked @ offered.T
    gap = mentors.years[None, :] - mentees.years[:, None]
    np.clip(gap, 0, EXPERIENCE_FULL, out=gap)
    total += gap * np.float32(w.experience / EXPERIENCE_FULL)
    total += np.float32(w.format) * ((mentees.formats[:, None] & mentors.formats[None, :]) > 0)
    if w.availability:
        common = np.bitwise_count(mentees.slots[:, None] & mentors.slots[None, :])
        total += common * (w.availability / np.maximum(mentees.slot_counts, 1))[:, None]
    other = mentees.organisations[:, None] != mentors.organisations[None, :]
    total += np.float32(w.organisation) * other
    other_unit = mentees.units[:, None] != mentors.units[None, :]
    other_unit &= ~other
    total += np.float32(w.organisation * OTHER_UNIT) * other_unit
    if in_person and w.distance:
        km = distances_km(mentees.coordinates, mentors.coordinates)
        km /= DISTANCE_HALF_KM
        km += 1
        np.divide(w.distance, km, out=km)
        total += np.nan_to_num(km, copy=False, nan=0.0)
    return mix(mentees.application_ids, mentors.application_ids, seed) + total
