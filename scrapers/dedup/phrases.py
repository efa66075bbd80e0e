"""The phrase lists of scrapers/data/dedup.toml, read once (no Scrapy import)."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any


def _load() -> dict[str, Any]:
    raw = resources.files("scrapers").joinpath("data", "dedup.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _words(phrases: list[str]) -> str:
    # Longest first: "s a s" is one legal form, not "s a" and a stray "s".
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))


_PHRASES = _load()

# Legal forms and group words in a folded company name, each a whole word.
LEGAL_FORMS = re.compile(rf"\b({_words(_PHRASES['company']['legal_forms'])})\b")
# Folded title word -> the seniority level it names.
SENIORITY: dict[str, str] = dict(_PHRASES["title"]["seniority"])
LEVELS = frozenset(SENIORITY.values())
TITLE_NOISE = frozenset(_PHRASES["title"]["noise"])
# A work mode opening a folded raw location, with the spaces after it.
WORK_MODE = re.compile(rf"^({_words(_PHRASES['location']['work_modes'])})\s*")
DEPARTMENT_NOISE = frozenset(_PHRASES["department"]["noise"])
# Raw-title patterns of gender markers and inclusive endings, removed before reading its words.
GENDER_MARKERS = re.compile("|".join(_PHRASES["title"]["gender_markers"]), re.IGNORECASE)
# Folded title word written short -> the word(s) it stands for.
TITLE_SYNONYMS: dict[str, str] = dict(_PHRASES["title"]["synonyms"])
# Folded company word written short -> the word it stands for.
COMPANY_ABBREVIATIONS: dict[str, str] = dict(_PHRASES["company"]["abbreviations"])
# Labels of a posting's own reference number (regular expressions).
REFERENCE_LABELS = "|".join(_PHRASES["evidence"]["reference_labels"])
# Contract-term phrases (folded), each a whole phrase: permanent or fixed-term.
CONTRACT_TERMS: dict[str, re.Pattern[str]] = {
    term: re.compile(rf"(?<!\w)({_words(_PHRASES['contract'][term])})(?!\w)")
    for term in ("permanent", "fixed")
}
