"""How many normalised fields jobsieve gets exactly right on rows of real-world phrasing.

    python -m evaluation.normalise            # exact share per field, language and split
    python -m evaluation.normalise --misses   # and every wrong answer of the tuning split
    python -m evaluation.normalise --check    # only read every row and run it

Each row (evaluation/normalise/rows/*.toml, format in the README beside this file) is one raw
value as a spider yields it, with the posting's context (title, place, url, page language), and
the field the normaliser must make of it. The row goes through the sanitise and normalise item
pipelines with a frozen clock; the field is compared with what the row expects.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapers.dedup.fold import fold
from scrapers.items import FIELD_NAMES, JobPosting
from scrapers.pipeline import item_fields

ROWS_DIR = Path(__file__).resolve().parent / "rows"
# Row files in the folder's top level are the tuning split; each subfolder is a batch held out
# (its misses are never printed) until it is named here.
TUNED_ON = frozenset({"tuning"})
CRAWLED_AT = "2026-11-22T03:00:00Z"
# The field a row names -> the item field it checks.
FIELDS = {
    "location": "locations",
    "salary": "salary",
    "seniority": "seniority",
    "remote": "remote",
    "employment": "employment_type",
    "date": "date_posted",
}
RAW_FIELDS = frozenset(FIELD_NAMES[: FIELD_NAMES.index("id")])
DEFAULTS = {"source": "jobposting", "url": "https://jobs.example.com/posting/1", "title": "Job"}


class RowError(ValueError):
    """A row that does not say what the format asks, named with its file and number."""


@dataclass
class Row:
    file: str
    number: int
    split: str
    field: str
    language: str
    country: str
    posting: dict[str, Any]
    expect: Any
    note: str

    @property
    def name(self) -> str:
        return f"{self.file}#{self.number}"

    @property
    def held_out(self) -> bool:
        return self.split not in TUNED_ON


def _expected(where: str, field: str, value: Any) -> Any:
    """The expected value in the item's terms: "" is null."""
    if value == "" or value == []:
        return None
    if field == "location":
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise RowError(f"{where}: expect for a location is a list of {{city, region, country}}")
        return value
    if field == "salary":
        if not isinstance(value, dict) or not {"currency", "period"} <= set(value):
            raise RowError(f"{where}: expect for a salary is {{min, max, currency, period}}")
        return value
    if not isinstance(value, str):
        raise RowError(f"{where}: expect for {field} is a string")
    return value


def load_rows(folder: Path = ROWS_DIR) -> list[Row]:
    files = [(path, "tuning") for path in sorted(folder.glob("*.toml"))]
    for batch in sorted(p for p in folder.iterdir() if p.is_dir()):
        files += [(path, batch.name) for path in sorted(batch.glob("*.toml"))]
    rows = []
    for path, split in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise RowError(f"{path.name}: {error}") from None
        for number, raw in enumerate(data.get("row") or [], 1):
            where = f"{path.name}#{number}"
            field = raw.get("field")
            if field not in FIELDS:
                raise RowError(f"{where}: field {field!r} is none of {', '.join(FIELDS)}")
            posting = raw.get("posting") or {}
            unknown = sorted(set(posting) - RAW_FIELDS)
            if unknown:
                raise RowError(f"{where}: posting has fields no spider fills: {unknown}")
            if "expect" not in raw:
                raise RowError(f"{where}: no expect")
            rows.append(
                Row(
                    file=path.name,
                    number=number,
                    split=split,
                    field=field,
                    language=raw.get("language") or "?",
                    country=raw.get("country") or "?",
                    posting={k: v for k, v in posting.items() if v != ""},
                    expect=_expected(where, field, raw["expect"]),
                    note=raw.get("note", ""),
                )
            )
    return rows


def normalised(posting: dict[str, Any]) -> dict[str, Any]:
    """The posting as the sanitise and normalise pipelines leave it."""
    from pipelines.inprocess import pipeline_crawler
    from pipelines.normalise import NormalisePipeline
    from pipelines.sanitise import SanitisePipeline

    crawler = pipeline_crawler()
    item = JobPosting(**{**DEFAULTS, "crawled_at": CRAWLED_AT, **posting})
    for pipeline in (SanitisePipeline, NormalisePipeline):
        item = pipeline.from_crawler(crawler).process_item(item)
    return item_fields(item)


