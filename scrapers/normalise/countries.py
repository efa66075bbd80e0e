"""Shared lookup data for the normalisers: countries, regions, currencies, major cities.

Hand-kept tables live in scrapers/data/places.toml (names in the project's seven main languages,
US states, Canadian provinces, abbreviations, the locales to read), read once at import into dicts
keyed by `fold()`ed names, so lookups ignore case, accents and spacing. Beside them, the libraries'
data: ISO 3166-1 and 3166-2 names and their translations as pycountry ships them (countries and
regions in about 50 languages), and each country's currency from CLDR (Babel).
"""

from __future__ import annotations

import datetime
import gettext
import re
import unicodedata
from functools import cache
from importlib import resources

import pycountry

from scrapers.normalise.vocabulary import read_vocabulary

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Países Bajos" and "paises  bajos" must meet; Hangul
    syllables stay whole ("연봉", not its letters)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", _SPACES.sub(" ", stripped.casefold()).strip())


_PLACES = read_vocabulary("places")

ISO_CODES: frozenset[str] = frozenset(_PLACES["iso_codes"])
# Codes people write that are not the ISO code of the country they mean.
CODE_ALIASES: dict[str, str] = _PLACES["code_aliases"]


def _by_name(table: dict[str, list[str]]) -> dict[str, str]:
    """Code per folded name, from a table of names per code."""
    return {fold(name): code for code, names in table.items() for name in names}


US_STATE_BY_NAME: dict[str, str] = _by_name(_PLACES["us_states"])
CA_PROVINCE_BY_NAME: dict[str, str] = _by_name(_PLACES["ca_provinces"])


def _translated_country_names() -> dict[str, str]:
    """Country names in the languages places.toml lists beside the tabled ones ("الجزائر",
    "日本", "대한민국", "Suudi Arabistan"), as pycountry ships ISO 3166-1's translations; never
    a name that is also a US state's or a Canadian province's, nor Georgia's (the state)."""
    found: dict[str, str] = {}
    # English names stay the [countries] table's choice ("Jordan" is as likely a person).
    english = {
        fold(name)
        for country in pycountry.countries
        for attribute in ("name", "official_name", "common_name")
        if (name := getattr(country, attribute, None))
    }
    for locale in _PLACES["country_name_locales"]:
        catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        for country in pycountry.countries:
            if country.alpha_2 == "GE":
                continue
            for attribute in ("name", "official_name", "common_name"):
                name = getattr(country, attribute, None)
                if not name:
                    continue
                for each in re.split(r"[(),]", catalog.gettext(name)):
                    key = fold(each)
                    if (
                        (len(key) > 3 or (len(key) >= 2 and not key.isascii()))
                        and key not in english
                        and key not in US_STATE_BY_NAME
                        and key not in CA_PROVINCE_BY_NAME
                    ):
                        found.setdefault(key, country.alpha_2)
    return found


# The tabled names win over a translation that happens to spell another country's name.
COUNTRY_BY_NAME: dict[str, str] = _translated_country_names() | _by_name(_PLACES["countries"])
US_STATE_CODES: frozenset[str] = frozenset(US_STATE_BY_NAME.values())
CA_PROVINCE_CODES: frozenset[str] = frozenset(CA_PROVINCE_BY_NAME.values())
COUNTRY_BY_CITY: dict[str, str] = _by_name(_PLACES["cities"])
_CURRENCIES = read_vocabulary("currencies")
# CLDR's currencies are dated: read as of a fixed day, so the same posting always gives the same
# currency (change it when a country changes its currency).
CURRENCY_DATE = datetime.date(2026, 1, 1)


def _currency_by_country() -> dict[str, str]:
    """The currency a country pays salaries in: its first legal tender in CLDR (Babel), unless
    currencies.toml says otherwise (Panama's balboa is coins; pay is in dollars)."""
    from babel.numbers import get_territory_currencies

    found = {
        country: currencies[0]
        for country in sorted(ISO_CODES)
        if (currencies := get_territory_currencies(country, CURRENCY_DATE, tender=True))
    }
    return found | _CURRENCIES["paid_in"]


