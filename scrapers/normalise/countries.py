"""Shared lookup data for the normalisers: countries, US states, Canadian provinces, major cities.

The tables live in scrapers/data/places.toml, so adding a name is adding a string; they are read
once at import into dicts keyed by `fold()`ed names, so lookups ignore case, accents and spacing.
"""

from __future__ import annotations

import re
import unicodedata

import pycountry

from scrapers.normalise.vocabulary import read_vocabulary

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Países Bajos" and "paises  bajos" must meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


_PLACES = read_vocabulary("places")

ISO_CODES: frozenset[str] = frozenset(_PLACES["iso_codes"])
# Codes people write that are not the ISO code of the country they mean.
CODE_ALIASES: dict[str, str] = _PLACES["code_aliases"]


def _by_name(table: dict[str, list[str]]) -> dict[str, str]:
    """Code per folded name, from a table of names per code."""
    return {fold(name): code for code, names in table.items() for name in names}


COUNTRY_BY_NAME: dict[str, str] = _by_name(_PLACES["countries"])
US_STATE_BY_NAME: dict[str, str] = _by_name(_PLACES["us_states"])
CA_PROVINCE_BY_NAME: dict[str, str] = _by_name(_PLACES["ca_provinces"])
US_STATE_CODES: frozenset[str] = frozenset(US_STATE_BY_NAME.values())
CA_PROVINCE_CODES: frozenset[str] = frozenset(CA_PROVINCE_BY_NAME.values())
COUNTRY_BY_CITY: dict[str, str] = _by_name(_PLACES["cities"])


def country_from_name(text: str) -> str | None:
    """ISO code for a country name in any of the tabled languages ("Allemagne" -> "DE")."""
    return COUNTRY_BY_NAME.get(fold(text))


def country_from_iso_name(text: str) -> str | None:
    """ISO code for any country's ISO 3166 name ("Panama", "Bolivia, Plurinational State of"),
    for a field that states a country: the table above names only the countries postings
    usually write, and free text must not read "Jordan" or "Chad" as one."""
    name = text.strip()
    if len(name) <= 3:  # a code, not a name
        return None
    try:
        found = pycountry.countries.lookup(name)
    except LookupError:
        return None
    return str(found.alpha_2)


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


def country_from_city(text: str) -> str | None:
    return COUNTRY_BY_CITY.get(fold(text))
