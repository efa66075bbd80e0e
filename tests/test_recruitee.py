"""Recruitee: the offers list and its rules, the shipped night (one request per company) and the
source's own failing case.

Whole items are golden cases (``tests/fixtures/golden/recruitee/``): ``tulpdata-board`` (Dutch,
hybrid, a structured monthly pay range, on the company's own careers domain; and a remote
part-time offer without pay) and ``sierraverde-board`` (Spanish: pay in the older flat fields, and
an on-site fixed-term offer).
"""

from __future__ import annotations

import json

import pytest

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.recruitee import offers_url, parse_offers
from tests.support.faults.recruitee import HTML_PAGE
from tests.support.inprocess import CRAWL_TIME, SHIPPED_WORLD, recording, spider_class
from tests.support.nights import shipped_sources

SOURCE = "recruitee"
BIG = "atelierlumen"  # 60 offers, still one request


def _parse(body: bytes | str, board: str = "acme") -> list[dict]:
    return parse_offers(body, company=board, crawled_at=CRAWL_TIME).postings


def _offer(**fields) -> str:
    return json.dumps({"offers": [{"id": 1, "title": "Engineer", "slug": "engineer", **fields}]})


def _boards() -> list[str]:
    return shipped_sources()[SOURCE]["boards"]


def _world_offers(board: str) -> int:
    return len(json.loads(recording(offers_url(board)).body)["offers"])


# --- rules, on small inline responses ---------------------------------------------------------


@pytest.mark.parametrize("body", [b'{"offers": [{"id": 1,', b'{"error": "Not found"}'])
def test_not_an_offers_list_is_a_format_error(body):
    with pytest.raises(SourceFormatError):
        _parse(body)


def test_a_bad_board_argument_stops_the_spider_with_the_board_syntax():
    with pytest.raises(ValueError, match="'not a company' is not a Recruitee company subdomain"):
        spider_class(SOURCE)(boards="acme,not a company")


def test_empty_board_has_no_posting():
    assert _parse(b'{"offers": []}') == []


def test_one_bad_offer_is_skipped_with_reason():
    body = b'{"offers": [{"id": 1, "title": ""}, {"id": 2, "title": "Engineer"}]}'
    extracted = parse_offers(body, company="acme", crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in extracted.postings], len(extracted.skipped)) == (["2"], 1)


BERLIN = {"city": "Berlin", "region": None, "country": "DE"}
LISBON = {"city": "Lisbon", "region": None, "country": "PT"}
ACME_URL = "https://acme.recruitee.com/o/engineer"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param(
            {"remote": True, "hybrid": False, "on_site": True},
            {"remote": None, "remote_raw": "Remote, On-site"},
            id="several-workplace-flags-name-no-single-policy",
        ),
        pytest.param(
            {"remote": False, "hybrid": False, "on_site": False},
            {"remote": None, "remote_raw": None},
            id="no-workplace-flag",
        ),
        pytest.param(
            {"salary": {"min": "52000.0", "max": "61000.0", "currency": "eur", "period": "year"}},
            {"salary": {"min": 52000, "max": 61000, "currency": "EUR", "period": "year"}},
            id="salary-amounts-as-strings",
        ),
        pytest.param(
            {"salary": {"min": None, "max": None, "currency": None, "period": None}},
            {"salary_raw": None, "salary": None},
            id="salary-object-of-nulls-is-no-salary",
        ),
        pytest.param(
            {"salary": {"min": 20, "max": 25, "currency": "EUR", "period": "shift"}},
            {"salary": {"min": 20, "max": 25, "currency": "EUR", "period": None}},
            id="salary-with-unknown-period-keeps-it-null",
        ),
        pytest.param(
            {},
            {"url": ACME_URL, "apply_url": ACME_URL},
            id="without-careers-url-built-from-company-and-slug-apply-url-the-page",
        ),
        pytest.param(
            {"city": "Austin", "state_name": "Texas", "state_code": "TX", "country_code": "US"},
            {"locations": [{"city": "Austin", "region": "TX", "country": "US"}]},
            id="us-region-is-the-state-code",
        ),
        pytest.param(
            {
                "city": "Berlin",
                "country_code": "DE",
                "locations": [
                    {"city": "Berlin", "country_code": "DE"},
                    {"city": "Lisbon", "country_code": "PT"},
                ],
            },
            {"locations": [BERLIN, LISBON]},
            id="locations-list-wins-over-flat-fields",
        ),
        pytest.param(
            {"city": "Utrecht", "location": "Utrecht"},
            {"locations": []},
            id="location-without-country-is-left-to-the-normaliser",
        ),
        pytest.param(
            {"department": {"id": 3, "name": "Security"}},
            {"department": "Security"},
            id="department-object",
        ),
        pytest.param(
            {"description": "<p>Build things.</p>", "requirements": ""},
            {"description_html": "<p>Build things.</p>"},
            id="body-without-requirements",
        ),
        pytest.param(
            {"translations": {"en": {"title": "Other"}, "de": {"title": "Anders"}}},
            {"page_language": None},
            id="page-language-unknown-when-no-translation-matches",
        ),
    ],
)
def test_offer_field(fields, expected):
    [posting] = _parse(_offer(**fields))
    assert {key: posting.get(key) for key in expected} == expected


# --- the shipped night ------------------------------------------------------------------------


def test_boards_are_every_recruitee_company_of_the_world():
    hosts = {p.name for p in SHIPPED_WORLD.iterdir() if p.name.endswith(".recruitee.com")}
    assert hosts == {f"{board}.recruitee.com" for board in _boards()}


def test_night_yields_every_offer_of_every_board(shipped_night):
    """The big board too: its one answer holds every offer."""
    expected = {board: {"postings": _world_offers(board)} for board in _boards()}
    lines = shipped_night.postings(SOURCE)
    big = [line for line in lines if line["url"].startswith(f"https://{BIG}.recruitee.com/")]
    assert (shipped_night.boards(SOURCE), len(lines), expected[BIG], len(big)) == (
        expected,
        sum(counts["postings"] for counts in expected.values()),
        {"postings": 60},
        60,
    )


def test_night_asks_for_robots_and_one_list_per_company(shipped_night):
    assert shipped_night.requests(SOURCE) == (2 * len(_boards()), 0)


def test_night_normalises_the_flat_salary(shipped_night):
    backend = next(x for x in shipped_night.postings(SOURCE) if x["id"] == "recruitee:2850291")
    assert backend["salary"] == {"min": 42000, "max": 52000, "currency": "EUR", "period": "year"}


# --- its own failing case, on the fault night -------------------------------------------------


def test_html_page_instead_of_offers_is_a_named_board_error(fault_night):
    assert (
        fault_night.boards(SOURCE)[HTML_PAGE],
        f"Board {HTML_PAGE!r} of {SOURCE} failed: " in fault_night.log,
    ) == ({"errors": 1}, True)
