"""Workday: search pages and details, paging (in-process on the saved pages), the shipped night and
the source's own failing cases.

Whole items are golden cases (``tests/fixtures/golden/workday/``): Kestrel's search page (one
detail request per listing, carrying what the listing shows: a relative age, no posting id, no
place for "N Locations") and each of its five details — hybrid in Pittsburgh with the pay
paragraph in the body and no structured pay (``kestrel-r-10482-detail``), additional locations
and the "Flexible" remote type that decides nothing (``…-r-10377-…``), on-site (``…-r-10455-…``),
fully remote with only a country and no start date, so the relative age is kept, part-time
(``…-r-10214-…``), and an accented title whose URL slug drops the accents (``…-r-10511-…``).
"""

from __future__ import annotations

import json

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.workday import (
    Board,
    company_name,
    country_last,
    parse_detail,
    parse_search,
    search_body,
    search_url,
)
from scrapers.normalise.location import resolve_places
from tests.support.faults.workday import HALFWAY, HALFWAY_PATH
from tests.support.inprocess import (
    CRAWL_TIME,
    file_response,
    jobsieve_stats,
    recording,
    run_callback,
    spider_class,
    spider_for,
)
from tests.support.nights import shipped_records

SOURCE = "workday"
KESTREL = Board.parse("kestrel/wd5/Kestrel_Careers")  # hand-written records, one page
BRIGHTWATER = Board.parse("brightwater/wd3/Brightwater_External")  # 47 postings, 3 pages
OSTARA = Board.parse("ostara/wd1/OstaraCareers")  # 40 postings, page 1 says 45, repeats
SEED_URL = (
    "https://kestrel.wd5.myworkdayjobs.com/Kestrel_Careers/job/Pittsburgh-PA/"
    "Senior-Software-Engineer-Motion-Planning_R-10482"
)


def _search(board: Board, offset: int = 0):
    saved = recording(search_url(board), "POST", search_body(offset))
    return parse_search(saved.body, board=board, crawled_at=CRAWL_TIME)


# --- extraction rules -------------------------------------------------------------------------


def test_later_pages_report_total_zero():
    """Why paging carries the first page's total: real tenants' later pages say 0."""
    assert [_search(BRIGHTWATER, offset).total for offset in (0, 20, 40)] == [47, 0, 0]


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (parse_search, b'{"total": 3, "jobPostings": ['),
        (parse_search, b'{"errorCode": "HTTP_422", "httpStatus": 422}'),
        (parse_detail, b'{"hiringOrganization": {}}'),
    ],
    ids=["malformed-search", "error-answer-is-no-search-page", "detail-without-posting-info"],
)
def test_not_the_expected_answer_is_a_format_error(parse, body):
    where = {"board": KESTREL} if parse is parse_search else {}
    with pytest.raises(SourceFormatError):
        parse(body, crawled_at=CRAWL_TIME, **where)


def test_listing_without_external_path_is_skipped_with_reason():
    jobs = [{"title": "A"}, {"title": "B", "externalPath": "/job/x/B_1"}]
    body = json.dumps({"total": 2, "jobPostings": jobs}).encode()
    page = parse_search(body, board=KESTREL, crawled_at=CRAWL_TIME)
    assert (page.paths, len(page.skipped)) == (["/job/x/B_1"], 1)


def test_detail_without_external_url_uses_the_listing_url():
    page = _search(KESTREL)
    [listed] = [p for path, p in zip(page.paths, page.postings, strict=True) if "R-10482" in path]
    body = b'{"jobPostingInfo": {"id": "1", "title": "Engineer"}}'
    posting = parse_detail(body, crawled_at=CRAWL_TIME, listed=listed)
    assert posting["url"] == SEED_URL


@pytest.mark.parametrize(
    "value", ["kestrel", "kestrel/Kestrel_Careers", "kestrel/5/Kestrel_Careers", "a b/wd5/x"]
)
def test_board_syntax_is_checked(value):
    with pytest.raises(ValueError, match="tenant/wdN/site"):
        Board.parse(value)


def test_a_bad_board_argument_stops_the_spider_with_the_board_syntax():
    with pytest.raises(ValueError, match="is not a Workday board: tenant/wdN/site"):
        spider_class(SOURCE)(boards="kestrel/Kestrel_Careers")


