"""Every machine date format of the labelled set (tests/fixtures/dates/machine_dates.toml) is read
by the one date reader, the page's locale ordering numeric dates."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from scrapers.normalise.dates import numeric_order, resolve_date

CRAWLED_AT = "2026-11-22T03:00:00Z"
_CASES = tomllib.loads(
    (Path(__file__).parent / "fixtures" / "dates" / "machine_dates.toml").read_text("utf-8")
)["case"]


@pytest.mark.parametrize(
    "case", _CASES, ids=[f"{c.get('raw', c.get('epoch'))}|{c.get('language')}" for c in _CASES]
)
def test_labelled_machine_dates(case: dict) -> None:
    raw = case.get("raw", case.get("epoch"))
    found = resolve_date(raw, CRAWLED_AT, language=case.get("language"))
    assert (found or "") == case["expected"]


@pytest.mark.parametrize(
    ("locale", "order"),
    [
        ("en-US", "month_first"),
        ("en_US", "month_first"),
        ("en-GB", "day_first"),
        ("fr-CA", "day_first"),
        ("de", "day_first"),
        ("en", None),
        ("ja-JP", None),
        (None, None),
    ],
)
def test_the_locale_decides_which_number_is_the_month(locale: str | None, order: str) -> None:
    assert numeric_order(locale) == order


def test_a_clock_time_is_no_day_first_word() -> None:
    # "AM" is German "am" only before a date, not after a time.
    assert resolve_date("03/11/2026 10:00 AM", CRAWLED_AT) is None
    assert resolve_date("am 03/11/2026", CRAWLED_AT) == "2026-11-03"
