"""SmartRecruiters: list pages and posting details, paging, the shipped night and the source's own
failing cases.

Whole items are golden cases (``tests/fixtures/golden/smartrecruiters/``): a list page (one
detail request per posting) and four details — hybrid from the flag with a pay custom field and
the company blurb kept out of the body (``halvard-hybrid-posting``), remote with a US pay range
(``sonnenfeld-remote-posting``), hybrid only in the workplace custom field with German section
titles (``sonnenfeld-german-posting``), and no workplace signal nor pay
(``halvard-no-workplace-posting``).
"""

from __future__ import annotations

import json

import pytest

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.smartrecruiters import (
    PostingsPage,
    parse_posting,
    parse_posting_detail,
    parse_postings_page,
    posting_url,
    postings_url,
)
from scrapers.world import World
from tests.support.faults.smartrecruiters import HALF, HALF_GONE, HALF_KEPT
from tests.support.inprocess import (
    CRAWL_TIME,
    SHIPPED_WORLD,
    file_response,
    recording,
    run_callback,
    spider_class,
    spider_for,
)
from tests.support.nights import shipped_records, shipped_sources

SOURCE = "smartrecruiters"
HOST_DIR = "api.smartrecruiters.com"
BIG = "CorvidPayments"  # 112 postings, two list pages
SEED = "744000081904217"  # Halvard Maritime, Marine Software Engineer


def _page(board: str, offset: int) -> PostingsPage:
    return parse_postings_page(recording(postings_url(board, offset)).body, crawled_at=CRAWL_TIME)


def _recorded(company: str) -> tuple[int, int]:
    """(list pages, posting details) the shipped world holds for a company."""
    world = World(SHIPPED_WORLD)
    urls = [world.read(p).url for p in world.exchanges() if p.parent.name == HOST_DIR]
    pages = sum(u.startswith(postings_url(company).split("?")[0] + "?") for u in urls)
    details = sum(u.startswith(posting_url(company, "")) for u in urls)
    return pages, details


# --- extraction rules -------------------------------------------------------------------------


def test_list_entry_is_the_detail_posting_without_its_body():
    [listed] = [p for p in _page("HalvardMaritime", 0).postings if p["source_id"] == SEED]
    [detail] = parse_posting_detail(
        recording(posting_url("HalvardMaritime", SEED)).body, crawled_at=CRAWL_TIME
    ).postings
    assert (listed["url"], listed["description_html"]) == (detail["url"], None)


def test_a_bad_board_argument_stops_the_spider_with_the_board_syntax():
    with pytest.raises(ValueError, match="'Acme Corp' is not a SmartRecruiters company identifier"):
        spider_class(SOURCE)(boards="Acme Corp")


def test_title_slug_of_an_accented_title():
    entry = {"id": "1", "name": "Développeur Backend (H/F)", "company": {"identifier": "Acme"}}
    assert parse_posting(entry, crawled_at=CRAWL_TIME)["url"] == (
        "https://jobs.smartrecruiters.com/Acme/1-developpeur-backend-h-f"
    )


@pytest.mark.parametrize(
    ("page", "following"),
    [
        (PostingsPage(postings=[{}] * 100, offset=0, limit=100, total=112), 100),
        (PostingsPage(postings=[{}], offset=100, limit=100, total=200), None),
        (PostingsPage(offset=0, limit=100, total=500), None),
    ],
    ids=["more-to-come", "offset-at-total", "empty-page"],
)
def test_next_offset(page, following):
    assert page.next_offset == following


@pytest.mark.parametrize("body", [b'{"content": [', b'{"message": "Not found"}'])
def test_not_a_postings_page_is_a_format_error(body):
    with pytest.raises(SourceFormatError):
        parse_postings_page(body, crawled_at=CRAWL_TIME)


def test_a_posting_without_id_is_skipped_with_reason():
    content = [{"name": "A"}, {"id": "2", "name": "B"}]
    body = json.dumps({"offset": 0, "limit": 100, "totalFound": 2, "content": content})
    page = parse_postings_page(body, crawled_at=CRAWL_TIME)
    assert ([p["source_id"] for p in page.postings], len(page.skipped)) == (["2"], 1)


# --- paging, in-process on the saved pages ----------------------------------------------------


def test_big_company_has_two_list_pages_and_a_detail_per_posting():
    assert (_recorded(BIG), _page(BIG, 0).total) == ((2, 112), 112)


@pytest.mark.parametrize(
    ("offset", "following"), [(0, [100]), (100, [])], ids=["first-page", "last-page"]
)
def test_big_company_pages_by_offset(offset, following):
    """A detail request per listed posting, then the next page while the total says so."""
    spider = spider_for(SOURCE, boards=BIG)
    response = file_response(recording(postings_url(BIG, offset)))
    out = run_callback(spider, "parse_page", response, board=BIG, offset=offset)
    listed = _page(BIG, offset).postings
    assert (
        out.items,
        [(r.url, r.callback) for r in out.requests],
        [r.cb_kwargs for r in out.requests[len(listed) :]],
    ) == (
        [],
        [(posting_url(BIG, p["source_id"]), spider.parse_posting) for p in listed]
        + [(postings_url(BIG, o), spider.parse_page) for o in following],
        [{"board": BIG, "offset": o} for o in following],
    )


# --- the shipped night ------------------------------------------------------------------------


def test_night_yields_every_posting_of_the_world_once(shipped_night):
    lines = shipped_night.postings(SOURCE)
    expected = len(shipped_records(SOURCE))
    assert (len(lines), len({line["source_id"] for line in lines})) == (expected, expected)


def test_night_covers_every_company_of_the_sources_file(shipped_night):
    companies = {line["url"].split("/")[3] for line in shipped_night.postings(SOURCE)}
    assert companies == set(shipped_sources()[SOURCE]["boards"])


def test_night_pages_through_the_big_company(shipped_night):
    ids = {
        line["source_id"]
        for line in shipped_night.postings(SOURCE)
        if line["url"].split("/")[3] == BIG
    }
    assert (len(ids), shipped_night.boards(SOURCE)[BIG]) == (112, {"postings": 112})


def test_night_asks_for_robots_every_list_page_and_every_detail_only(shipped_night):
    pages_and_details = sum(sum(_recorded(c)) for c in shipped_sources()[SOURCE]["boards"])
    assert shipped_night.requests(SOURCE) == (1 + pages_and_details, 0)


# --- its own failing cases, on the fault night ------------------------------------------------


def test_a_posting_whose_detail_failed_is_counted_not_a_board_error(fault_night):
    assert fault_night.boards(SOURCE)[HALF] == {"detail_failures": 1, "postings": 1}


def test_a_posting_whose_detail_failed_keeps_what_the_list_shows(fault_night):
    # The list shows both tonight; the one whose detail answered 404 is exported from its list
    # entry (no body), as Greenhouse and Workday do; tomorrow's list says whether it is gone.
    half = {
        line["source_id"]: line
        for line in fault_night.postings(SOURCE)
        if line["url"].split("/")[3] == HALF
    }
    assert sorted(half) == sorted([HALF_KEPT, HALF_GONE])
    assert [validate_posting(line) for line in half.values()] == [[], []]
    assert (half[HALF_GONE]["title"], half[HALF_GONE]["description"]) == ("Gone", "")
    assert half[HALF_KEPT]["description"] == "Open."
