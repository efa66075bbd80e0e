"""Lever: the extractor's rules on small inputs, board syntax, paging in-process, and the shared
nights. The recorded Farfetch and EU Back Market pages are golden cases
(``tests/fixtures/golden/lever/``), every field of every posting."""

from __future__ import annotations

import pytest

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.lever import (
    BOARD,
    PAGE_SIZE,
    parse_posting,
    parse_postings_page,
    postings_url,
    split_board,
)
from scrapers.spider import JobSpider
from scrapers.world import Recording
from tests.support.faults.base import JSON
from tests.support.faults.lever import page
from tests.support.inprocess import (
    CRAWL_TIME,
    Output,
    file_response,
    jobsieve_stats,
    run_callback,
    spider_class,
    spider_for,
)
from tests.support.nights import shipped_records

SEED_ID = "4e661362-45c4-43d1-9df3-93c231cb78dc"

# --- extraction rules -------------------------------------------------------------------------


def _parsed(**posting) -> dict:
    board = posting.pop("board", "acme")
    company = posting.pop("company", None)
    return parse_posting(
        {"id": "x1", "text": "Engineer", **posting},
        board=board,
        crawled_at=CRAWL_TIME,
        company=company,
    )


@pytest.mark.parametrize(
    ("posting", "field", "value"),
    [
        ({"description": "<p>All of it</p>", "lists": []}, "description_html", "<p>All of it</p>"),
        ({"board": "eu:acme"}, "url", "https://jobs.eu.lever.co/acme/x1"),
        (
            {"salaryRange": {"min": 5000, "max": 5000, "currency": "EUR", "interval": "one-time"}},
            "salary",
            {"min": 5000, "max": 5000, "currency": "EUR", "period": None},
        ),
        ({}, "company", None),
        ({"company": "Acme"}, "company", "Acme"),
    ],
    ids=[
        "description-without-body-falls-back-to-description",
        "hosted-url-built-when-missing",
        "one-time-interval-has-no-period",
        "company-is-not-in-the-api",
        "company-from-the-caller",
    ],
)
def test_posting_rule(posting, field, value):
    assert _parsed(**posting)[field] == value


@pytest.mark.parametrize(
    "body",
    [b'[{"id": "x1",', b'{"ok": false, "error": "Document not found"}'],
    ids=["malformed-json", "error-object"],
)
def test_what_is_not_a_postings_page_is_a_format_error(body):
    with pytest.raises(SourceFormatError):
        parse_postings_page(body, board="acme", crawled_at=CRAWL_TIME)


def test_one_bad_posting_is_skipped_with_reason():
    body = b'[{"id": "x1", "text": ""}, {"id": "x2", "text": "Engineer"}]'
    extracted = parse_postings_page(body, board="acme", crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in extracted.postings], len(extracted.skipped)) == (["x2"], 1)


# --- board syntax -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("board", "parts"),
    [("farfetch", ("global", "farfetch")), ("eu:backmarket", ("eu", "backmarket"))],
)
def test_board_names_its_instance_and_site(board, parts):
    assert split_board(board) == parts


def test_eu_board_url():
    assert postings_url("eu:backmarket", 100) == (
        "https://api.eu.lever.co/v0/postings/backmarket?mode=json&skip=100&limit=100"
    )


@pytest.mark.parametrize("value", ["us:farfetch", "not a site", "eu:", "farfetch/jobs"])
def test_not_a_board(value):
    assert not BOARD.match(value)


def test_a_bad_board_argument_is_named_at_start():
    with pytest.raises(ValueError, match="'us:farfetch' is not a Lever site"):
        spider_class("lever")(boards="farfetch,us:farfetch")


# --- paging, in-process -----------------------------------------------------------------------


def _page(spider: JobSpider, site: str, skip: int, body: bytes) -> Output:
    saved = Recording("GET", postings_url(site, skip), 200, JSON, body)
    cb_kwargs = {"board": site, "skip": skip}
    return run_callback(
        spider, "parse_page", file_response(saved, cb_kwargs=cb_kwargs), **cb_kwargs
    )