def _same_city(expected: str | None, got: str | None) -> bool:
    if not expected or not got:
        return not expected and not got
    if fold(expected) == fold(got):
        return True
    from scrapers.gazetteer import city_ids

    return bool(city_ids(expected) & city_ids(got))


def _same_region(expected: str | None, got: str | None, country: str | None) -> bool:
    """One region written two ways: by name in any language ISO 3166-2 and pycountry know, or by
    code ("ZG" = "Zug", "神奈川県" = "Kanagawa", "County Galway" = "Galway")."""
    if not expected:
        return True  # the row does not say
    if not got:
        return False
    if fold(expected) == fold(got):
        return True
    from scrapers.normalise.countries import region_of

    one = region_of(expected, country)
    return one is not None and one == region_of(got, country)


def _locations_right(
    expected: list[dict[str, Any]] | None, got: list[dict[str, Any]], *, regions: bool = True
) -> bool:
    got = got or []
    expected = expected or []
    if len(expected) != len(got):
        return False
    return all(
        (e.get("country") or None) == (g.get("country") or None)
        and _same_city(e.get("city"), g.get("city"))
        and (not regions or _same_region(e.get("region"), g.get("region"), e.get("country")))
        for e, g in zip(expected, got, strict=True)
    )


def _salary_right(expected: dict[str, Any] | None, got: dict[str, Any] | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None

    def amount(value: Any) -> float | None:
        return None if value in (None, "") else float(value)

    return (
        amount(expected.get("min")) == amount(got.get("min"))
        and amount(expected.get("max")) == amount(got.get("max"))
        and expected["currency"] == got.get("currency")
        and expected["period"] == got.get("period")
    )


def right(row: Row, item: dict[str, Any]) -> bool:
    got = item.get(FIELDS[row.field])
    if row.field == "location":
        return _locations_right(row.expect, got)
    if row.field == "salary":
        return _salary_right(row.expect, got)
    return row.expect == (got or None)


def places_right(row: Row, item: dict[str, Any]) -> bool:
    """A location row's cities and countries right, whatever the regions: the share a region
    written in another language than the row's (an exonym ISO 3166-2 and pycountry do not list,
    "Sicily" for "Sicilia") cannot spoil."""
    return _locations_right(row.expect, item.get("locations"), regions=False)


def evaluate(rows: list[Row]) -> list[tuple[Row, Any, bool]]:
    outcomes = []
    for row in rows:
        item = normalised(row.posting)
        outcomes.append((row, item, right(row, item)))
    return outcomes


def report(outcomes: list[tuple[Row, Any, bool]]) -> dict[str, Any]:
    tally: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row, item, ok in outcomes:
        for split in (row.split, "all"):
            for key in ("all", f"field:{row.field}", f"language:{row.language}"):
                tally[split][key][0] += ok
                tally[split][key][1] += 1
            if row.field == "location":
                tally[split]["location:city_and_country"][0] += places_right(row, item)
                tally[split]["location:city_and_country"][1] += 1
    out: dict[str, Any] = {}
    for split, counts in sorted(tally.items()):
        out[split] = {
            key: f"{good}/{total} ({good / total:.1%})"
            for key, (good, total) in sorted(counts.items())
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROWS_DIR)
    parser.add_argument("--misses", action="store_true", help="every wrong answer of tuning rows")
    parser.add_argument("--check", action="store_true", help="only read and run every row")
    opts = parser.parse_args(argv)
    try:
        rows = load_rows(opts.folder)
    except RowError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if opts.check:
        for row in rows:
            normalised(row.posting)
        print(f"{len(rows)} rows read and run")
        return 0
    outcomes = evaluate(rows)
    print(json.dumps(report(outcomes), indent=2, ensure_ascii=False))
    if opts.misses:
        for row, item, ok in outcomes:
            got = item.get(FIELDS[row.field])
            if not ok and not row.held_out:
                raw = {k: v for k, v in row.posting.items() if k.endswith("_raw") or k == "title"}
                print(
                    f"  {row.name} {row.field} [{row.language}]: {raw} -> {got!r}, "
                    f"expected {row.expect!r}"
                )
    return 0
