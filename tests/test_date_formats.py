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


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        # a two-digit year: first in Chinese, Japanese and Korean (by locale or script)
        ("등록일 26/11/18", None, "2026-11-18"),
        ("26/11/18", "ko-KR", "2026-11-18"),
        ("26.11.18", "ja-JP", "2026-11-18"),
        ("发布 26-11-18", None, "2026-11-18"),
        # last where the order is known, by the separator, the locale or the text's words
        ("18.11.26", None, "2026-11-18"),
        ("18/11/26", "fr", "2026-11-18"),
        ("11/18/26", "en-US", "2026-11-18"),
        ("Publicado el 18/11/26", None, "2026-11-18"),
        # and unknown otherwise
        ("18/11/26", None, None),
        ("26/11/18", "en", None),
        # the year first, a space after each dot (Korean, Hungarian)
        ("2026. 11. 18.", None, "2026-11-18"),
        ("2026년 11월 18일", None, "2026-11-18"),
        # Thai dates count years in the Buddhist Era
        ("18/11/2569", "th", "2026-11-18"),
        ("18 พฤศจิกายน 2569", None, "2026-11-18"),
        # new day-first locales
        ("03/11/2026", "he-IL", "2026-11-03"),
        ("03/11/2026", "ar-EG", "2026-11-03"),
        ("03/11/2026", "hi-IN", "2026-11-03"),
        ("03/11/2026", "th-TH", "2026-11-03"),
    ],
)
def test_two_digit_years_year_first_dates_and_eras(
    raw: str, language: str | None, expected: str | None
) -> None:
    assert resolve_date(raw, CRAWLED_AT, language=language) == expected


@pytest.mark.parametrize(
    ("locale", "order"),
    [("he-IL", "day_first"), ("ar", "day_first"), ("th-TH", "day_first"), ("ko-KR", None)],
)
def test_more_locales_order_numeric_dates(locale: str, order: str | None) -> None:
    assert numeric_order(locale) == order