CURRENCY_BY_COUNTRY: dict[str, str] = _currency_by_country()
# Currencies written with a bare "$" where they are paid.
DOLLAR_SIGN_CURRENCIES: frozenset[str] = frozenset(_CURRENCIES["dollar_sign"])


_COUNTRY_OF_LANGUAGE: dict[str, str] = _PLACES["country_of_language"]


def country_of_language(language: str | None) -> str | None:
    """The country a page's language points to when it is spoken mostly in one ("ja" is JP);
    None for the languages of several countries ("en", "es", "ar")."""
    if not language:
        return None
    return _COUNTRY_OF_LANGUAGE.get(language.replace("_", "-").split("-", 1)[0].casefold())


def country_from_name(text: str) -> str | None:
    """ISO code for a country name in any of the tabled languages ("Allemagne" -> "DE")."""
    return COUNTRY_BY_NAME.get(fold(text))


def country_from_code(text: str) -> str | None:
    """ISO code for a written code; only upper case counts ("de" is a word, "DE" a code)."""
    code = text.strip().rstrip(".")
    if len(code) != 2 or not code.isupper():
        return None
    code = CODE_ALIASES.get(code, code)
    return code if code in ISO_CODES else None


def subdivision(text: str) -> tuple[str, str] | None:
    """(region code, country) for a US state or Canadian province, written as a code or a name."""
    stripped = text.strip().rstrip(".")
    if len(stripped) <= 4 and stripped.count(".") == 1:
        stripped = stripped.replace(".", "")  # "D.C."
    if len(stripped) == 2 and stripped.isupper():
        if stripped in US_STATE_CODES:
            return stripped, "US"
        if stripped in CA_PROVINCE_CODES:
            return stripped, "CA"
        return None
    key = fold(stripped)
    if key in US_STATE_BY_NAME:
        return US_STATE_BY_NAME[key], "US"
    if key in CA_PROVINCE_BY_NAME:
        return CA_PROVINCE_BY_NAME[key], "CA"
    return None


def country_from_city(text: str, hint: str | None = None, region: str | None = None) -> str | None:
    """The country of the city ``text`` names: GeoNames' (scrapers/gazetteer.py) when the city
    is known there in one country; among several, the one the posting's site is in (``hint``),
    else the one whose region of that name is written beside it (``region``: "Santiago, Región
    Metropolitana"), else the hand-kept table of major job-market cities, else the country of the
    biggest city of that name (Reading, England rather than Reading, Pennsylvania)."""
    from scrapers.gazetteer import country_of, places_in, population

    if _is_country_name(text):
        # "Jordan" in free text is as likely a person as a town named after the country; a
        # city-state's or a capital's name is the city ("Luxembourg", "Kuwait").
        from scrapers.gazetteer import city_ids

        named = country_from_stated(text)
        in_countries = {country_of(c) for c in city_ids(text)}
        if named and named in in_countries:
            return named
        if not text.isascii() and len(in_countries) == 1:
            # "عمّان" is Amman (Oman's name without its vowel marks): no person's name there.
            return in_countries.pop()
        return COUNTRY_BY_CITY.get(fold(text))
    hints = frozenset({hint}) if hint else frozenset()
    cities = places_in(text, hints)
    countries = {c for city in cities if (c := country_of(city))}
    if len(countries) == 1:
        return countries.pop()
    if hint in countries:
        return hint
    if region:
        beside = {country for _, country in regions_named(region)} & countries
        if len(beside) == 1:
            return beside.pop()
    if tabled := COUNTRY_BY_CITY.get(fold(text)):
        return tabled
    # Only for a text that names the cities whole: a word of it ("Central" of "Central
    # Region") is no city to pick by size.
    from scrapers.gazetteer import city_ids

    if whole := city_ids(text, hints):
        return country_of(max(whole, key=lambda city: (population(city), -city)))
    return None


