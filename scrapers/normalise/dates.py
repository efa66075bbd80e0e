"""Posting dates as "YYYY-MM-DD", relative ages resolved against the crawl time.

Decisions:
- an ISO timestamp keeps its own calendar date ("2026-11-03T23:30:00-05:00" -> 2026-11-03): it is
  the date the source showed, converting it to UTC would move it.
- ages subtract from the crawl instant in UTC, so "5h" at 03:00Z is the previous day; months are
  30 days and years 365; an open bound ("30+ days") resolves to the bound.
- "Nm" is minutes, "Nmo" months (LinkedIn / Indeed style).
- numeric dates are day-first with "." separators, in a day-first locale (`language`, a BCP 47
  tag: "fr", "en-GB"; the table is `[numeric_order]` in scrapers/data/dates.toml) or context (the
  text's own words: "Publiée le 03/11/2026"), and when the first number is above 12; month-first
  in a month-first locale ("en-US") or when the second number is above 12. Otherwise (e.g.
  "03/11/2026" alone, or "en" without a region) the order is unknown and the result is None.
- machine formats: ISO 8601 (extended and basic, "20231018T140500Z"), RFC 2822 ("Wed, 18 Oct 2023
  14:05:00 +0000"), Java's ``Date.toString()`` ("Wed Oct 18 00:00:00 UTC 2023": the time and zone
  sit between the day and the year), epoch seconds and milliseconds (text or number). Each keeps
  the calendar date it shows.
- this is the one date reader of the project: extractors that read a date call it too, so every
  source's dates follow the same rules (benchmarks/bench_dates.py compares it with dateparser and
  dateutil on tests/fixtures/dates/machine_dates.toml).
- a date without a year ("Nov 12"), a future age ("in 3 days") or an unknown word gives None.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from scrapers.normalise.countries import fold
from scrapers.normalise.vocabulary import read_vocabulary

# Months, age units, number words, words of days ago and the words around dates, per language
# (scrapers/data/dates.toml).
_VOCABULARY = read_vocabulary("dates")
_WORDS: dict[str, list[str]] = _VOCABULARY["words"]
_DAY_FIRST_LOCALES = frozenset(_VOCABULARY["numeric_order"]["day_first"])
_MONTH_FIRST_LOCALES = frozenset(_VOCABULARY["numeric_order"]["month_first"])

# --- absolute dates ---------------------------------------------------------------------------

_EPOCH = re.compile(r"^\s*(\d{10}|\d{13})(?:\.\d+)?\s*$")
# ISO 8601 basic format, with or without a time ("20231018", "20231018T140500Z").
_COMPACT = re.compile(
    r"^\s*(\d{4})(\d{2})(\d{2})(?:T\d{2}(?:\d{2}){0,2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$"
)
_YEAR_FIRST = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_JAPANESE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A clock time ("10:00 AM", "14:05:00"): its "am" is no German "am" before a date.
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?(?![a-z]))?")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)")
# Words that put a date in a day-first language ("Publiée le 03/11/2026").
_DAY_FIRST_WORDS = re.compile(r"\b(?:" + "|".join(_WORDS["day_first"]) + r")\b")

_MONTH_NAMES: dict[int, list[str]] = {int(n): names for n, names in _VOCABULARY["months"].items()}
_MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th|o|°)?\.?\s*(?:de\s+|-)?(?<![a-z]){_MONTH}(?![a-z])\.?"
    r"(?:\s*,?\s*(?:de\s+)?|-)(\d{4})(?!\d)"
)
# Java's Date.toString(): "wed oct 18 00:00:00 utc 2023" (folded), the zone optional or with an
# offset ("gmt+01:00").
_MONTH_DAY_TIME_YEAR = re.compile(
    rf"(?<![a-z]){_MONTH}(?![a-z])\.?\s+(\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"(?:\s+[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s+(\d{4})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![a-z]){_MONTH}(?![a-z])\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"
)

# --- relative ages ----------------------------------------------------------------------------

_UNIT_LENGTHS = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "month": timedelta(days=30),
    "year": timedelta(days=365),
}
_UNITS: dict[str, timedelta] = {
    name: _UNIT_LENGTHS[unit] for unit, names in _VOCABULARY["units"].items() for name in names
}
_NUMBER_WORDS: dict[str, int] = {
    word: int(value) for value, words in _VOCABULARY["numbers"].items() for word in words
}
_AGO_WORDS = (*_WORDS["ago_before"], *_WORDS["ago_after"])

_AGE = re.compile(
    r"(?<![\w.])(\d+|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s*(\+)?\s*("
    + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    + r")(?![a-z])"
)
# "in 3 days", "dans 3 jours", "over 3 dagen": a future date is not a posting age.
_FUTURE = re.compile(r"(?:^|\s)(?:" + "|".join(_WORDS["future"]) + r")\s*$")
# Japanese ages end in 前, glued to the unit (no word boundary before it).
_PAST = re.compile(r"\b(?:" + "|".join(dict.fromkeys(map(fold, _AGO_WORDS))) + r")\b|前")

# Checked in the data's order: "avant-hier" before "hier".
_DAYS_AGO_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (int(days), re.compile(r"(?<![a-z])(?:" + "|".join(words) + r")(?![a-z])"))
    for days, words in _VOCABULARY["days_ago"].items()
)


def resolve_date(
    raw: str | int | float | None, crawled_at: str, *, language: str | None = None
) -> str | None:
    """`raw` as "YYYY-MM-DD"; `language` (e.g. "fr", "en-US") only orders numeric dates."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return _from_epoch(float(raw))
    if not isinstance(raw, str) or not raw.strip():
        return None
    found = _absolute(raw, language)
    if found is not None:
        return found.isoformat()
    crawled = _parse_crawled_at(crawled_at)
    if crawled is None:
        return None
    age = _age(fold(raw))
    if age is None:
        return None
    try:
        return (crawled - age).date().isoformat()
    except OverflowError:
        return None


