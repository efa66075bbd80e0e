"""Split a location string into `{city, region, country}` dicts (country ISO 3166-1 alpha-2).

Conventions (they matter for dedup across sources, so keep them stable):
- city is the municipality, written as the text writes it ("München" stays "München"; any
  spelling of one city is one GeoNames place for dedup): a district, ward, arrondissement or
  postcode area of a big city is that city ("Marseille 8e", "Berlin Mitte", "Miraflores, Lima",
  "Koramangala, Bengaluru", "東京都港区", "Kwun Tong" in the city-state Hong Kong); a town of its
  own stays itself ("Alcobendas, Madrid", "Vila Nova de Gaia, Porto"). A district lies within
  10 km of a city of 400,000 written beside it, or is unknown to the gazetteer; a short name
  no gazetteer lists is read in full ("CDMX", "CABA").
- region is the postal code for US states / Canadian provinces ("California" -> "CA"), otherwise
  the text as written ("Nouvelle-Aquitaine", "神奈川県", "N.L."), or a French département's
  number written beside the city ("92 - Courbevoie" -> "92"). Any name of one region is the
  same region: ISO 3166-2's names, pycountry's translations of them and the abbreviations in
  places.toml (scrapers.normalise.countries.region_of).
- country: from the text (a name in about 50 languages, a code, a region), else the city's country
  in GeoNames, chosen among several by the site's country (a national board's domain, a page
  in a language of one country), then by the region written beside it, then the hand table,
  then the biggest city of that name: a known city always has a country. A place no gazetteer
  knows gets the site's country.
- a trailing two-letter code that is both a US state and a country ("DE", "IN", "CA") is read as
  the state, the usual ATS convention, unless the city lies in that country ("Berlin, DE",
  "Kochi, IN"); a code that is a region of the city's country is that region ("Porto Alegre -
  RS"). A lone code ("Remote - CA") is read as a country.
- areas that are not countries (EU, EMEA, Europe, Worldwide, LATAM...), work modes in any
  language ("Home-Office", "フルリモート"), counts ("2 Locations") and "multiple locations"
  phrases give no entry, so "Remote (EU)" and "Remote" give [].
"""

from __future__ import annotations

import re
from typing import Any

from scrapers.gazetteer import (
    DISTRICT_KM,
    city_ids,
    city_named,
    country_of,
    municipality,
    municipality_name,
    near,
    population,
)
from scrapers.normalise.countries import (
    country_from_city,
    country_from_code,
    country_from_name,
    fold,
    is_town_region,
    region_kind,
    region_of,
    subdivision,
)
from scrapers.normalise.remote import is_workplace_label
from scrapers.normalise.vocabulary import read_vocabulary, unspaced

Location = dict[str, str | None]

# Separators between whole locations; " o " is Spanish/Italian "or".
# "、" enumerates (北海道札幌市、宮城県仙台市).
_LIST_SEPARATORS = re.compile(r"\s*(?:[;|\n•、]|\s(?:or|ou|oder|o)\s)\s*", re.I)
# 【東京本社】, 【大阪支社】: the label of a place (head office, branch), not a place.
_LABEL_BRACKETS = re.compile(r"【[^】]*】")
# "US-PA-Pittsburgh", "CA-ON-Toronto": country, region and city codes as ATSs write them.
_ATS_CODES = re.compile(r"^\s*([A-Z]{2})\s*-\s*([A-Z]{2,3})\s*-\s*([^\W\d_][^,;]*)$")
# "United States-Wisconsin-Waukesha": country, region and city by name.
_ATS_NAMES = re.compile(r"^\s*([^\W\d_][^-,;]+)-([^\W\d_][^-,;]+)-([^\W\d_][^,;]*)$")
# A slash between places: a list ("Porto / Lisbon"), or a place and its district ("İzmir /
# Bornova").
_SLASH = re.compile(r"\s+/\s+")
# Separators between the parts of one location; "·" in Chinese writes city·district
# (北京·海淀区), "،" is the Arabic comma.
_PART_SEPARATORS = re.compile(r"\s*(?:[,，،·፣]|\(|\)|（|）|\[|\]|\s[-–—]\s)\s*")

