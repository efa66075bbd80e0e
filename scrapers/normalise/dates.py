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
- a two-digit year is first in a year-first locale ("ko", "ja", "zh") or in Chinese, Japanese or
  Korean text ("등록일 26/11/18" is 2026-11-18), last where the order is known ("18.11.26"), and
  unknown otherwise. A Thai Buddhist Era year ("18 พ.ย. 2569") is the Gregorian year 543 earlier.
- machine formats: ISO 8601 (extended and basic, "20231018T140500Z"), RFC 2822 ("Wed, 18 Oct 2023
  14:05:00 +0000"), Java's ``Date.toString()`` ("Wed Oct 18 00:00:00 UTC 2023": the time and zone
  sit between the day and the year), epoch seconds and milliseconds (text or number). Each keeps
  the calendar date it shows.
- this is the one date reader of the project: extractors that read a date call it too, so every
  source's dates follow the same rules (benchmarks/bench_dates.py compares it with dateparser and
  dateutil on tests/fixtures/dates/machine_dates.toml).
- a date without a year ("Posted 18 November", "Přidáno 18. listopadu", "11-20发布") is the most
  recent such day on or before the crawl day (UTC), when a posting word says it is a posting date
  or the caller does (``past=True``). Alone ("Nov 12", "11月3日") it may be a closing date, which
  the same reader gets (``valid_through``), so it gives None, as a future age ("in 3 days") or an
  unknown word does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from scrapers.normalise.countries import fold as fold_text
from scrapers.normalise.vocabulary import read_vocabulary, unspaced


def fold(text: str) -> str:
    """The project's fold, with Turkish dotless ı as i: "Kasım" and "KASIM" meet."""
    return fold_text(text).replace("ı", "i")


# Months, age units, number words, words of days ago and the words around dates, per language
# (scrapers/data/dates.toml).
_VOCABULARY = read_vocabulary("dates")
_DAY_FIRST_LOCALES = frozenset(_VOCABULARY["numeric_order"]["day_first"])
_MONTH_FIRST_LOCALES = frozenset(_VOCABULARY["numeric_order"]["month_first"])
_YEAR_FIRST_LOCALES = frozenset(_VOCABULARY["numeric_order"]["year_first"])
_YEAR_FIRST_SCRIPT = re.compile(
    "[" + "".join(_VOCABULARY["numeric_order"]["year_first_scripts"]) + "]"
)
_BUDDHIST_ERA_AFTER = _VOCABULARY["buddhist_era"]["after"]
_BUDDHIST_ERA_OFFSET = _VOCABULARY["buddhist_era"]["offset"]


def _merged(field: str) -> dict[str, list[str]]:
    """A table of `[field.<language>]` tables as one list per key, every language together."""
    merged: dict[str, list[str]] = {}
    for by_key in _VOCABULARY[field].values():
        for key, words in by_key.items():
            merged.setdefault(key, []).extend(words)
    return merged


def _key(word: str) -> str:
    """A word or a match of it, folded, as the tables hold it: one space, one apostrophe."""
    return " ".join(fold(word).replace("’", "'").replace("ʼ", "'").split())


def _by_word(field: str) -> dict[str, str]:
    """The key per folded word of a `[field.<language>]` table; a word may have one key only."""
    keys: dict[str, str] = {}
    for key, words in _merged(field).items():
        for word in words:
            if keys.setdefault(_key(word), key) != key:
                raise ValueError(f"dates.toml: [{field}] {word!r} is {keys[_key(word)]} and {key}")
    return keys


_WORDS = _merged("words")

# --- how a word is found in folded text -------------------------------------------------------

# Scripts written without spaces between words (Thai, folded Korean, which is Hangul jamo,
# Chinese, Japanese): a word in them has no word boundary, and a count may follow one directly.
_UNSPACED = "\u0e00-\u0e7f\u1100-\u11ff\u2e80-\U0010ffff"
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_NOT_BEFORE_LETTER = r"(?![^\W\d_])"


def _literal(word: str) -> str:
    """A folded word as a regex: a space is any spaces, an apostrophe any apostrophe."""
    return "".join(
        r"\s+" if c == " " else "['’ʼ]" if c in "'’ʼ" else re.escape(c) for c in fold(word)
    )