def test_a_full_page_asks_for_the_next_one():
    spider = spider_for("lever", boards="hundred")
    out = _page(spider, "hundred", 0, page("hundred", range(PAGE_SIZE)))
    assert (len(out.items), [r.url for r in out.requests]) == (
        PAGE_SIZE,
        [postings_url("hundred", PAGE_SIZE)],
    )


def test_a_short_page_ends_the_site():
    spider = spider_for("lever", boards="short")
    out = _page(spider, "short", 0, page("short", range(3)))
    assert (len(out.items), out.requests) == (3, [])


def test_an_empty_page_after_a_full_one_ends_the_site_without_counting_it_empty():
    spider = spider_for("lever", boards="hundred")
    _page(spider, "hundred", 0, page("hundred", range(PAGE_SIZE)))
    out = _page(spider, "hundred", PAGE_SIZE, b"[]")
    assert (out.items, out.requests, jobsieve_stats(spider)) == (
        [],
        [],
        {"jobsieve/source/lever/hundred/postings": PAGE_SIZE},
    )


def test_a_page_repeating_earlier_postings_stops_the_site_with_an_error():
    spider = spider_for("lever", boards="stuck")
    body = page("stuck", range(PAGE_SIZE))
    _page(spider, "stuck", 0, body)
    out = _page(spider, "stuck", PAGE_SIZE, body)
    assert (out.items, out.requests, jobsieve_stats(spider)) == (
        [],
        [],
        {"jobsieve/source/lever/stuck/error": 1, "jobsieve/source/lever/stuck/postings": PAGE_SIZE},
    )


# --- the shipped night ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def night_postings(shipped_night) -> dict[str, dict]:
    return {line["source_id"]: line for line in shipped_night.postings("lever")}


def test_the_night_yields_every_lever_posting_of_the_world(night_postings):
    assert len(night_postings) == len(shipped_records("lever"))


def test_the_night_requests_robots_and_each_page_once(shipped_night):
    # robots.txt of 2 hosts + farfetch + eu:backmarket + pelicanbay's 2 pages (130 postings);
    # with no recording missed, these are exactly the pages the world has.
    lever = shipped_night.report["sources"]["lever"]
    assert (lever["requests_sent"], lever["missing_recordings"]) == (6, 0)


def test_the_night_reads_both_pages_of_the_big_site(shipped_night):
    assert shipped_night.boards("lever")["pelicanbay"] == {"postings": 130}


def test_the_seed_posting_after_the_pipelines(night_postings):
    seed = night_postings[SEED_ID]
    assert (seed["company"], seed["date_posted"]) == ("Farfetch", "2026-11-06")


# --- Lever's own failing sites on the fault night (tests/support/faults/lever.py) -------------


def test_a_site_of_exactly_one_full_page_yields_it_all_and_is_not_empty(fault_night):
    assert fault_night.boards("lever")["hundred"] == {"postings": PAGE_SIZE}


def test_a_site_ignoring_skip_yields_its_first_page_once_then_fails(fault_night):
    assert (
        fault_night.boards("lever")["stuck"],
        "Board 'stuck' of lever failed: page skip=100 repeats earlier postings" in fault_night.log,
    ) == ({"postings": PAGE_SIZE, "errors": 1}, True)


def test_full_last_pages_ask_for_the_next_one(fault_night, shipped_night):
    # The shipped sites, + gone, broken and empty + both pages of hundred and of stuck.
    shipped = shipped_night.report["sources"]["lever"]["requests_sent"]
    assert fault_night.report["sources"]["lever"]["requests_sent"] == shipped + 3 + 2 + 2


def test_a_site_without_a_name_in_companies_has_no_company(fault_night):
    lines = [line for line in fault_night.postings("lever") if "/hundred/" in line["url"]]
    assert (len(lines), {line["company"] for line in lines}) == (PAGE_SIZE, {None})