# Workplace words are not place names: "Hybrid-Palo Alto, CA" is Palo Alto.
_WORKPLACE = re.compile(
    r"""(?<!\w)(?:
        (?:fully\s+|full\s+|100\s*%\s*)?(?:remote|remoto|hybrid|hybride|h[ií]brido)(?:\s+first)?
        | on[\s-]?site | in[\s-]office | office[\s-]based | sur\s+site | pr[ée]sentiel | presencial
        | (?:100\s*%\s*)?t[ée]l[ée]travail
          (?:\s+(?:total|complet|partiel|fr[ée]quent|occasionnel|possible))?
        | teletrabajo | home\s*office | work\s+from\s+home | wfh
    )(?!\w)""",
    re.I | re.X,
)
_LEADING_FILLER = re.compile(r"^(?:(?:based\s+)?in|from|within|anywhere\s+in|à|en|em)\s+", re.I)
_TRAILING_FILLER = re.compile(r"\s+(?:only|based)$", re.I)
# Postcodes beside a name ("NY 10001", "75008 Paris") are not part of it.
_POSTCODE = re.compile(
    r"^\d{4,5}\s+(?=\D)|\s+\d{4,5}(?:-\d{4})?$"
    r"|^\d{3}\s\d{2}\s+(?=\D)"  # Sweden, Czechia, Slovakia: "421 30 Västra Frölunda"
    r"|^\d{3}\s+(?=[^\W\d_]{4,}$)"  # Iceland, the Faroes: "201 Kópavogur"
    r"|(?<=[a-z])\s+[A-Z]{1,2}\d[A-Z\d]?$"  # UK, the district alone: "London W6"
    r"|\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d$"  # Canada: "ON L5B 1M2"
    r"|\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$"  # UK: "London SW1A 1AA"
)
# A region's number written as a part of its own ("92 - Courbevoie", "Lyon 9e - 69").
_REGION_NUMBER = re.compile(r"(?:^|\s[-–—]\s|\()\s*(\d{2,3}|2[AB])\s*(?:$|\s[-–—]\s|\))")
_SLASH_CODE = re.compile(r"^([^/]*[^\W\d_][^/]*?)\s*/\s*([A-Z]{2,3})$")
_MORE = re.compile(r"\s*\+\s*\d+\s*\w*\s*$")
_NUMBERS_ONLY = re.compile(r"[\d\s%.,+]+")
# The data the location reader works by (scrapers/data/places.toml), read once.
_PLACES = read_vocabulary("places")
_DISTRICT_WORD = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in _PLACES["district_words"]) + r")(?!\w)"
)
_CITY_WORD_BEFORE = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in _PLACES["city_words_before"]) + r")\s*", re.I
)
_CITY_WORD_AFTER = re.compile(
    r"\s+(?:" + "|".join(re.escape(w) for w in _PLACES["city_words_after"]) + r")$", re.I
)
# Thai: "อ.ศรีราชา จ.ชลบุรี" is district (อำเภอ) then province (จังหวัด); the province opens a part.
_THAI_PROVINCE = re.compile(r"\s+(?=จ\.|จังหวัด)")
# A UK postcode district alone ("(E14)", "SW1"): no place name.
_UK_OUTWARD = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
# A street and house number before the city ("Karl Johans gate 14, 0154 Oslo").
_STREET = re.compile(r"\d")
_EDGE_PUNCTUATION = " \t-–—:/.,*"
# Two places of one location text this close are one place (a district and its city).
_SAME_PLACE_KM = 30.0

# Areas and placeholders that name no country (scrapers/data/places.toml).
_NOT_A_PLACE = frozenset(fold(word) for word in _PLACES["not_a_place"])
# "The whole country" without saying which ("全国", "nationwide"): the site's country.
_NATIONWIDE_HERE = frozenset(fold(w) for w in _PLACES["nationwide_here"])
_COUNTED_PLACES = re.compile(
    r"^\d+\s+(?:" + "|".join(map(re.escape, _PLACES["counted_places"])) + ")$",
    re.I,
)
_NEAR = re.compile(r"\s(?:" + "|".join(map(re.escape, _PLACES["near_words"])) + r")\s", re.I)
# How to get there ("JR南武線「武蔵小杉駅」徒歩3分", "地铁2号线XX站"): no place of its own.
_ACCESS = re.compile("|".join(map(re.escape, _PLACES["access_words"])))
# Short names no gazetteer lists ("CDMX", "NYC"): the city's name.
_ABBREVIATIONS = {fold(short): name for short, name in _PLACES["city_abbreviations"].items()}
_OVERSEAS: dict[str, str] = _PLACES["overseas_departements"]
# Countries that are one city: their districts are that city.
_CITY_STATES: dict[str, str] = _PLACES["city_states"]
# Words for "the whole country" ("Koko Suomi", "Bundesweit"): the country alone.
_NATIONWIDE: dict[str, str] = {
    fold(words): country for words, country in _PLACES["nationwide"].items()
}