# --- paging, in-process on the saved pages ----------------------------------------------------


def _walk(board: Board) -> tuple[list[tuple[int, int | None]], list[str], dict[str, int]]:
    """Follow a board's search pages from the spider's start as the crawl would: each page's
    (offset, total carried), the detail requests, and the counters moved."""
    spider = spider_for(SOURCE, boards=str(board))
    pending, pages, details = list(spider.started), [], []
    while pending:
        request = pending.pop(0)
        saved = recording(request.url, request.method, request.body)
        response = file_response(saved, cb_kwargs=request.cb_kwargs)
        out = run_callback(spider, request.callback.__name__, response, **request.cb_kwargs)
        pages.append((request.cb_kwargs["offset"], request.cb_kwargs["total"]))
        pending += [r for r in out.requests if r.callback == spider.parse_search_page]
        details += [r.url for r in out.requests if r.callback == spider.parse_job]
    return pages, details, jobsieve_stats(spider)


@pytest.mark.parametrize(
    ("board", "pages", "postings", "stats"),
    [
        pytest.param(KESTREL, [(0, None)], 5, {}, id="one-page"),
        # The first page's total decides; the last page is short.
        pytest.param(BRIGHTWATER, [(0, None), (20, 47), (40, 47)], 47, {}, id="three-pages"),
        # Page 1 says 45 but the page at offset 40 serves offset 20's again: paging stops there.
        pytest.param(
            OSTARA,
            [(0, None), (20, 45), (40, 45)],
            40,
            {f"jobsieve/source/workday/{OSTARA}/repeated_page": 1},
            id="a-repeated-page-stops-paging-and-is-counted",
        ),
    ],
)
def test_paging(board, pages, postings, stats):
    walked, details, counted = _walk(board)
    assert (walked, len(details), len(set(details)), counted) == (pages, postings, postings, stats)


# --- the shipped night ------------------------------------------------------------------------


def test_night_yields_every_workday_posting_of_the_world_once(shipped_night):
    lines = shipped_night.postings(SOURCE)
    expected = len(shipped_records(SOURCE))
    assert (len(lines), len({line["id"] for line in lines})) == (expected, expected)


def test_night_boards(shipped_night):
    assert shipped_night.boards(SOURCE) == {
        str(KESTREL): {"postings": 5},
        str(BRIGHTWATER): {"postings": 47},
        str(OSTARA): {"postings": 40, "stopped_at_repeated_page": 1},
    }


def test_night_asks_for_recorded_exchanges_only(shipped_night):
    # 3 robots.txt + 1 + 3 + 3 (the repeat included) search pages + 92 details
    assert shipped_night.requests(SOURCE) == (102, 0)


def test_night_resolves_the_relative_age(shipped_night):
    line = next(
        x
        for x in shipped_night.postings(SOURCE)
        if x["source_id"] == "7b3e0d9c2a5f4e18b6d1c4a9e8f2b051"
    )
    assert (line["date_posted_raw"], line["date_posted"]) == ("Posted 30+ Days Ago", "2026-10-23")


# --- its own failing cases, on the fault night ------------------------------------------------


def test_every_failing_site_is_a_named_error(fault_night):
    errors = fault_night.report["sources"][SOURCE]["failing_boards"]
    sites = ("gone", "garbled", "strict", "flaky")
    assert (
        sorted(errors),
        [f"Board 'acme/wd1/{site}' of workday failed: " in fault_night.log for site in sites],
    ) == (sorted(f"acme/wd1/{site}" for site in sites), [True] * len(sites))


def test_each_failing_site_is_counted_as_what_it_is(fault_night):
    """``halfway``: an empty page after an over-counted first page stops paging, and a missing
    detail is counted (its listing is kept, below)."""
    acme = {b: c for b, c in fault_night.boards(SOURCE).items() if b.startswith("acme/")}
    assert acme == {
        "acme/wd1/gone": {"errors": 1},
        "acme/wd1/garbled": {"errors": 1},
        "acme/wd1/quiet": {"empty_lists": 1, "postings": 0},
        "acme/wd1/strict": {"errors": 1},
        "acme/wd1/flaky": {"errors": 1},
        str(HALFWAY): {"detail_failures": 1, "stopped_at_empty_page": 1},
    }


