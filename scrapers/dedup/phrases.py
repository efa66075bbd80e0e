"""The phrase lists of scrapers/data/dedup.toml, read once (no Scrapy import)."""

from __future__ import annotations

import re

from scrapers.normalise.vocabulary import alternatives as _words
from scrapers.normalise.vocabulary import read_vocabulary

_PHRASES = read_vocabulary("dedup")

# Legal forms and group words in a folded company name, each a whole word.
LEGAL_FORMS = re.compile(rf"\b({_words(_PHRASES['company']['legal_forms'])})\b")
# Folded title word -> the seniority level it names.
SENIORITY: dict[str, str] = dict(_PHRASES["title"]["seniority"])
LEVELS = frozenset(SENIORITY.values())
TITLE_NOISE = frozenset(_PHRASES["title"]["noise"])
# A work mode opening a folded raw location, with the spaces after it.
WORK_MODE = re.compile(rf"^({_words(_PHRASES['location']['work_modes'])})\s*")
DEPARTMENT_NOISE = frozenset(_PHRASES["department"]["noise"])
# Folded department word in a posting's language -> the English word it names.
DEPARTMENT_SYNONYMS: dict[str, str] = dict(_PHRASES["department"]["synonyms"])
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