def resolve_places(entries: list[dict[str, Any]]) -> list[Location]:
    """A source's places as the contract writes them, without duplicates.

    Extractors do not read place names; they say what the source states. Each entry is either a
    place (``{city, region, country}``, from the source's own fields) or words naming places:

    - ``{"text": "Porto / Lisbon"}``: every place the text names;
    - ``{"text": …, "country": "PT"}``: the same, the posting's country given to those that name
      none (Lever gives a posting one country for all its places);
    - ``{"text": …, "country": "US", "one_place": True}``: the first place the text names, in the
      country the source states for that very place, or that country alone (Workday's
      requisition location).

    When nothing is left and an entry stated a country, that country alone is the place.
    """
    found: list[Location] = []
    stated: str | None = None
    for entry in entries:
        if "text" not in entry:
            places: list[Location] = [entry]
        else:
            parsed = parse_locations(entry["text"])
            country = entry.get("country")
            stated = stated or country
            if entry.get("one_place"):
                first = parsed[0] if parsed else {"city": None, "region": None}
                places = [{"city": first["city"], "region": first["region"], "country": country}]
            else:
                places = [p if p["country"] else {**p, "country": country} for p in parsed]
        found += [place for place in places if place not in found]
    if not found and stated:
        found = [{"city": None, "region": None, "country": stated}]
    return found


def parse_locations(raw: str | None, hint: str | None = None) -> list[Location]:
    """All locations named in `raw`, in order, without duplicates; [] when none can be told.
    ``hint``: the country the site is in (a national board's domain), which chooses among
    cities of one name in several countries ("Cambridge" on a .co.uk board)."""
    if not isinstance(raw, str) or not raw.strip():
        return []
    found: list[Location] = []
    # "【東京本社】東京都中央区 【大阪支社】大阪府大阪市": a label opens each place.
    raw = _LABEL_BRACKETS.sub("\n", raw)
    for chunk in _LIST_SEPARATORS.split(raw):
        chunk = _ATS_CODES.sub(r"\3, \2, \1", chunk)  # "US-PA-Pittsburgh"
        if (named := _ATS_NAMES.match(chunk)) and country_from_name(named[1]):
            chunk = f"{named[3]}, {named[2]}, {named[1]}"
        placed: list[Location] = []
        for part in (p for spaced in _SLASH.split(chunk) for p in _two_cities(spaced)):
            parsed = _parse_one(part, hint)
            if placed and _same_place_again(parsed, placed):
                continue
            placed += parsed
            found += [location for location in parsed if location not in found]
    return found


def _two_cities(part: str) -> list[str]:
    """ "新加坡/吉隆坡", "Porto/Lisboa": two cities the gazetteer knows apart, written with a bare
    slash, are two places (two names of one city are not: "Gurgaon/Gurugram")."""
    names = part.split("/")
    if len(names) == 2 and all(n.strip() for n in names):
        one, other = city_ids(names[0].strip()), city_ids(names[1].strip())
        if one and other and not one & other and not near(one, other, DISTRICT_KM, metro=False):
            return names  # (twin cities, "Hyderabad/Secunderabad", are one place)
    return [part]


def _same_place_again(parsed: list[Location], before: list[Location]) -> bool:
    """After a slash, a part that adds nothing to the place before it: its district unknown to
    the gazetteer ("İzmir / Bornova"), its region ("Niterói / RJ", which is then added to it),
    or its other name ("Helsinki / Helsingfors")."""
    if not any(p["country"] for p in before):
        return False
    last = before[-1]
    if len(parsed) == 1 and last["region"] is None:
        # A region alone, or a code the place's country has a region of ("RJ").
        named = parsed[0]["region"] if parsed[0]["city"] is None else parsed[0]["city"]
        code = parsed[0]["city"] is not None and named.isupper() and len(named) <= 3
        if (
            named
            and parsed[0]["country"] in (None, last["country"])
            and (parsed[0]["city"] is None or (code and region_of(named, last["country"])))
        ):
            last["region"] = named
            return True
    if all(not p["region"] and not (p["city"] and city_ids(p["city"])) for p in parsed):
        return True
    if len(parsed) == 1 and parsed[0]["city"] and last["city"]:
        same = bool(city_ids(parsed[0]["city"]) & city_ids(last["city"]))
        if same and last["region"] is None:
            last["region"] = parsed[0]["region"]  # "Donostia / San Sebastián, País Vasco"
        return same
    return False