def _absolute(raw: str, language: str | None) -> date | None:
    if match := _EPOCH.match(raw):
        return _epoch_date(float(match[1]))
    if match := _COMPACT.match(raw):
        return _date(match[1], match[2], match[3])
    if match := _YEAR_FIRST.search(raw):
        return _date(match[1], match[3], match[4])
    if match := _JAPANESE.search(raw):
        return _date(match[1], match[2], match[3])
    text = fold(raw)
    if match := _DAY_MONTH_YEAR.search(text):
        return _date(match[3], _MONTHS[match[2]], match[1])
    if match := _MONTH_DAY_TIME_YEAR.search(text):
        return _date(match[3], _MONTHS[match[1]], match[2])
    if match := _MONTH_DAY_YEAR.search(text):
        return _date(match[3], _MONTHS[match[1]], match[2])
    if match := _NUMERIC.search(text):
        return _numeric(match, text, language)
    return None


def _numeric(match: re.Match[str], text: str, language: str | None) -> date | None:
    first, separator, second, year = int(match[1]), match[2], int(match[3]), match[4]
    order = numeric_order(language)
    if first == second:
        return _date(year, first, second)
    if (
        separator == "."
        or first > 12
        or order == "day_first"
        or (order is None and _DAY_FIRST_WORDS.search(_TIME.sub(" ", text)))
    ):
        return _date(year, second, first)
    if second > 12 or order == "month_first":
        return _date(year, first, second)
    return None


def numeric_order(language: str | None) -> str | None:
    """ "day_first", "month_first" or None (unknown) for a locale ("en-GB", "en_US", "fr")."""
    tag = (language or "").strip().lower().replace("_", "-")
    if not tag:
        return None
    parts = tag.split("-")
    # "zh-hant-tw": the whole tag, then language-region, then the language.
    for key in (tag, f"{parts[0]}-{parts[-1]}", parts[0]):
        if key in _MONTH_FIRST_LOCALES:
            return "month_first"
        if key in _DAY_FIRST_LOCALES:
            return "day_first"
    return None


# An age written inside other text ("Posted 3 days ago", "vor 2 Tagen", "2d" on a listing card),
# from the same vocabulary as _age: such a phrase changes every night while the posting does not.
# The vocabulary is folded (no accents), the text is not: vowels match their accented forms.
_ACCENTED = {"a": "aáàâäã", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõ", "u": "uúùûü", "n": "nñ"}


def _unfolded(word: str) -> str:
    return "".join(f"[{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in word)


_AGE_PHRASE = re.compile(
    r"(?:(?<![a-z])(?:" + "|".join(_WORDS["posted"]) + r")\s+)?"
    r"(?:(?<![a-z])(?:" + "|".join(_WORDS["ago_before"]) + r")\s+)?"
    r"(?:(?P<days>" + "|".join(p.pattern for _, p in _DAYS_AGO_WORDS) + r")"
    r"|(?<![\w.])(?P<count>\d+|"
    + "|".join(_unfolded(w) for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s*\+?\s*(?P<unit>"
    + "|".join(_unfolded(u) for u in sorted(_UNITS, key=len, reverse=True))
    + r")(?:(?!\w)|(?=前)))"
    + r"(?:\s*(?:"
    + "|".join(_WORDS["ago_after"])
    + r")(?!\w)|前)?",
    re.IGNORECASE,
)


def without_relative_ages(text: str) -> str:
    """``text`` with every posting age in it taken out, spaces collapsed."""

    def drop(match: re.Match[str]) -> str:
        count, unit = match["count"], match["unit"]
        # As in _age: a one-letter unit only abbreviates after digits ("2d"), not "a m".
        if count and len(unit) == 1 and unit.isascii() and not count.isdigit():
            return match[0]
        return " "

    return " ".join(_AGE_PHRASE.sub(drop, text).split())


def _age(text: str) -> timedelta | None:
    for days, pattern in _DAYS_AGO_WORDS:
        if pattern.search(text):
            return timedelta(days=days)
    for match in _AGE.finditer(text):
        count, unit = match[1], match[3]
        # One-letter units only abbreviate after digits ("2d"); "a m" in "9 am" is no age.
        if len(unit) == 1 and unit.isascii() and not count.isdigit():
            continue
        # Japanese ages end in 前 ("3日前"); without it "3日" is a day of the month.
        if not unit.isascii() and not text[match.end() :].lstrip().startswith("前"):
            continue
        if _FUTURE.search(text[: match.start()]) and not _PAST.search(text):
            return None
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        return _UNITS[unit] * number
    return None


def _parse_crawled_at(crawled_at: str) -> datetime | None:
    if not isinstance(crawled_at, str):
        return None
    try:
        parsed = datetime.fromisoformat(crawled_at.strip())
    except ValueError:
        return None
    # A naive crawl time is UTC by the item contract.
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _from_epoch(value: float) -> str | None:
    found = _epoch_date(value)
    return found.isoformat() if found is not None else None


def _epoch_date(value: float) -> date | None:
    # 13 digits are milliseconds (Lever `createdAt`), 10 digits seconds; anything else is not
    # an epoch we can tell apart from an ordinary number.
    if 1e12 <= value < 1e13:
        value /= 1000
    elif not 1e9 <= value < 1e10:
        return None
    return datetime.fromtimestamp(value, tz=UTC).date()


def _date(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
