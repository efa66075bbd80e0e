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
    return "|".join(re.escape(phrase) for phrase in phrases)


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
