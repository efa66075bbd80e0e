"""Employment type as a schema.org value (FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN,
VOLUNTEER, PER_DIEM, OTHER) or None.

Decisions:
- a value naming several types ("Full-time, Temporary", "Full-time Internship") takes the most
  specific one: INTERN > VOLUNTEER > PER_DIEM > TEMPORARY > CONTRACTOR > PART_TIME > FULL_TIME >
  OTHER. Working hours say less about the job than its contract does.
- French "intérim" and fixed-term contracts (CDD, befristet) are TEMPORARY; apprenticeships and
  work-study (alternance, Ausbildung) are INTERN, as schema.org has no apprentice value.
- German "Werkstudent" (a student employee on reduced hours) is PART_TIME.
- hours offered either way ("full-or-part-time", "Vollzeit oder Teilzeit", "heltid/deltid") are
  unknown, unless a contract type decides: neither FULL_TIME nor PART_TIME would be a fact.
- a phrase inside a longer phrase of another type names only the longer one: "Permanent
  contract" is FULL_TIME (not the contractor's "contract"), "非常勤" PART_TIME (not "常勤").
- the phrases of every language (scrapers/data/employment.toml) are read in any text: a value
  in one language may quote another's ("Full-time / Teilzeit").
- a value that is only a workload in percent (Swiss boards: "Taux d'activité : 60 – 80 %",
  "Pensum 80-100%") is PART_TIME below 100 % at most, FULL_TIME at 100 %, and unknown when it
  spans both ("60 – 100%").
"""

from __future__ import annotations

import re

from scrapers.normalise.countries import fold as fold_text
from scrapers.normalise.vocabulary import read_vocabulary, unspaced


def fold(text: str) -> str:
    """The project's fold, with Turkish dotless ı as i: "Kasım" and "KASIM" meet."""
    return fold_text(text).replace("ı", "i")


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

# Phrases per type and language, and the words of hours offered either way
# (scrapers/data/employment.toml).
_VOCABULARY = read_vocabulary("employment")
_EITHER_WORDS: dict[str, dict[str, list[str]]] = _VOCABULARY.pop("either_hours")
if unknown := set(_VOCABULARY) - set(_PRECEDENCE):
    raise ValueError(f"employment.toml: unknown employment types {sorted(unknown)}")
# Phrases per type, every language together.
_PHRASES: dict[str, list[str]] = {
    kind: [phrase for phrases in by_language.values() for phrase in phrases]
    for kind, by_language in _VOCABULARY.items()
}

_JOINERS = re.compile(r"[\s_\-]+")
# Around a phrase of a spaced script: no letter or digit of a spaced script (folded Korean is
# Hangul jamo, U+1100-U+11FF, a script without word boundaries like Chinese or Thai).
_UNSPACED_RANGES = "\u0e00-\u0e7f\u1100-\u11ff\u2e80-\U0010ffff"
_BEFORE = rf"(?<![^\W_{_UNSPACED_RANGES}])"
_AFTER = rf"(?![^\W_{_UNSPACED_RANGES}])"


def _phrase_pattern(phrase: str) -> str:
    return r"[\s_\-]*".join(re.escape(word) for word in fold(phrase).split())


def _alternation(phrases: list[str]) -> str:
    """Any of the phrases, the longest first: whole words ("cdi", not in "cdiscount"), but
    anywhere in a script without spaces ("正社員募集") and next to anything for a sign ("/")."""
    groups: dict[tuple[str, str], list[str]] = {}
    for phrase in {fold(p): p for p in phrases}.values():
        folded = fold(phrase)
        spaced = not unspaced(phrase)
        edges = (
            _BEFORE if spaced and folded[0].isalnum() else "",
            _AFTER if spaced and folded[-1].isalnum() else "",
        )
        groups.setdefault(edges, []).append(phrase)
    return "|".join(
        before
        + "(?:"
        + "|".join(_phrase_pattern(p) for p in sorted(group, key=lambda p: -len(fold(p))))
        + ")"
        + after
        for (before, after), group in groups.items()
    )


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(_alternation(phrases))) for kind, phrases in _PHRASES.items()
)


def _exact() -> dict[str, str]:
    """The type per phrase written glued, refusing a phrase of two types ("volontariat")."""
    exact: dict[str, str] = {}
    for kind, phrases in _PHRASES.items():
        for phrase in phrases:
            key = _JOINERS.sub("", fold(phrase))
            if exact.setdefault(key, kind) != kind:
                raise ValueError(f"employment.toml: {phrase!r} is both {exact[key]} and {kind}")
    return exact


_EXACT: dict[str, str] = _exact()


def _either_hours() -> re.Pattern[str]:
    words = {
        role: [w for by_role in _EITHER_WORDS.values() for w in by_role[role]]
        for role in ("full", "part", "or")
    }
    full, part, either = (f"(?:{_alternation(words[r])})" for r in ("full", "part", "or"))
    join = r"[\s_\-]*"
    return re.compile(f"{full}{join}{either}{join}{part}|{part}{join}{either}{join}{full}")


# Hours offered either way ("full-or-part-time", "Vollzeit oder Teilzeit", "heltid/deltid").
_EITHER_HOURS = _either_hours()


def _types_named(text: str) -> set[str]:
    """The types whose phrases the folded text names, but for a phrase inside a longer phrase of
    another type ("contract" in "permanent contract", "常勤" in "非常勤")."""
    spans = [(m.start(), m.end(), kind) for kind, p in _PATTERNS for m in p.finditer(text)]
    return {
        kind
        for start, end, kind in spans
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
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
    found = _types_named(text)
    if _EITHER_HOURS.search(text) and not found - {"FULL_TIME", "PART_TIME"}:
        return None
    if not found and (workload := _WORKLOAD.search(text)):
        # A workload in percent, as Swiss boards state it ("Taux d'activité : 60 – 80 %",
        # "Pensum 100%"): the most it may be says full or part time.
        least, most = int(workload["low"]), int(workload["high"] or workload["low"])
        if least < 100 <= most:
            return None  # "Pensum 60 – 100%": part or full time, as the candidate chooses
        return "FULL_TIME" if most >= 100 else "PART_TIME" if most > 0 else None
    return next((kind for kind in _PRECEDENCE if kind in found), None)


# "60 – 80 %", "80-100%", "100 %": a workload, the whole value's only number.
_WORKLOAD = re.compile(r"^\D*?(?P<low>\d{1,3})\s*%?\s*(?:[-–—]\s*(?P<high>\d{1,3}))?\s*%\D*$")