def _any_of(words: Iterable[str]) -> str:
    """The words as one regex, the longest first: whole words (no letter either side), but
    anywhere in an unspaced script ("3日前"); a word ending in a digit is not followed by one
    ("tháng 1" is not the start of "tháng 11")."""
    groups: dict[tuple[str, str], list[str]] = {}
    for word in {fold(w): w for w in words}.values():
        folded = fold(word)
        if unspaced(word):
            edges = ("", "")
        else:
            before = _NOT_AFTER_LETTER if folded[0].isalpha() else ""
            after = {True: _NOT_BEFORE_LETTER, False: r"(?!\d)" if folded[-1].isdigit() else ""}
            edges = (before, after[folded[-1].isalpha()])
        groups.setdefault(edges, []).append(word)
    if not groups:
        return "(?!)"
    alternatives = [
        before
        + "(?:"
        + "|".join(_literal(w) for w in sorted(ws, key=lambda w: -len(fold(w))))
        + ")"
        + after
        for (before, after), ws in sorted(groups.items(), key=lambda g: -max(map(len, g[1])))
    ]
    return "(?:" + "|".join(alternatives) + ")"


# --- absolute dates ---------------------------------------------------------------------------

_EPOCH = re.compile(r"^\s*(\d{10}|\d{13})(?:\.\d+)?\s*$")
# ISO 8601 basic format, with or without a time ("20231018", "20231018T140500Z").
_COMPACT = re.compile(
    r"^\s*(\d{4})(\d{2})(\d{2})(?:T\d{2}(?:\d{2}){0,2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$"
)
# "2026-11-03", "2026/11/03", "2026.11.03", "2026. 11. 3." (Korean, Hungarian).
_YEAR_FIRST = re.compile(r"(?<!\d)(\d{4})([-/.])\s?(\d{1,2})\2\s?(\d{1,2})(?!\d)")
# A clock time ("10:00 AM", "14:05:00"): its "am" is no German "am" before a date.
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?(?![a-z]))?")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})(\.\s|[./-])(\d{1,2})\2(\d{4})(?!\d)")
# Three numbers with a two-digit year, first or last ("26/11/18", "18.11.26").
_NUMERIC_SHORT = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?![\d/-]|\.\d)")
# Two numbers, a day and a month without a year ("18.11.", "11-20发布"); not a clock time.
_NUMERIC_DAY_MONTH = re.compile(r"(?<![\d./:-])(\d{1,2})([./-])(\d{1,2})\.?(?![\d:]|[./-]\d)")
# Words that put a date in a day-first language ("Publiée le 03/11/2026").
_DAY_FIRST_WORDS = re.compile(_any_of(_WORDS["day_first"]))

_MONTHS: dict[str, int] = {word: int(n) for word, n in _by_word("months").items()}
_MONTH = "(" + _any_of(word for words in _merged("months").values() for word in words) + ")"
# Words between a day, a month and a year: "12 de noviembre de 2026", "18 tháng 11 năm 2026".
_JOINERS = _any_of(_WORDS["joiners"])
_DAY = r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th|o|°)?\.?"
_DAY_MONTH = rf"{_DAY}\s*(?:{_JOINERS}\s+|-)?{_MONTH}\.?"
_DAY_MONTH_YEAR = re.compile(rf"{_DAY_MONTH}(?:\s*,?\s*(?:{_JOINERS}\s+)?|-)(\d{{4}})(?!\d)")
# Java's Date.toString(): "wed oct 18 00:00:00 utc 2023" (folded), the zone optional or with an
# offset ("gmt+01:00").
_MONTH_DAY_TIME_YEAR = re.compile(
    rf"{_MONTH}\.?\s+(\d{{1,2}})\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"(?:\s+[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s+(\d{4})(?!\d)"
)
_MONTH_DAY = rf"{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH_DAY},?\s+(\d{{4}})(?!\d)")
# Hungarian "2026. november 18.".
_YEAR_MONTH_DAY = re.compile(rf"(?<!\d)(\d{{4}})\.?\s*{_MONTH}\.?\s*(\d{{1,2}})(?!\d)")
# Without a year: "18. listopadu", "Nov 18".
_DAY_MONTH_ALONE = re.compile(_DAY_MONTH)
_MONTH_DAY_ALONE = re.compile(rf"{_MONTH_DAY}(?!\d)")


def _markers(kind: str) -> str:
    return "(?:" + "|".join(map(re.escape, _merged("date_markers")[kind])) + ")"


# Chinese, Japanese and Korean: "2026年11月3日", "2026년 11월 18일", "11月18日发布" (as written).
_MARKED_DATE = re.compile(
    rf"(\d{{4}})\s*{_markers('year')}\s*(\d{{1,2}})\s*{_markers('month')}\s*(\d{{1,2}})\s*"
    + _markers("day")
)
_MARKED_MONTH_DAY = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*{_markers('month')}\s*(\d{{1,2}})\s*{_markers('day')}"
)