def test_missing_detail_keeps_the_listed_posting(fault_night):
    [line] = [x for x in fault_night.postings(SOURCE) if x["url"].endswith(HALFWAY_PATH)]
    assert (line["title"], line["date_posted"], line["description"], validate_posting(line)) == (
        "Warehouse Operations Lead",
        "2026-11-21",
        "",
        [],
    )


def test_fault_night_lines_are_the_shipped_ones_and_the_kept_listing(fault_night, shipped_night):
    faulty = fault_night.postings(SOURCE)
    [kept] = [x["id"] for x in faulty if x["url"].endswith(HALFWAY_PATH)]
    shipped = {line["id"] for line in shipped_night.postings(SOURCE)}
    assert (
        sorted(x["id"] for x in faulty),
        [validate_posting(x) for x in faulty],
    ) == (sorted({*shipped, kept}), [[]] * len(faulty))


# --- legal-entity codes and country-first places -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "company"),
    [
        ("IL00 Harbour Optics Ltd.", "Harbour Optics Ltd."),
        ("US01 - Harbour Optics, Inc.", "Harbour Optics, Inc."),
        ("1010 Harbour Optics GmbH", "Harbour Optics GmbH"),
        # Names that start with capitals and digits are names.
        ("3M Company", "3M Company"),
        ("A10 Networks, Inc.", "A10 Networks, Inc."),
        ("7-Eleven, Inc.", "7-Eleven, Inc."),
        ("Harbour Optics", "Harbour Optics"),
        ("IL00", "IL00"),
    ],
)
def test_the_legal_entity_code_is_not_part_of_the_company(name, company):
    assert company_name(name) == company


@pytest.mark.parametrize(
    ("place", "ordered"),
    [
        ("Israel, Yokneam", "Yokneam, Israel"),
        ("US, CA, Santa Clara", "Santa Clara, CA, US"),
        ("Germany, Munich", "Munich, Germany"),
        ("Santa Clara, CA, US", "Santa Clara, CA, US"),
        ("Munich", "Munich"),
        ("Illinois - Chicago", "Illinois - Chicago"),
    ],
)
def test_a_place_written_country_first_is_read_country_last(place, ordered):
    assert country_last(place) == ordered


def _listing_of(places: str) -> dict:
    job = {
        "title": "Optics Engineer",
        "externalPath": "/job/x/Optics-Engineer_R1",
        "locationsText": places,
    }
    body = json.dumps({"total": 1, "jobPostings": [job]})
    return parse_search(
        body, board=Board.parse("harbour/wd3/Careers"), crawled_at=CRAWL_TIME
    ).postings[0]


def test_a_listed_place_written_country_first_gets_its_country():
    listed = _listing_of("US, CA, Santa Clara")
    assert listed["location_raw"] == "US, CA, Santa Clara"  # as the list says it
    assert resolve_places(listed["locations"]) == [
        {"city": "Santa Clara", "region": "CA", "country": "US"}
    ]
    assert resolve_places(_listing_of("Israel, Yokneam")["locations"]) == [
        {"city": "Yokneam", "region": None, "country": "IL"}
    ]


def test_a_listed_place_in_the_usual_order_is_left_to_the_pipeline():
    assert "locations" not in _listing_of("Santa Clara, CA, US")


def test_the_detail_reads_the_company_without_its_code_and_places_country_last():
    detail = {
        "jobPostingInfo": {
            "id": "abc123",
            "title": "Optics Engineer",
            "externalUrl": "https://harbour.wd3.myworkdayjobs.com/Careers/job/x/Optics-Engineer_R1",
            "location": "Israel, Yokneam",
            "jobRequisitionLocation": {
                "descriptor": "Israel, Yokneam",
                "country": {"alpha2Code": "IL"},
            },
        },
        "hiringOrganization": {"name": "IL00 Harbour Optics Ltd."},
    }
    posting = parse_detail(json.dumps(detail), crawled_at=CRAWL_TIME)
    assert posting["company"] == "Harbour Optics Ltd."
    assert resolve_places(posting["locations"]) == [
        {"city": "Yokneam", "region": None, "country": "IL"}
    ]