def _parse_one(chunk: str, hint: str | None = None) -> list[Location]:
    tokens = _tokens(chunk)
    if len(tokens) == 1 and (whole := _NATIONWIDE.get(fold(tokens[0]))):
        return [{"city": None, "region": None, "country": whole}]
    if len(tokens) == 1 and fold(tokens[0]) in _NATIONWIDE_HERE:
        # "全国", "nationwide": the whole country the site is in, or no place.
        return [{"city": None, "region": None, "country": hint}] if hint else []
    if (
        len(tokens) >= 2
        and _STREET.search(tokens[0])
        and city_named(tokens[0]) is None
        and city_named(tokens[1]) is not None
    ):
        tokens = tokens[1:]  # the street before the city
    if not tokens:
        return []
    if _cities_apart(tokens):
        return [place for token in tokens for place in _parse_one(token, hint)]
    city, region, country = _interpret(tokens, hint)
    if city is None and region is None and country is None:
        return []
    if city is not None and country is not None and (whole := _municipality(city, country)):
        # "Mestre (VE)", "Hollywood, CA 90028", "Surco": a place GeoNames puts inside another
        # municipality is that municipality; the city written beside it is no region then.
        if region is not None and whole[1] in city_ids(region) and not region_of(region, country):
            region = None
        city = whole[0]
    if country in _CITY_STATES and city is not None:
        city, region = _CITY_STATES[country], None  # "Kwun Tong" is Hong Kong
    number = _REGION_NUMBER.search(chunk) if region is None and country else None
    if number and country == "FR" and number.group(1) in _OVERSEAS:
        country = _OVERSEAS[number.group(1)]  # "Saint-Denis (974)" is in Réunion
    elif number and region_of(number.group(1), country):
        region = number.group(1)  # "92 - Courbevoie", "Lyon 9e - 69": a département's number
    return [{"city": city, "region": region, "country": country}]


def _municipality(city: str, country: str) -> tuple[str, int] | None:
    """The name and id of the municipality GeoNames puts a city in when it is another place
    (Mestre -> Venice, Lido di Ostia -> Rome, Hollywood -> Los Angeles), every city of that name
    in ``country`` agreeing; None where the data is silent or the city is its own."""
    ids = {i for i in city_ids(city, frozenset({country})) if country_of(i) == country}
    wholes = {municipality(i) for i in ids}
    if len(wholes) != 1 or None in wholes:
        return None
    whole = wholes.pop()
    if whole in ids or (name := municipality_name(whole)) is None:
        return None
    return name, whole


def _own_municipality(place: str, city: str) -> bool:
    """GeoNames says ``place`` is a municipality of its own, not one the city's: a seat
    (Paterna, Alcobendas, Vila Nova de Gaia beside Valencia, Madrid, Porto)."""
    known = city_ids(place)
    wholes = {municipality(c) for c in city_ids(city)}
    return any(municipality(k) == k and k not in wholes for k in known)


def _cities_apart(tokens: list[str]) -> bool:
    """Comma-separated cities far apart are several places ("Hamburg, München, Frankfurt am
    Main"); a district and its city, or a city and its region, are one."""
    if len(tokens) < 2 or any(country_from_name(t) or subdivision(t) for t in tokens):
        return False
    if any(len(t) < 4 for t in tokens):
        return False  # an abbreviation ("İstanbul (Avr.)") is no second city
    ids = [city_ids(t) for t in tokens]
    # A region that is no city ends the list (Hamburg and Berlin are both).
    if any(not found and region_of(t) for t, found in zip(tokens, ids, strict=True)):
        return False
    # The cities of one list lie in one country.
    countries = {country_of(c) for found in ids for c in found}
    if len(countries) > 1:
        return False
    # "Petaling Jaya, Selangor": a region of that country, named like a town, is the region.
    # "Mar del Plata, Buenos Aires", "Veenendaal, Utrecht": a region named like a city, even a
    # big one, is the region of the first (a list of two such cities reads the same, and is
    # rarer).
    if len(tokens) == 2 and region_of(tokens[1], next(iter(countries), None)):
        return False
    if not all(ids):
        return False
    # Three cities or more are a list however close ("Chandigarh, Mohali, Panchkula"); two close
    # ones are a district and its city.
    return len(tokens) >= 3 or not any(
        near(ids[i], ids[j], _SAME_PLACE_KM, metro=False)
        for i in range(len(ids))
        for j in range(i + 1, len(ids))
    )