# A posting word ("Posted", "Přidáno", "发布"): a date without a year after it is past.
_POSTED = re.compile(_any_of(_WORDS["posted"]))

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
_UNIT_WORDS = [word for words in _merged("units").values() for word in words]
_UNITS: dict[str, timedelta] = {word: _UNIT_LENGTHS[u] for word, u in _by_word("units").items()}
# Units of unspaced scripts: "3日" alone is a day of the month, "3日前" an age.
_UNSPACED_UNITS = frozenset(fold(w) for w in _UNIT_WORDS if unspaced(w))
_NUMBER_WORDS: dict[str, int] = {word: int(n) for word, n in _by_word("numbers").items()}
_NUMBER_LIST = [word for words in _merged("numbers").values() for word in words]

# A count: digits, or a number word; one of a spaced script needs a space before its unit.
_COUNT = (
    rf"(?:(?<![\w.])|(?<=[{_UNSPACED}]))(?P<count>\d+"
    + f"|{_any_of(w for w in _NUMBER_LIST if not unspaced(w))}(?=\\s)"
    + f"|{_any_of(w for w in _NUMBER_LIST if unspaced(w))})"
)
_UNIT = "(?P<unit>" + _any_of(_UNIT_WORDS) + ")"
_AGE = re.compile(_COUNT + r"\s*(\+)?\s*" + _UNIT)

_AGO_BEFORE = _any_of(_WORDS["ago_before"])
_AGO_AFTER = _any_of(_WORDS["ago_after"])
# "in 3 days", "dans 3 jours", "over 3 dagen"; "3 gün sonra": a future date is not a posting age.
_FUTURE = re.compile(r"(?:^|\s)" + _any_of(_WORDS["future"]) + r"\s*$")
_FUTURE_AFTER = re.compile(r"\s*" + _any_of(_WORDS["future_after"]))
_PAST = re.compile(_any_of(_WORDS["ago_before"] + _WORDS["ago_after"]))
_AGO_NEXT = re.compile(r"\s*" + _AGO_AFTER)


def _counted_ages() -> tuple[re.Pattern[str], dict[str, timedelta]]:
    """Words that are a count and a unit ("يومين", "sebulan", "неделю"), each next to an ago word
    of its own language ("منذ يومين", "sebulan yang lalu", "неделю назад"; not the Danish hour
    "time" in "a long time ago")."""
    lengths: dict[str, timedelta] = {}
    alternatives: list[str] = []
    for language, by_count in _VOCABULARY["counted_units"].items():
        counted = []
        for count, by_unit in by_count.items():
            for unit, unit_words in by_unit.items():
                for word in unit_words:
                    length = _UNIT_LENGTHS[unit] * int(count)
                    if lengths.setdefault(_key(word), length) != length:
                        raise ValueError(f"dates.toml: [counted_units] {word!r} has two lengths")
                    counted.append(word)
        words = _VOCABULARY["words"].get(language, {})
        if words.get("ago_before"):
            group = f"(?P<c{len(alternatives)}>{_any_of(counted)})"
            alternatives.append(_any_of(words["ago_before"]) + r"\s+" + group)
        if words.get("ago_after"):
            group = f"(?P<c{len(alternatives)}>{_any_of(counted)})"
            alternatives.append(group + r"\s*" + _any_of(words["ago_after"]))
    return re.compile("|".join(alternatives) or "(?!)"), lengths


_COUNTED, _COUNTED_LENGTHS = _counted_ages()

# Words of days ago, the most days first: "avant-hier" before "hier", "一昨日" before "昨日".
_DAYS_AGO_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (int(days), re.compile(_any_of(words)))
    for days, words in sorted(_merged("days_ago").items(), key=lambda item: -int(item[0]))
)