_REGION_PREFIX = re.compile(
    r"^(?:county|co\.|province of|province de|province d'|state of|region|regi[oó]n(?: de| del)?|"
    r"regione|provincia(?: de| di| del)?|mkoa wa|منطقة|المنطقة|محافظة|estado de|état de|"
    r"departamento(?: de)?|estado(?: de)?|land|kanton|canton(?: de| of)?)\s+",
    re.IGNORECASE,
)


# Words naming a kind of region: with compass words alone they name no one region.
_REGION_KINDS = frozenset({"region", "province", "district", "state", "area", "zone", "territory"})
_COMPASS = frozenset(
    {"central", "centre", "center", "centro", "north", "south", "east", "west", "northern"}
    | {"southern", "eastern", "western", "norte", "sur", "este", "oeste", "nord", "sud", "est"}
    | {"ouest"}
)


# A region's kind written after its name in scripts without spaces, and in Korean ("神奈川県",
# "广东省", "경기도", "서울특별시"): "神奈川" and "경기" are the same regions.
_REGION_SUFFIX = re.compile(
    "(?:特別行政区|特别行政区|自治区|特別市|特别市|특별시|특별자치시|특별자치도|광역시|[都道府県省市州縣도])$"
)


# A region's kind written after its name ("Zaragoza provincia", "Skåne län", "Kent County").
_REGION_KIND_AFTER = re.compile(
    r"\s+(?:provincia|province|prefecture|county|oblast|voivodeship|wojewodztwo|region|kraj|lan"
    r"|fylke|maakunta|megye|varmegye|judet|ili|department|departement|state|maakond|apskritis"
    r"|область|oblast|ክልል)$"
)


def region_kind(text: str) -> bool:
    """True for words naming a kind of region written after a region's name (" Voivodeship",
    " County", " provincia")."""
    return bool(_REGION_KIND_AFTER.fullmatch(" " + fold(text).strip())) if text.strip() else False


def _region_key(name: str) -> str:
    key = fold(_REGION_PREFIX.sub("", name.strip().rstrip(".")))
    if len(key) > 2 and not key.isascii():
        return _REGION_SUFFIX.sub("", key)
    return _REGION_KIND_AFTER.sub("", key)


@cache
def _regions() -> dict[str, frozenset[tuple[str, str]]]:
    """Every ISO 3166-2 subdivision by folded name, in ISO 3166-2's names and their translations
    shipped with pycountry in the languages places.toml lists, their other names
    (region_names.tsv) and the abbreviations places.toml lists ("N.L.", "경남"), and by
    "country-code" key: (code, country)."""
    found: dict[str, set[tuple[str, str]]] = {}
    by_name: dict[str, list[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        country, code = sub.code.split("-", 1)
        by_name.setdefault(sub.name, []).append((code, country))
        names = {sub.name, *(n.strip() for n in re.split(r"[\[\](),/;]", sub.name) if n.strip())}
        for name in names:
            found.setdefault(fold(name), set()).add((code, country))
            found.setdefault(_region_key(name), set()).add((code, country))
        found.setdefault(f"{country}-{code}".casefold(), set()).add((code, country))
    for locale in _PLACES["region_name_locales"]:
        catalog = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale])
        for name, codes in by_name.items():
            if (translated := catalog.gettext(name)) == name:
                continue
            for each in re.split(r"[\[\](),/;]", translated):
                if each.strip():
                    found.setdefault(fold(each), set()).update(codes)
                    found.setdefault(_region_key(each), set()).update(codes)
    # Other names ISO 3166-2's translations lack: English exonyms and local languages' names
    # ("Sicily", "Lower Saxony", "Αττική"), built from the iso3166-2 package
    # (tools/build_region_names.py).
    names = resources.files("scrapers").joinpath("data", "region_names.tsv").read_text("utf-8")
    for line in names.splitlines():
        if line and not line.startswith("#"):
            full, name = line.split("\t", 1)
            country, code = full.split("-", 1)
            found.setdefault(fold(name), set()).add((code, country))
            found.setdefault(_region_key(name), set()).add((code, country))
    for country, abbreviations in _PLACES["region_abbreviations"].items():
        for abbreviation, code in abbreviations.items():
            found.setdefault(_region_key(abbreviation), set()).add((code, country))
    return {key: frozenset(value) for key, value in found.items()}