def _tokens(text: str) -> list[str]:
    tokens = []
    parts = [p for p in _PART_SEPARATORS.split(_THAI_PROVINCE.sub(", ", text)) if p.strip()]
    for part in parts:
        if is_workplace_label(part.strip(_EDGE_PUNCTUATION)):
            continue  # "Italia (Da remoto)", "Rad od kuće"
        if len(parts) > 1 and _DISTRICT_WORD.search(fold(part)):
            continue  # "Lasnamäe linnaosa, Tallinn": a district beside its city
        token = _WORKPLACE.sub(" ", part).strip(_EDGE_PUNCTUATION)
        token = _TRAILING_FILLER.sub("", _LEADING_FILLER.sub("", token))
        token = _POSTCODE.sub("", token).strip(_EDGE_PUNCTUATION)
        token = _NEAR.split(token, 1)[0]  # "Eschborn bei Frankfurt am Main" is Eschborn
        token = _MORE.sub("", token)  # "Bremen + 2 weitere": the count of other places
        if _ACCESS.search(token):  # "横浜市西区 みなとみらい駅": the station is no place
            token = " ".join(word for word in token.split() if not _ACCESS.search(word))
        # Postcodes, placeholders and work modes are not city/region/country.
        if (
            not token
            or _NUMBERS_ONLY.fullmatch(token)
            or fold(token) in _NOT_A_PLACE
            or _COUNTED_PLACES.match(token)
            or _UK_OUTWARD.match(token)
            or is_workplace_label(token)
        ):
            continue
        if coded := _SLASH_CODE.match(token):  # "Porto Alegre/RS": a city and its state's code
            tokens += [_without_city_word(coded[1]), coded[2]]
            continue
        token = _ABBREVIATIONS.get(fold(token)) or _one_of_two_names(token)
        tokens.append(_without_city_word(token))
    return tokens


def _without_city_word(token: str) -> str:
    """ "гр. Божурище", "Kota Semarang", "Lungsod ng Pasig", "Tartu linn", "อ.เมืองเชียงใหม่": the
    name without the word for a city or district, when the gazetteer knows the name so and not
    whole ("Kota Kinabalu" is a city's whole name)."""
    if city_ids(token):
        return token
    bare = _CITY_WORD_BEFORE.sub("", token).strip()
    if bare and bare != token:
        return bare  # a word for a city before its name is never part of an unknown name
    bare = _CITY_WORD_AFTER.sub("", token).strip()
    return bare if bare != token and city_ids(bare) else token


def _one_of_two_names(token: str) -> str:
    """ "Gurgaon/Gurugram", "Bombay/Mumbai": two names of one city are that city (the last,
    usually today's name)."""
    names = [name.strip() for name in token.split("/")]
    if len(names) == 2 and all(names):
        one, other = city_ids(names[0]), city_ids(names[1])
        if one and one & other:
            return names[1]
        if one and other and near(one, other, DISTRICT_KM, metro=False):
            # Twin cities ("Hyderabad/Secunderabad"): one place, the bigger.
            return (
                names[0] if max(map(population, one)) >= max(map(population, other)) else names[1]
            )
    return token