def resolve_date(
    raw: str | int | float | None,
    crawled_at: str,
    *,
    language: str | None = None,
    past: bool = False,
) -> str | None:
    """`raw` as "YYYY-MM-DD"; `language` (e.g. "fr", "en-US") orders numeric dates; `past` says
    the date is a posting date (on or before the crawl), so a date without a year needs no
    posting word to be read."""
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
    text = fold(raw)
    age = _age(text)
    if age is not None:
        try:
            return (crawled - age).date().isoformat()
        except OverflowError:
            return None
    if past or _POSTED.search(text):
        found = _without_year(raw, text, language, crawled.date())
        return found.isoformat() if found is not None else None
    return None


def _absolute(raw: str, language: str | None) -> date | None:
    if match := _EPOCH.match(raw):
        return _epoch_date(float(match[1]))
    if match := _COMPACT.match(raw):
        return _date(match[1], match[2], match[3])
    if match := _YEAR_FIRST.search(raw):
        return _date(match[1], match[3], match[4])
    if match := _MARKED_DATE.search(raw):
        return _date(match[1], match[2], match[3])
    text = fold(raw)
    if match := _DAY_MONTH_YEAR.search(text):
        return _date(match[3], _month(match[2]), match[1])
    if match := _MONTH_DAY_TIME_YEAR.search(text):
        return _date(match[3], _month(match[1]), match[2])
    if match := _MONTH_DAY_YEAR.search(text):
        return _date(match[3], _month(match[1]), match[2])
    if match := _YEAR_MONTH_DAY.search(text):
        return _date(match[1], _month(match[2]), match[3])
    if match := _NUMERIC.search(text):
        return _numeric(match, text, language)
    if match := _NUMERIC_SHORT.search(text):
        return _numeric_short(match, raw, text, language)
    return None


def _month(name: str) -> int:
    return _MONTHS[_key(name)]


def _numeric(match: re.Match[str], text: str, language: str | None) -> date | None:
    first, separator, second, year = int(match[1]), match[2], int(match[3]), match[4]
    order = numeric_order(language)
    if first == second:
        return _date(year, first, second)
    if (
        separator == "."
        or first > 12
        or order == "day_first"
        or (order is None and _day_first_words(text))
    ):
        return _date(year, second, first)
    if second > 12 or order == "month_first":
        return _date(year, first, second)
    return None


def _numeric_short(match: re.Match[str], raw: str, text: str, language: str | None) -> date | None:
    """Three numbers, a two-digit year first or last: only where the order is known."""
    first, separator, second, third = match[1], match[2], match[3], match[4]
    if _year_first(raw, language):
        return _date(2000 + int(first), second, third)
    order = numeric_order(language)
    if order == "month_first":
        return _date(2000 + int(third), first, second)
    if separator == "." or order == "day_first" or (order is None and _day_first_words(text)):
        return _date(2000 + int(third), second, first)
    return None


def _day_first_words(text: str) -> bool:
    return _DAY_FIRST_WORDS.search(_TIME.sub(" ", text)) is not None


def _year_first(raw: str, language: str | None) -> bool:
    tag = (language or "").strip().lower().replace("_", "-")
    return tag.split("-")[0] in _YEAR_FIRST_LOCALES or _YEAR_FIRST_SCRIPT.search(raw) is not None


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


def _without_year(raw: str, text: str, language: str | None, today: date) -> date | None:
    """A day and month without a year ("18. listopadu", "Nov 18", "11月18日", "11-20") as the
    most recent such day on or before `today`."""
    if match := _DAY_MONTH_ALONE.search(text):
        month, day = _month(match[2]), int(match[1])
    elif match := _MONTH_DAY_ALONE.search(text):
        month, day = _month(match[1]), int(match[2])
    elif match := _MARKED_MONTH_DAY.search(raw):
        month, day = int(match[1]), int(match[2])
    elif match := _NUMERIC_DAY_MONTH.search(_TIME.sub(" ", text)):
        found = _day_and_month(match, raw, text, language)
        if found is None:
            return None
        day, month = found
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    # A year back when the day is still to come; 29 February back to the last leap year.
    for year in range(today.year, today.year - 8, -1):
        found = _date(year, month, day)
        if found is not None and found <= today:
            return found
    return None


