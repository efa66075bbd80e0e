"""Date readers compared on the labelled machine formats (tests/fixtures/dates/machine_dates.toml):
how many each reads right, and how long one read takes.

Run by hand from the project root:

    .venv/bin/python benchmarks/bench_dates.py [--rounds 200]

Candidates, each with fixed settings (no surprise from the machine's clock or zone):

- ``project``: scrapers.normalise.dates.resolve_date, the reader every source uses;
- ``dateparser``: dateparser.parse with ``RELATIVE_BASE`` = the crawl time, ``DATE_ORDER`` from
  the page's locale (DMY/MDY; YMD without one), ``PREFER_DAY_OF_MONTH="first"``,
  ``PREFER_DATES_FROM="past"``, ``RETURN_AS_TIMEZONE_AWARE``, ``REQUIRE_PARTS`` day/month/year;
- ``dateutil``: dateutil.parser.parse with ``dayfirst`` from the locale (no ages, no epochs).

A reader that raises or returns nothing for a case counts it as "" (no date).
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers.normalise.dates import resolve_date  # noqa: E402

CRAWL_TIME = "2026-11-22T03:00:00Z"
CASES = ROOT / "tests" / "fixtures" / "dates" / "machine_dates.toml"
_MONTH_FIRST = {"en-us", "en-ph"}
_NOT_DAY_FIRST = {"en", "ja", "zh", "ko"}

Reader = Callable[[str | int, str | None], str]


def load_cases() -> list[tuple[str | int, str | None, str]]:
    with CASES.open("rb") as handle:
        cases = tomllib.load(handle)["case"]
    return [(c.get("raw", c.get("epoch")), c.get("language"), c["expected"]) for c in cases]


def _order(language: str | None) -> str | None:
    lang = (language or "").lower()
    if not lang:
        return None
    if lang in _MONTH_FIRST:
        return "MDY"
    return None if lang.split("-")[0] in _NOT_DAY_FIRST and "-" not in lang else "DMY"


def project(raw: str | int, language: str | None) -> str:
    return resolve_date(raw, CRAWL_TIME, language=language) or ""


def dateparser_reader() -> Reader:
    import dateparser

    base = datetime.fromisoformat(CRAWL_TIME)

    def read(raw: str | int, language: str | None) -> str:
        settings = {
            "RELATIVE_BASE": base.replace(tzinfo=None),
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
        }
        if order := _order(language):
            settings["DATE_ORDER"] = order
        languages = [language.split("-")[0].lower()] if language else None
        found = dateparser.parse(str(raw), languages=languages, settings=settings)
        return found.date().isoformat() if found else ""

    return read


def dateutil_reader() -> Reader:
    from dateutil import parser

    def read(raw: str | int, language: str | None) -> str:
        day_first = _order(language) == "DMY"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(str(raw), dayfirst=day_first, fuzzy=True)
        return found.date().isoformat()

    return read


def measure(name: str, read: Reader, cases: list, rounds: int) -> dict[str, object]:
    def safe(raw: str | int, language: str | None) -> str:
        try:
            return read(raw, language)
        except Exception:
            return ""

    wrong = [(raw, lang, safe(raw, lang), want) for raw, lang, want in cases]
    wrong = [w for w in wrong if w[2] != w[3]]
    started = time.perf_counter()
    for _ in range(rounds):
        for raw, lang, _want in cases:
            safe(raw, lang)
    per_read = (time.perf_counter() - started) / (rounds * len(cases))
    return {"name": name, "right": len(cases) - len(wrong), "wrong": wrong, "us": per_read * 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    cases = load_cases()
    readers: dict[str, Reader] = {"project": project}
    for name, make in (("dateparser", dateparser_reader), ("dateutil", dateutil_reader)):
        try:
            readers[name] = make()
        except ImportError:
            print(f"{name}: not installed, skipped")
    for name, read in readers.items():
        # dateparser is ~100x slower: fewer rounds keep the run short, the mean stays fair.
        rounds = args.rounds if name != "dateparser" else max(1, args.rounds // 20)
        result = measure(name, read, cases, rounds)
        print(
            f"{name:11s} right {result['right']:2d} of {len(cases)}   "
            f"{result['us']:9.1f} µs per read"
        )
        for raw, lang, got, want in result["wrong"]:
            print(f"    {raw!r} ({lang or '-'}): {got or '∅'} want {want or '∅'}")


if __name__ == "__main__":
    main()
