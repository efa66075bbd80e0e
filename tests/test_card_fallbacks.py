"""Teal and NoDegree: a job page that cannot be read never loses a job its listing shows. The
listing card's fields (title, company, age, pay, place…) are exported as the posting, counted as
``…/<board>/detail_error`` (and ``…/blocked`` for a challenge); a page that is gone (404) exports
nothing; a card without a title leaves the job held.

The listings are fixtures written here (tests/fixtures/cards/), shaped as the world's listing
pages: each card read in-process, then a real crawl in the test process over the shipped world
with the listing and its job pages' answers changed (tests.support.inprocess.world_with).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pytest_twisted

from scrapers.contract import validate_posting
from scrapers.extractors import nodegree, teal
from scrapers.world import Recording
from tests.support.inprocess import CRAWL_TIME, Crawl, crawl, world_with

FIXTURES = Path(__file__).parent / "fixtures" / "cards"
HTML = [("Content-Type", "text/html; charset=utf-8")]
# A Cloudflare bot challenge, as it answers a job page.
CHALLENGE = [*HTML, ("cf-mitigated", "challenge")]
CHALLENGE_PAGE = b"<html><head><title>Just a moment...</title></head><body></body></html>"
SERVER_ERROR = b"<html><body><h1>500 Internal Server Error</h1></body></html>"
NOT_FOUND = b"<html><body><h1>Not found</h1></body></html>"
NOT_A_JOB = b"<html><body><p>Upstream error, try again later.</p></body></html>"


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _raw(item: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: item.get(name) for name in names}


# --- Teal: each card of the listing ---------------------------------------------------------

TEAL_QUERY = "bakery"
TEAL_LISTING = teal.listing_url(TEAL_QUERY)
TEAL_JOBS = {
    name: f"{teal.SITE}/job/{name}_7ea1a{digit * 32}"
    for digit, name in (
        ("1", "night-baker"),
        ("2", "pastry-lead"),
        ("3", "bread-runner"),
        ("4", "remote-recipe-writer"),
        ("5", "oven-hand"),
    )
}
TEAL_SEED = f"{teal.SITE}/job/sr-software-engineer-backend_7ea1a4547c703cfa162aeecd3b88cadf23435"
TEAL_FIELDS = ("title", "company", "location_raw", "date_posted_raw", "salary_raw", "remote_raw")
TEAL_CARDS = {
    "night-baker": ("Night Baker", "Fernhill Bakeries", None, "3d", "$52,000 - $61,000", "Onsite"),
    "pastry-lead": (
        "Pastry Lead", "Fernhill Bakeries", "Leeds, United Kingdom", "5h", None, "Hybrid"
    ),
    "bread-runner": ("Bread Runner", "Fernhill Bakeries", None, "30d+", "$18 - $21/hr", "Onsite"),
    # The title in a heading around the link, the rest beside it.
    "remote-recipe-writer": (
        "Remote Recipe Writer", "Oast & Crumb", None, "12d", "€40,000+", "Remote"
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def teal_listing() -> teal.Listing:
    return teal.parse_listing(
        _fixture("teal-listing.html"), url=TEAL_LISTING, crawled_at=CRAWL_TIME
    )


@pytest.mark.parametrize("name", TEAL_CARDS)
def test_a_teal_card_reads_as_the_job_page_shows_its_header(teal_listing, name):
    url = TEAL_JOBS[name]
    posting = teal_listing.postings[url]
    assert (
        tuple(posting[field] for field in TEAL_FIELDS),
        _raw(posting, ("url", "source", "source_id", "crawled_at")),
    ) == (
        TEAL_CARDS[name],
        {
            "url": url,
            "source": "teal",
            "source_id": teal.job_id_from_url(url),
            "crawled_at": CRAWL_TIME,
        },
    )


def test_a_teal_card_without_a_title_has_no_posting_but_is_still_requested(teal_listing):
    assert (
        TEAL_JOBS["oven-hand"] in teal_listing.job_urls,
        TEAL_JOBS["oven-hand"] in teal_listing.postings,
        len(teal_listing.job_urls),
    ) == (True, False, 6)


# --- NoDegree: each card of the listing -------------------------------------------------------

ORG = "kestrel"
NODEGREE_LISTING = nodegree.organization_jobs_url(ORG)
NODEGREE_JOBS = {
    name: f"{nodegree.HOST}/organizations/{ORG}/jobs/{name}-J{digit * 32}_ONoDegreeKESTREL001"
    for digit, name in (
        ("1", "line-cook"),
        ("2", "sous-chef"),
        ("3", "pot-washer"),
        ("4", "pastry-chef"),
        ("5", "kitchen-porter"),
        ("6", "head-chef"),
    )
}
NODEGREE_FIELDS = (
    "title", "company", "location_raw", "seniority_raw", "date_posted_raw", "salary_raw"
)  # fmt: skip
NODEGREE_CARDS = {
    "line-cook": ("Line Cook", "Kestrel Kitchens", "Lisbon, Portugal", None, "3 days ago", None),
    # Chips marked by their icon, as on the job page.
    "sous-chef": (
        "Sous Chef", "Kestrel Kitchens", "Porto, Portugal", "Senior-Level", "1 week ago",
        "€30,000 - €36,000 / year",
    ),
    "pot-washer": (
        "Pot Washer", "Kestrel Kitchens", "Lisbon, Portugal", None, "2 months ago", None
    ),
    # Unmarked lines read by what they say.
    "pastry-chef": (
        "Pastry Chef", "Kestrel Kitchens", "Remote - Portugal", "Entry-Level", "today",
        "€1,200 - €1,500 / month",
    ),
    "head-chef": ("Head Chef", "Kestrel Kitchens", "Lisbon, Portugal", None, "4 days ago", None),
}  # fmt: skip


@pytest.fixture(scope="module")
def nodegree_listing() -> nodegree.Listing:
    return nodegree.parse_listing(
        _fixture("nodegree-listing.html"), NODEGREE_LISTING, crawled_at=CRAWL_TIME
    )


@pytest.mark.parametrize("name", NODEGREE_CARDS)
def test_a_nodegree_card_reads_as_the_job_page_shows_its_chips(nodegree_listing, name):
    url = NODEGREE_JOBS[name]
    posting = nodegree_listing.postings[url]
    assert (
        tuple(posting[field] for field in NODEGREE_FIELDS),
        _raw(posting, ("url", "source", "source_id", "crawled_at")),
    ) == (
        NODEGREE_CARDS[name],
        {
            "url": url,
            "source": "nodegree",
            "source_id": nodegree.job_url_parts(url)[1],
            "crawled_at": CRAWL_TIME,
        },
    )


def test_a_nodegree_card_whose_link_says_view_job_has_no_title(nodegree_listing):
    # "View job" is the link's text, not the job's title: the card shows none.
    assert (
        NODEGREE_JOBS["kitchen-porter"] in nodegree_listing.job_urls,
        NODEGREE_JOBS["kitchen-porter"] in nodegree_listing.postings,
    ) == (True, False)


# --- real crawls: the job pages fail --------------------------------------------------------


def _teal_world(root: Path) -> Path:
    return world_with(
        root,
        Recording("GET", TEAL_LISTING, 200, HTML, _fixture("teal-listing.html")),
        Recording("GET", TEAL_JOBS["night-baker"], 500, HTML, SERVER_ERROR),
        Recording("GET", TEAL_JOBS["pastry-lead"], 403, CHALLENGE, CHALLENGE_PAGE),
        Recording("GET", TEAL_JOBS["bread-runner"], 404, HTML, NOT_FOUND),
        Recording("GET", TEAL_JOBS["remote-recipe-writer"], 200, HTML, NOT_A_JOB),
        Recording("GET", TEAL_JOBS["oven-hand"], 500, HTML, SERVER_ERROR),
    )


def _nodegree_world(root: Path) -> Path:
    return world_with(
        root,
        Recording("GET", NODEGREE_LISTING, 200, HTML, _fixture("nodegree-listing.html")),
        Recording("GET", NODEGREE_JOBS["line-cook"], 500, HTML, SERVER_ERROR),
        Recording("GET", NODEGREE_JOBS["sous-chef"], 403, CHALLENGE, CHALLENGE_PAGE),
        Recording("GET", NODEGREE_JOBS["pot-washer"], 404, HTML, NOT_FOUND),
        Recording("GET", NODEGREE_JOBS["pastry-chef"], 200, HTML, NOT_A_JOB),
        Recording("GET", NODEGREE_JOBS["kitchen-porter"], 500, HTML, SERVER_ERROR),
        Recording("GET", NODEGREE_JOBS["head-chef"], 200, HTML, _fixture("nodegree-job.html")),
    )


@pytest_twisted.async_fixture(scope="module")
async def crawls(tmp_path_factory) -> dict[str, Crawl]:
    """One real crawl per source over its listing, whose job pages fail each their own way."""
    root = tmp_path_factory.mktemp("card-fallbacks")
    return {
        "teal": await crawl(
            "teal", world=_teal_world(root / "teal"), feeds=root / "teal-feeds", query=TEAL_QUERY
        ),
        "nodegree": await crawl(
            "nodegree",
            world=_nodegree_world(root / "nodegree"),
            feeds=root / "nodegree-feeds",
            organizations=ORG,
        ),
    }


# (the counters' board, the jobs by name)
CRAWLS = {
    "teal": (f"jobsieve/source/teal/{TEAL_QUERY}/", TEAL_JOBS),
    "nodegree": (f"jobsieve/source/nodegree/{ORG}/", NODEGREE_JOBS),
}
# Per source: the job whose page answers 500, the one behind a challenge, the unreadable one,
# the gone one, and the one whose card has no title.
ROLES = {
    "teal": ("night-baker", "pastry-lead", "remote-recipe-writer", "bread-runner", "oven-hand"),
    "nodegree": ("line-cook", "sous-chef", "pastry-chef", "pot-washer", "kitchen-porter"),
}
CARD_VALUES = {"teal": TEAL_CARDS, "nodegree": NODEGREE_CARDS}
CARD_FIELDS = {"teal": TEAL_FIELDS, "nodegree": NODEGREE_FIELDS}


def _done(crawls: dict[str, Crawl], source: str) -> tuple[Crawl, str, dict[str, str]]:
    board, jobs = CRAWLS[source]
    return crawls[source], board, jobs


@pytest.mark.parametrize("role", [0, 1, 2], ids=["page 500", "page 403 challenge", "unreadable"])
@pytest.mark.parametrize("source", CRAWLS)
def test_a_failed_job_page_exports_the_card(crawls, source, role):
    done, _, jobs = _done(crawls, source)
    name = ROLES[source][role]
    [item] = [i for i in done.items if i["url"] == jobs[name]]
    assert (
        _raw(item, CARD_FIELDS[source]),
        (item["description_html"], item["source"], validate_posting(item)),
    ) == (
        dict(zip(CARD_FIELDS[source], CARD_VALUES[source][name], strict=True)),
        (None, source, []),
    )


@pytest.mark.parametrize("source", CRAWLS)
def test_every_failure_is_counted_and_only_the_untitled_card_is_held(crawls, source):
    done, board, jobs = _done(crawls, source)
    counters = done.counters(board)
    gone = "expired" if source == "nodegree" else "skipped"
    untitled = ROLES[source][4]
    [held] = [reason for reasons in done.reasons("held").values() for reason in reasons]
    assert (
        {k.removeprefix(board): v for k, v in counters.items()},
        done.counters("jobsieve/blocked"),
        f"no detail: HTTP 500 from {jobs[untitled]}" in held,
        sum("keeping what the list shows" in line for line in done.log),
    ) == (
        {
            "detail_error": 4,
            "blocked": 1,
            # The gone job (NoDegree counts it expired), and the untitled card, held.
            **({"expired": 1, "skipped": 1} if gone == "expired" else {"skipped": 2}),
            "held": 1,
            # Three cards and the one page that reads.
            "postings": 4,
        },
        {"jobsieve/blocked": 1},
        True,
        3,
    )


@pytest.mark.parametrize("source", CRAWLS)
def test_a_gone_page_exports_nothing_and_a_page_that_reads_wins_over_its_card(crawls, source):
    done, _, jobs = _done(crawls, source)
    gone = jobs[ROLES[source][3]]
    read = TEAL_SEED if source == "teal" else jobs["head-chef"]
    [page] = [i for i in done.items if i["url"] == read]
    assert (
        gone in {i["url"] for i in done.items},
        bool(page["description_html"]),
        len(done.items),
    ) == (False, True, 4)
