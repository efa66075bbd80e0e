"""Workable: the extractor's rules on small inputs, the list's paging, and the shared nights. The
recorded account widget, three job details (English hybrid, English remote, French) and the
first and last list pages of the big account are golden cases (``tests/fixtures/golden/workable/``):
every field of every posting, every request a page asks for."""

from __future__ import annotations

import json

import pytest

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.workable import (
    Account,
    job_url,
    jobs_query,
    jobs_url,
    parse_account,
    parse_job,
    parse_jobs_page,
)
from scrapers.world import World
from tests.support.inprocess import CRAWL_TIME, SHIPPED_WORLD, recording, spider_class
from tests.support.nights import shipped_records

HOST_DIR = "apply.workable.com"
BIG = "tidewell-health"
ACCOUNTS = ("stillwater-analytics", "lumiere-logistique", BIG)
ACCOUNT = Account("A")

# --- extraction rules -------------------------------------------------------------------------


def _parsed(**listed) -> dict:
    listed = {"shortcode": "X1", "title": "Picker", **listed}
    return parse_job(listed, slug="a", account=ACCOUNT, crawled_at=CRAWL_TIME)


@pytest.mark.parametrize(
    ("listed", "fields"),
    [
        ({"workplace": "on_site"}, {"remote_raw": "on_site", "remote": "onsite"}),
        ({"remote": True}, {"remote": "remote"}),
        ({"remote": False}, {"remote": None}),
        (
            {
                "locations": [
                    {"city": "Lyon", "country": "France", "countryCode": "FR", "hidden": False},
                    {"city": "Lille", "country": "France", "countryCode": "FR", "hidden": True},
                ]
            },
            {"location_raw": "Lyon, France"},
        ),
        (
            {
                "location": {
                    "city": "Austin",
                    "region": "Texas",
                    "country": "United States",
                    "countryCode": "US",
                }
            },
            {"locations": [{"city": "Austin", "region": "TX", "country": "US"}]},
        ),
    ],
    ids=[
        "on-site-enum-is-onsite",
        "remote-boolean-without-workplace-is-remote",
        "remote-false-without-workplace-is-unknown",
        "hidden-locations-are-left-out",
        "us-region-becomes-its-postal-code",
    ],
)
def test_listed_job_rule(listed, fields):
    parsed = _parsed(**listed)
    assert {k: parsed[k] for k in fields} == fields


def test_a_list_page_holds_its_jobs_without_bodies_and_the_next_token():
    body = recording(jobs_url(BIG), "POST", json.dumps(jobs_query()).encode()).body
    page = parse_jobs_page(body, slug=BIG, account=ACCOUNT, crawled_at=CRAWL_TIME)
    assert (
        len(page.postings),
        page.total,
        bool(page.next_token),
        {p["description_html"] for p in page.postings},
    ) == (10, 24, True, {None})


@pytest.mark.parametrize(
    "body", [b'{"results": [', b'{"error": "Not found"}'], ids=["malformed-json", "not-a-list"]
)
def test_what_is_not_a_list_page_is_a_format_error(body):
    with pytest.raises(SourceFormatError):
        parse_jobs_page(body, slug="a", account=ACCOUNT, crawled_at=CRAWL_TIME)


def test_not_an_account_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_account(b'["no", "account"]')


def test_a_job_without_shortcode_is_skipped_with_reason():
    body = b'{"total": 2, "results": [{"title": "A"}, {"shortcode": "B2", "title": "B"}]}'
    page = parse_jobs_page(body, slug="a", account=ACCOUNT, crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in page.postings], len(page.skipped)) == (["B2"], 1)


def test_a_bad_board_argument_is_named_at_start():
    with pytest.raises(ValueError, match="'Not A Slug' is not a Workable account slug"):
        spider_class("workable")(boards="Not A Slug")


# --- the shipped night ------------------------------------------------------------------------


def _recorded(account: str) -> tuple[int, int]:
    """(list pages, job details) the shipped world holds for an account."""
    world = World(SHIPPED_WORLD)
    exchanges = [world.read(p) for p in world.exchanges() if p.parent.name == HOST_DIR]
    pages = sum(e.method == "POST" and e.url == jobs_url(account) for e in exchanges)
    details = sum(e.url.startswith(job_url(account, "")) for e in exchanges)
    return pages, details


@pytest.fixture(scope="module")
def night_postings(shipped_night) -> list[dict]:
    return shipped_night.postings("workable")


def test_the_big_account_needs_three_pages():
    assert _recorded(BIG) == (3, 24)


def test_the_night_requests_exactly_what_the_world_records(shipped_night):
    # robots.txt + per account: the widget, its list pages and one detail per job
    expected = 1 + sum(1 + pages + details for pages, details in map(_recorded, ACCOUNTS))
    workable = shipped_night.report["sources"]["workable"]
    assert (workable["requests_sent"], workable["missing_recordings"]) == (expected, 0)


def test_paging_yields_every_job_of_the_big_account(shipped_night, night_postings):
    ids = {line["source_id"] for line in night_postings if f"/{BIG}/" in line["url"]}
    assert (len(ids), shipped_night.boards("workable")[BIG]) == (24, {"postings": 24})


def test_the_night_yields_every_workable_posting_of_the_world(night_postings):
    assert len(night_postings) == len(shipped_records("workable"))


def test_the_night_covers_every_account(night_postings):
    assert {line["url"].split("/")[3] for line in night_postings} == set(ACCOUNTS)


# --- Workable's own failing boards on the fault night (tests/support/faults/workable.py) -----


def test_a_list_answering_garbage_fails_its_board(fault_night):
    assert (
        fault_night.boards("workable")["garbled-list"].get("errors"),
        "Board 'garbled-list' of workable failed: " in fault_night.log,
    ) == (1, True)


def test_a_job_whose_detail_failed_keeps_what_the_list_shows(fault_night):
    # Counted as a detail error, not a board error; exported from its list entry, no body.
    kept = {
        line["source_id"]: line["description"]
        for line in fault_night.postings("workable")
        if line["source_id"] in {"AAA111", "ZZZ999"}
    }
    assert fault_night.boards("workable")["half-board"] == {"postings": 1, "detail_failures": 1}
    assert sorted(kept) == ["AAA111", "ZZZ999"]
    assert kept["ZZZ999"] == ""