def _interpret(
    tokens: list[str], hint: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """Read tokens right to left: country, then region, then the first token is the city."""
    rest = list(tokens)
    city: str | None = None
    region: str | None = None
    country: str | None = None

    if len(rest) == 1:
        return _interpret_single(rest[0], hint)

    last = rest[-1]
    sub = subdivision(last)
    local = region_of(last, hint) if hint and hint != "US" and last.isupper() else None
    if local and local[1] == hint and not any(_city_confirms_code(p, last) for p in rest[:-1]):
        sub = None  # "Assago (MI)" on an Italian site: Milan's province, not Michigan
    if (named := country_from_name(last)) is not None:
        country = named
        rest.pop()
    elif (
        sub is not None
        and any(_city_elsewhere(part, sub[1]) for part in rest[:-1])
        and not _city_confirms_code(rest[0], last)
    ):
        region = last
        rest.pop()
    elif sub is not None and not _city_confirms_code(rest[0], last):
        region, country = sub
        rest.pop()
    elif (code := country_from_code(last)) is not None:
        home = next((c for part in rest[:-1] if (c := _only_country(part))), None)
        if home and home != code and region_of(last, home):
            # "Porto Alegre - RS": a state of the city's country (Rio Grande do Sul), not Serbia.
            region, country = last, home
        else:
            country = code
        rest.pop()

    region_country: str | None = None
    if region is None and len(rest) >= 2:
        region, region_country, rest = _region_and_rest(rest, country, hint)
        if region_country and country is None and subdivision(region) is not None:
            country = region_country

    if rest:
        # "Koramangala, Bengaluru", "北京·海淀区·中关村": of a city and its districts, the city.
        main = _main_place(rest)
        city, code = _city_and_code(main, country or region_country or hint)
        within = region_country or country
        if region and (_district_of(city, region) or (within and _only_elsewhere(city, within))):
            # "Wellington Central, Wellington", "Ballsbridge, Dublin 4", "Victoria Island,
            # Lagos": a district of the city written beside it (a place the gazetteer knows
            # only in another country is a district of this one too); the city is the place.
            if named := _big_city_named(region):
                # The region stays when it is one ("Takapuna, Auckland"; "Lekki, Lagos State").
                kept = region_of(region, within) and fold(region) != fold(named)
                city, region = named, region if kept else None
            elif within:
                city, country = main, within
        region = region or code
        if country is None:
            country = country_from_city(city, region_country or hint, region) or region_country
        if country is None and region:
            # "Hyllie, Malmö": a place no gazetteer knows, in the city written beside it.
            country = country_from_city(_city_opening(region), hint)
    return city, region, country


def _region_and_rest(
    rest: list[str], country: str | None, hint: str | None
) -> tuple[str | None, str | None, list[str]]:
    """The region among a location's last parts, its country, and the parts left for the city:
    a state ("Austin, Texas"), any country's region ("Gauteng", "Karnataka"), a region code
    ("Barueri - SP"), the code after a city ("Sydney NSW"), a region written first
    ("Kocaeli(Gebze)"); else the last part as written, unless it is one of the city's districts
    ("北京·海淀区·中关村")."""
    last = rest[-1]
    sub = subdivision(last)
    if hint and hint != "US" and country in (None, hint) and last.isupper():
        local = region_of(last, hint)
        elsewhere = any(_city_elsewhere(part, hint) for part in rest[:-1])
        if local and local[1] == hint and not elsewhere:
            return last, hint, rest[:-1]  # "Assago (MI)" on an Italian site: Milan's province
    if (
        sub is not None
        and country in (None, sub[1])
        and not any(_city_elsewhere(part, sub[1]) for part in rest[:-1])
    ):
        return sub[0], sub[1], rest[:-1]
    first = region_of(rest[0], country)
    if (
        len(rest) == 2
        and first
        and first[1] in _countries_of(last)
        and (
            not city_ids(rest[0])
            or not near(city_ids(rest[0]), city_ids(last), _CENTRAL_KM, metro=False)
        )
    ):
        # "Hajdú-Bihar megye, Debrecen", "Kocaeli(Gebze)": the region written first.
        return rest[0], first[1], [last]
    # Any country's region by its ISO 3166-2 name ("Gauteng", "Waikato", "Jalisco").
    if found := region_of(last, country):
        return last, found[1], rest[:-1]
    if last.isupper() and len(last.strip(".")) <= 3:
        return last, None, rest[:-1]
    city, code = _city_and_code(last, country or hint)
    if code is not None:
        return code, None, [*rest[:-1], city]
    if len(rest) >= 3 and _main_place(rest) != last and city_ids(_main_place(rest)):
        return None, None, rest
    return last, None, rest[:-1]


# A city this big is where a name no gazetteer knows, written beside it, lies.
_UNKNOWN_DISTRICT_CITY = 100_000
# A city this big has districts boards name beside it ("Scheveningen, Den Haag"); smaller ones
# have neighbours of their own (Vila Nova de Gaia beside Porto, Viña del Mar beside Valparaíso).
_DISTRICT_CITY = 400_000
# "Manisa(Turgutlu)" is a town of the province Manisa, "Bursa(Nilüfer)" one of Bursa's central
# districts: a province's districts this close to its capital are the city.
_CENTRAL_KM = 20.0
# A town abroad this small is a namesake when the site's country has a region of that code.
_SMALL_TOWN = 50_000


def _main_place(parts: list[str]) -> str:
    """The city of parts naming a city and its districts: the biggest city the gazetteer knows,
    when every other part is unknown to it or lies close by; else the first part."""
    if len(parts) == 1:
        return parts[0]
    known = [(ids, part) for part in parts if (ids := city_ids(part))]
    if not known:
        return parts[0]
    ids, biggest = max(known, key=lambda k: max(map(population, k[0])))
    if all(
        other is biggest or near(found, ids, DISTRICT_KM, metro=False) for found, other in known
    ):
        return biggest
    return parts[0]


def _big_city_named(text: str) -> str | None:
    """The city a region part names when it is a city big enough to have districts ("Lima",
    "Dublin 4" -> "Dublin")."""
    named = _city_opening(text)
    if any(population(c) >= _DISTRICT_CITY for c in city_ids(named)):
        return named
    return None


def _only_elsewhere(city: str, country: str) -> bool:
    """The gazetteer knows ``city`` only outside ``country`` (Palermo beside CABA)."""
    countries = _countries_of(city, country)
    return bool(countries) and country not in countries


def _district_of(place: str, city: str) -> bool:
    """``place`` is a district of the big ``city`` written beside it: a name the gazetteer does
    not know as a town ("Capital Federal, Buenos Aires", "Wellington Central, Wellington",
    "Scheveningen, Den Haag"), or a place within the city's districts ("Miraflores, Lima",
    "Miguel Hidalgo, CDMX")."""
    named = _big_city_named(city) or _city_opening(city)
    known = city_ids(place)
    # A name the gazetteer does not know, beside a city of 100,000, is one of its districts
    # ("Hyllie, Malmö", "Ülemiste City, Tallinn"); so is one it knows only abroad ("Clifton,
    # Karachi" is not Clifton, New Jersey).
    near_city = {c for c in city_ids(named) if population(c) >= _UNKNOWN_DISTRICT_CITY}
    if near_city and (
        not known or not {country_of(c) for c in known} & {country_of(c) for c in near_city}
    ):
        return True
    big = {c for c in city_ids(named) if population(c) >= _DISTRICT_CITY}
    if not big or _own_municipality(place, named):
        return False
    # A place the gazetteer knows is kept when it lies beyond the big city's districts
    # (Alcobendas is a town of its own beside Madrid; Miraflores is Lima's), or is the bigger.
    return not known or (
        not known & big
        and max(map(population, known)) < max(map(population, big))
        and near(known, big, DISTRICT_KM, metro=False)
    )


def _city_opening(text: str) -> str:
    """The city a region part opens with ("Dublin" of "Dublin 4"), else the part: "Greater
    Manchester" is a county, not Manchester."""
    named = city_named(text)
    if not named or not text.startswith(named) or region_kind(text[len(named) :]):
        return text  # "Łódź Voivodeship" is a region named after its city
    return named


def _city_and_code(token: str, country: str | None) -> tuple[str, str | None]:
    """The city a token names, as written, without the district, postal letters or region code
    beside it ("Marseille 8e", "København S", "Baden AG" -> "Baden" and "AG"), as the gazetteer
    knows it; the token as it is when the gazetteer knows no city in it."""
    hints = frozenset({country}) if country else frozenset()
    words = token.split()
    if len(words) >= 2 and words[-1].isalpha() and words[-1].isupper() and len(words[-1]) in (2, 3):
        city = city_named(" ".join(words[:-1]), hints)
        if city is not None:
            return city, words[-1]
    return city_named(token, hints) or token, None


def _interpret_single(
    token: str, hint: str | None = None
) -> tuple[str | None, str | None, str | None]:
    if opening := _region_opening(token):
        # "神奈川県横浜市西区": the region, then the city.
        token = f"{opening} {token[len(opening) :].strip()}".strip()
    words = token.split()
    if (
        len(words) >= 2
        and (lead := region_of(words[0]))
        and (unspaced(words[0]) or not city_ids(words[0]))
    ):
        rest = " ".join(words[1:])
        named = city_named(rest, frozenset({lead[1]}))
        if _WARD.search(words[1]) and city_ids(words[0]):
            return words[0], None, lead[1]  # "東京都 港区", "서울 영등포구": a ward is its city
        if named is None and all(unspaced(word) for word in words[1:]):
            # "彰化縣 鹿港鎮": a town the gazetteer does not know; "용인시 기흥구": no ward.
            if len(words) > 2 and _WARD.search(words[-1]):
                rest = " ".join(words[1:-1])
            return rest, words[0], lead[1]
        if named and lead[1] in _countries_of(named):
            if _district_of(named, words[0]):
                return words[0], None, lead[1]
            # "경남 창원시 성산구", "제주 제주시": the region, then the city in it.
            return named, words[0], lead[1]
    if hint and len(words) >= 2 and words[-1].isupper() and region_of(words[-1], hint):
        # "Manno TI" on a Swiss board: a town with a canton code of the site's country.
        place = " ".join(words[:-1])
        ids = city_ids(place)
        if not ids or (
            hint not in {country_of(c) for c in ids} and max(map(population, ids)) < _SMALL_TOWN
        ):
            return place, words[-1], hint
    city_country = country_from_city(token, hint)
    state = subdivision(token) if len(token) > 2 else None
    if state and city_country != state[1]:
        return None, state[0], state[1]  # "Montana" is the state, not the Bulgarian town
    if city_country is None:
        # A city inside a longer text the gazetteer does not know whole ("神奈川県 横浜市西区").
        named = city_named(token, frozenset({hint}) if hint else frozenset())
        if named and named != token and (named_country := country_from_city(named, hint)):
            return named, _region_within(token, named, named_country), named_country
    if city_country is not None:
        # City-states ("Singapore", "Hong Kong") land here too, which is what a posting means.
        city, code = _city_and_code(token, city_country)
        if code is None and city != token:
            code = _region_within(token, city, city_country)
        return city, code, city_country
    if (named := country_from_name(token)) is not None:
        return None, None, named
    if (code := country_from_code(token)) is not None:
        return None, None, code
    if (sub := subdivision(token)) is not None:
        return None, sub[0], sub[1]
    if region := region_of(token, hint):
        if is_town_region(*region):
            return token, None, region[1]  # "Domžale": ISO 3166-2 lists Slovenia's towns
        return None, token, region[1]  # "Region Hovedstaden"
    # A place no gazetteer knows, on a site of one country ("2800 Kgs. Lyngby" on a Danish
    # board): most likely in that country.
    return token, None, hint


# A ward of a city ("영등포구", "港区", "海淀區"): after its city, that city.
_WARD = re.compile(r"[구군区區]$")
# Where a region's name may end when it opens a text written without spaces ("神奈川県横浜市",
# "广东省深圳市").
_REGION_END = re.compile(r"[都道府県省縣县]")


def _region_opening(word: str, country: str | None = None) -> str | None:
    """The longest region name a word opens with ("京都府" of "京都府京都市", not "京都")."""
    ends = [m.end() for m in _REGION_END.finditer(word, 0, 6)]
    for end in reversed(ends):
        if (found := region_of(word[:end], country)) and (country is None or found[1] == country):
            return word[:end]
    return None


def _region_within(text: str, city: str, country: str) -> str | None:
    """The region named beside a city in one run of words ("神奈川県 横浜市西区", "경기 성남시
    분당구", "神奈川県横浜市"), when it is a region of the city's country and not the city."""
    for word in text.split():
        if word.isdigit():
            continue  # a postcode or a district's number, not a region's code
        candidates = [word]
        if opening := _region_opening(word, country):
            candidates.append(opening)
        for candidate in candidates:
            if (
                candidate != city
                and (found := region_of(candidate, country))
                and (found[1] == country)
            ):
                return candidate
    return None


def _countries_of(city: str, prefer: str | None = None) -> set[str]:
    """The countries the gazetteer knows a city of this name in, read in ``prefer`` first
    (gazetteer.city_ids: "Paris" with "US" is Paris, Texas)."""
    ids = city_ids(city, frozenset({prefer}) if prefer else frozenset())
    return {c for city_id in ids if (c := country_of(city_id))}


def _only_country(city: str) -> str | None:
    """The one country the gazetteer knows a city of this name in."""
    countries = _countries_of(city)
    return countries.pop() if len(countries) == 1 else None


def _city_elsewhere(city: str, state_country: str) -> bool:
    """True for "São José - SC": the gazetteer knows the city, in one other country than the
    one the code is a state of, so the code is a region there (Santa Catarina)."""
    # Read in the state's country first: "Paris, TX" is Paris, Texas, not Paris, France.
    countries = _countries_of(city, state_country)
    return len(countries) == 1 and state_country not in countries


def _city_confirms_code(city: str, code: str) -> bool:
    """True for "Berlin, DE": the tabled city says the code is its country, not a US state."""
    country = country_from_code(code)
    return country is not None and (
        country_from_city(city) == country or country in _countries_of(city, country)
    )