def regions_named(text: str) -> frozenset[tuple[str, str]]:
    """Every ISO 3166-2 region (code, country) a name can be, in any country ("Córdoba" is a
    province of Spain and of Argentina)."""
    key = _region_key(text)
    return _regions().get(key, frozenset()) if len(key) > 3 or not key.isascii() else frozenset()


# ISO 3166-2 kinds that are towns: a single name of this kind is the town ("Domžale").
_TOWN_KINDS = frozenset(
    {"municipality", "urban municipality", "city", "commune", "city with county rights"}
)


def is_town_region(code: str, country: str) -> bool:
    """True when ISO 3166-2 lists the region as a municipality or a city (Slovenia's, North
    Macedonia's, Latvia's towns are regions of the standard)."""
    sub = pycountry.subdivisions.get(code=f"{country}-{code}")
    return sub is not None and (sub.type or "").casefold() in _TOWN_KINDS


def region_of(text: str, country: str | None = None) -> tuple[str, str] | None:
    """(code, country) of the ISO 3166-2 region ``text`` names ("Gauteng", "County Galway",
    "Waikato"; a code such as "ZG" only with its ``country``), the one in ``country`` where a
    name is shared; None when it names none, or several in other countries."""
    stripped = text.strip().rstrip(".")
    if country and (found := _regions().get(f"{country}-{stripped}".casefold())):
        return next(iter(found))
    if "/" in stripped:  # "Araba/Álava": one region by two names
        return next((f for part in stripped.split("/") if (f := region_of(part, country))), None)
    key = _region_key(stripped)
    if not country and set(key.split()) <= _COMPASS | _REGION_KINDS:
        return None  # "Central Region" is a region of Malawi, and of Singapore, and of Ghana
    # Three letters are a code, not a name; two signs of Chinese or Hangul are a name (경기).
    # A name of three letters only within the country given ("Zug").
    long_enough = len(key) > 3 or (len(key) >= 2 and not key.isascii())
    candidates = _regions().get(key, frozenset()) if long_enough or country else frozenset()
    if country:
        inside = frozenset(c for c in candidates if c[1] == country)
        candidates = inside or (candidates if long_enough else frozenset())
    countries = {c[1] for c in candidates}
    return min(candidates) if len(countries) == 1 else None


def _is_country_name(text: str) -> bool:
    if country_from_name(text):
        return True
    try:
        pycountry.countries.lookup(text.strip())
    except LookupError:
        return False
    return True


def country_from_stated(text: str) -> str | None:
    """ISO code of a value a field states to be a country (schema.org ``addressCountry``): an
    ISO 3166 alpha-2 or alpha-3 code in any case ("us", "CAN"), or a country name in any tabled
    language or in ISO 3166's English names. Unlike free text, "de" here can only be a code."""
    stated = text.strip().rstrip(".")
    if not stated:
        return None
    if len(stated) == 2 and stated.isalpha():
        code = CODE_ALIASES.get(stated.upper(), stated.upper())
        return code if code in ISO_CODES else None
    if len(stated) == 3 and stated.isalpha():
        found = pycountry.countries.get(alpha_3=stated.upper())
        if found is not None:
            return found.alpha_2
    named = country_from_name(stated)
    if named is not None:
        return named
    try:
        return pycountry.countries.lookup(stated).alpha_2
    except LookupError:
        return None