def _day_and_month(
    match: re.Match[str], raw: str, text: str, language: str | None
) -> tuple[int, int] | None:
    """(day, month) of two numbers, by the same rules as a numeric date with a year."""
    first, separator, second = int(match[1]), match[2], int(match[3])
    if _year_first(raw, language):
        return second, first
    order = numeric_order(language)
    if (
        separator == "."
        or first > 12
        or order == "day_first"
        or (order is None and _day_first_words(text))
    ):
        return first, second
    if second > 12 or order == "month_first":
        return second, first
    return None


# An age written inside other text ("Posted 3 days ago", "vor 2 Tagen", "2d" on a listing card),
# from the same vocabulary as _age: such a phrase changes every night while the posting does not.
# It is looked for in the text folded character by character, and cut from the text as written.
_AGE_PHRASE = re.compile(
    r"(?:" + _any_of(_WORDS["posted"]) + r"\s+)?"
    r"(?:" + _AGO_BEFORE + r"\s+)?"
    r"(?:(?P<days>" + "|".join(pattern.pattern for _, pattern in _DAYS_AGO_WORDS) + r")"
    r"|(?P<counted>" + _COUNTED.pattern + r")"
    r"|" + _COUNT + r"\s*\+?\s*" + _UNIT + ")"
    r"(?:\s*" + _AGO_AFTER + ")?"
)


def _folded_characters(text: str) -> tuple[str, list[int]]:
    """`text` folded as `fold` does, but one character at a time (spaces kept), with the index
    in `text` of each folded character."""
    folded: list[str] = []
    origins: list[int] = []
    for index, character in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", character)
        kept = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        kept = kept.replace("ı", "i")
        folded.append(kept)
        origins.extend([index] * len(kept))
    return "".join(folded), origins


def without_relative_ages(text: str) -> str:
    """``text`` with every posting age in it taken out, spaces collapsed."""
    folded, origins = _folded_characters(text)
    cuts: list[tuple[int, int]] = []
    for match in _AGE_PHRASE.finditer(folded):
        count, unit = match["count"], match["unit"]
        # As in _age: a one-letter unit only abbreviates after digits ("2d"), not "a m".
        if count and len(unit) == 1 and unit.isascii() and not count.isdigit():
            continue
        # As in _age: "3日" without 前 is a day of the month ("11月3日").
        unspaced_unit = unit is not None and _key(unit) in _UNSPACED_UNITS
        if unspaced_unit and not _AGO_NEXT.match(folded, match.end("unit")):
            continue
        end = origins[match.end()] if match.end() < len(origins) else len(text)
        cuts.append((origins[match.start()], end))
    kept, position = [], 0
    for start, end in cuts:
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return " ".join(" ".join(kept).split())


def _age(text: str) -> timedelta | None:
    for days, pattern in _DAYS_AGO_WORDS:
        if pattern.search(text):
            return timedelta(days=days)
    for match in _AGE.finditer(text):
        count, unit = match["count"], match["unit"]
        after = text[match.end() :]
        # One-letter units only abbreviate after digits ("2d"); "a m" in "9 am" is no age.
        if len(unit) == 1 and unit.isascii() and not count.isdigit():
            continue
        # An unspaced script's unit is an age with an ago word after it ("3日前", "3일 전");
        # without, "3日" is a day of the month.
        if unit in _UNSPACED_UNITS and not _AGO_NEXT.match(after):
            continue
        # "18 tháng 11" is 18 November, not 18 months.
        if (next_number := re.match(r"\s*(\d{1,2})(?!\d)", after)) and any(
            f"{unit} {n}" in _MONTHS for n in (next_number[1], str(int(next_number[1])))
        ):
            continue
        if (_FUTURE.search(text[: match.start()]) or _FUTURE_AFTER.match(after)) and not (
            _PAST.search(text)
        ):
            return None
        number = int(count) if count.isdigit() else _NUMBER_WORDS[_key(count)]
        return _UNITS[_key(unit)] * number
    if match := _COUNTED.search(text):
        word = next(value for value in match.groupdict().values() if value)
        return _COUNTED_LENGTHS[_key(word)]
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
    year = int(year)
    # A Thai Buddhist Era year (2569 BE is 2026).
    if year > _BUDDHIST_ERA_AFTER:
        year -= _BUDDHIST_ERA_OFFSET
    try:
        return date(year, int(month), int(day))
    except ValueError:
        return None
