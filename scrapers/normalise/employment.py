"""Employment type as a schema.org value (FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN,
VOLUNTEER, PER_DIEM, OTHER) or None.

Decisions:
- a value naming several types ("Full-time, Temporary", "Full-time Internship") takes the most
  specific one: INTERN > VOLUNTEER > PER_DIEM > TEMPORARY > CONTRACTOR > PART_TIME > FULL_TIME >
  OTHER. Working hours say less about the job than its contract does.
- French "intérim" and fixed-term contracts (CDD, befristet) are TEMPORARY; apprenticeships and
  work-study (alternance, Ausbildung) are INTERN, as schema.org has no apprentice value.
- German "Werkstudent" (a student employee on reduced hours) is PART_TIME.
- hours offered either way ("full-or-part-time", "Vollzeit oder Teilzeit") are unknown, unless a
  contract type decides: neither FULL_TIME nor PART_TIME would be a fact.
"""

from __future__ import annotations

import re

from scrapers.normalise.countries import fold
from scrapers.normalise.vocabulary import read_vocabulary

_PRECEDENCE = (
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "TEMPORARY",
    "CONTRACTOR",
    "PART_TIME",
    "FULL_TIME",
    "OTHER",
)

# Phrases per type (scrapers/data/employment.toml).
_PHRASES: dict[str, list[str]] = read_vocabulary("employment")
if unknown := set(_PHRASES) - set(_PRECEDENCE):
    raise ValueError(f"employment.toml: unknown employment types {sorted(unknown)}")

_JOINERS = re.compile(r"[\s_\-]+")
_EITHER_HOURS = re.compile(
    r"full[\s_-]*(?:time)?[\s_-]*(?:or|/|oder|ou|o|of)[\s_-]*part[\s_-]*time"
    r"|part[\s_-]*(?:time)?[\s_-]*(?:or|/|oder|ou|o|of)[\s_-]*full[\s_-]*time"
    r"|vollzeit[\s_/-]*(?:oder|/)[\s_/-]*teilzeit|teilzeit[\s_/-]*(?:oder|/)[\s_/-]*vollzeit"
    r"|temps plein[\s_/-]*(?:ou|/)[\s_/-]*(?:temps )?partiel"
)


def _phrase_pattern(phrase: str) -> str:
    return r"[\s_\-]*".join(re.escape(word) for word in phrase.split())


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        kind,
        re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(_phrase_pattern(fold(p)) for p in sorted(phrases, key=len, reverse=True))
            + r")(?![a-z0-9])"
        ),
    )
    for kind, phrases in _PHRASES.items()
)
_EXACT: dict[str, str] = {
    _JOINERS.sub("", fold(phrase)): kind for kind, phrases in _PHRASES.items() for phrase in phrases
}


def normalise_employment_type(raw: str | None) -> str | None:
    if not isinstance(raw, str):
        return None
    text = fold(raw)
    if not text:
        return None
    exact = _EXACT.get(_JOINERS.sub("", text))
    if exact is not None:
        return exact
    found = {kind for kind, pattern in _PATTERNS if pattern.search(text)}
    if _EITHER_HOURS.search(text) and not found - {"FULL_TIME", "PART_TIME"}:
        return None
    return next((kind for kind in _PRECEDENCE if kind in found), None)
