import pytest

from scrapers.normalise.dates import resolve_date

CRAWLED_AT = "2026-11-22T03:00:00Z"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # seeds
        ("2 weeks ago", "2026-11-08"),
        ("2d", "2026-11-20"),
        # ISO: the source's own calendar date, offset or not
        ("2026-11-03T10:00:00+01:00", "2026-11-03"),
        ("2026-11-03T23:30:00-05:00", "2026-11-03"),
        ("2026-11-03", "2026-11-03"),
        ("2026-11-03T10:00:00.000Z", "2026-11-03"),
        # epochs
        ("1731400000000", "2024-11-12"),
        (1731400000000, "2024-11-12"),
        ("1731400000", "2024-11-12"),
        (1731400000, "2024-11-12"),
        # short ages, against the crawl instant in UTC
        ("3h", "2026-11-22"),
        ("5h", "2026-11-21"),
        ("1w", "2026-11-15"),
        ("2mo", "2026-09-23"),
        # English
        ("3 days ago", "2026-11-19"),
        ("a month ago", "2026-10-23"),
        ("1 year ago", "2025-11-22"),
        ("yesterday", "2026-11-21"),
        ("today", "2026-11-22"),
        ("just posted", "2026-11-22"),
        ("Just Posted", "2026-11-22"),
        ("Posted Today", "2026-11-22"),
        ("Posted 3 Days Ago", "2026-11-19"),
        ("Posted 30+ Days Ago", "2026-10-23"),
        # other languages
        ("il y a 3 jours", "2026-11-19"),
        ("Publiée il y a 2 semaines", "2026-11-08"),
        ("il y a un an", "2025-11-22"),
        ("avant-hier", "2026-11-20"),
        ("vor 5 Tagen", "2026-11-17"),
        ("gestern", "2026-11-21"),
        ("hace 1 semana", "2026-11-15"),
        ("hace una semana", "2026-11-15"),
        ("há 2 dias", "2026-11-20"),
        ("3 dagen geleden", "2026-11-19"),
        ("2 giorni fa", "2026-11-20"),
        ("3日前", "2026-11-19"),
        ("2時間前", "2026-11-22"),
        # absolute dates
        ("Publiée le 03/11/2026", "2026-11-03"),
        ("12 novembre 2026", "2026-11-12"),
        ("1er novembre 2026", "2026-11-01"),
        ("12. November 2026", "2026-11-12"),
        ("12 de noviembre de 2026", "2026-11-12"),
        ("Nov 12, 2026", "2026-11-12"),
        ("November 12th, 2026", "2026-11-12"),
        ("Thu, 12 Nov 2026 10:00:00 GMT", "2026-11-12"),
        ("12.11.2026", "2026-11-12"),
        ("13/11/2026", "2026-11-13"),
        ("11/13/2026", "2026-11-13"),
        ("2026年11月3日", "2026-11-03"),
    ],
)
def test_resolve_date(raw: str | int, expected: str) -> None:
    assert resolve_date(raw, CRAWLED_AT) == expected


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("03/11/2026", "fr", "2026-11-03"),
        ("03/11/2026", "de-DE", "2026-11-03"),
        ("03/11/2026", "en-US", "2026-03-11"),
        ("03/11/2026", None, None),
        ("03/11/2026", "en", None),
    ],
)
def test_resolve_date_numeric_order(raw: str, language: str | None, expected: str | None) -> None:
    assert resolve_date(raw, CRAWLED_AT, language=language) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "recently",
        "Nov 12",
        "11月3日",
        "in 3 days",
        "dans 3 jours",
        "2026-13-45",
        "31/02/2026",
        "Posted at 9 am",
        "99999999 days ago",
        "123",
        True,
        12.5,
    ],
)
def test_resolve_date_unknown(raw: object) -> None:
    assert resolve_date(raw, CRAWLED_AT) is None  # type: ignore[arg-type]


def test_relative_date_needs_a_valid_crawl_time() -> None:
    assert resolve_date("2d", "not a timestamp") is None
    assert resolve_date("2026-11-03", "not a timestamp") == "2026-11-03"


def test_naive_crawl_time_is_utc() -> None:
    assert resolve_date("5h", "2026-11-22T03:00:00") == "2026-11-21"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # pl
        ("3 dni temu", "2026-11-19"),
        ("2 tygodnie temu", "2026-11-08"),
        ("1 miesiąc temu", "2026-10-23"),
        ("wczoraj", "2026-11-21"),
        ("dzisiaj", "2026-11-22"),
        # sv
        ("för 2 dagar sedan", "2026-11-20"),
        ("3 veckor sedan", "2026-11-01"),
        ("igår", "2026-11-21"),
        ("idag", "2026-11-22"),
        # ja
        ("3日前", "2026-11-19"),
        ("2週間前", "2026-11-08"),
        ("5時間前", "2026-11-21"),
        ("2026年11月3日", "2026-11-03"),
        # issue forms, every language
        ("30+ days ago", "2026-10-23"),
        ("il y a 3 jours", "2026-11-19"),
        ("vor 5 Tagen", "2026-11-17"),
        ("hace 1 semana", "2026-11-15"),
        ("há 2 dias", "2026-11-20"),
        ("3 dagen geleden", "2026-11-19"),
        ("2 giorni fa", "2026-11-20"),
        ("Publiée le 03/11/2026", "2026-11-03"),
        ("12 novembre 2026", "2026-11-12"),
        ("Nov 12, 2026", "2026-11-12"),
        ("12.11.2026", "2026-11-12"),
        ("1763000000000", "2025-11-13"),
    ],
)
def test_resolve_date_more_languages(raw: str, expected: str) -> None:
    assert resolve_date(raw, CRAWLED_AT) == expected
