"""Teal: the header-line splitter, listing pages, the seed job page (embedded state and visible
page separately), the shipped world and night, and the pages Teal refuses or garbles.

Whole callback outputs are golden cases (tests/fixtures/golden/teal/); the whole crawl is the
shared shipped night (tests/support/nights.py). Teal has no boards (one search a crawl), so its
failing pages are real crawls in the test process (tests.support.inprocess.crawl) over the shipped
world with a few answers changed, rather than boards of the fault night.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import pytest_twisted
from protego import Protego

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.teal import (
    SITE,
    HeaderParts,
    format_salary,
    job_id_from_url,
    listing_url,
    parse_job_page,
    parse_listing,
    split_header_line,
)
from scrapers.world import Recording
from spiders.teal import TealSpider
from tests.support.inprocess import (
    CRAWL_TIME,
    Crawl,
    crawl,
    file_response,
    recording,
    run_callback,
    spider_for,
    world_with,
)
from tests.support.nights import shipped_records
from tests.support.seeds import load_seeds
from tests.support.visible import capture_lines, visible_lines
from world.builder.teal import PAGE_SIZE, ROBOTS, format_age, placed_jobs

SEED = load_seeds()["teal"]
SEED_URL, SEED_ID = SEED.page["url"], SEED.source_id
HTML = [("Content-Type", "text/html; charset=utf-8")]
# The seed page's raw fields: title, company, the header line split into age, pay and workplace,
# the widget's job type and career level, and the Greenhouse posting it was copied from.
SEED_FIELDS = SEED.page | {"source": "teal", "source_id": SEED_ID, "crawled_at": CRAWL_TIME}
# Only the state holds these machine values.
STATE_STRUCTURED = SEED.state | {
    name: SEED.item[name] for name in ("salary", "remote", "date_posted", "employment_type")
}
SECTIONS = SEED.body["headings"]


# --- a real crawl in-process ------------------------------------------------------------------


# --- the shipped world -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def teal_jobs() -> list:
    return placed_jobs(shipped_records("teal"))


def _without_state(page: bytes) -> bytes:
    return re.sub(rb"<script>\s*window\.__REACT_QUERY_STATE__.*?</script>", b"", page, flags=re.S)


@pytest.fixture(scope="module")
def seed_page() -> bytes:
    return recording(SEED_URL).body


@pytest.fixture(scope="module")
def from_state(seed_page):
    return parse_job_page(seed_page, url=SEED_URL, crawled_at=CRAWL_TIME)


@pytest.fixture(scope="module")
def from_page(seed_page):
    return parse_job_page(_without_state(seed_page), url=SEED_URL, crawled_at=CRAWL_TIME)


# --- the header line ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2d$168,000 - $252,000Hybrid", ("2d", "$168,000 - $252,000", "Hybrid")),
        ("5hRemote", ("5h", None, "Remote")),
        ("3w€45,000 - €60,000Onsite", ("3w", "€45,000 - €60,000", "Onsite")),
        ("30d+$120k - $150kOn-site", ("30d+", "$120k - $150k", "On-site")),
        ("1d£30 - £35/hrRemote", ("1d", "£30 - £35/hr", "Remote")),
        ("12d$90,000+Onsite", ("12d", "$90,000+", "Onsite")),
        ("3mOnsite", ("3m", None, "Onsite")),
        ("$168,000 - $252,000Hybrid", (None, "$168,000 - $252,000", "Hybrid")),
        ("2d$168,000 - $252,000", ("2d", "$168,000 - $252,000", None)),
        ("2d · $80k+ · Remote", ("2d", "$80k+", "Remote")),
        ("2d", ("2d", None, None)),
        ("Hybrid", (None, None, "Hybrid")),
        ("$95,000", (None, "$95,000", None)),
        ("2dCompetitiveHybrid", ("2d", None, "Hybrid")),
        ("", (None, None, None)),
        (None, (None, None, None)),
    ],
)
def test_header_line_splits(line, expected):
    assert split_header_line(line) == HeaderParts(*expected)


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        ((168000, 252000, "USD", "year"), "$168,000 - $252,000"),
        ((45000, None, "EUR", "year"), "€45,000+"),
        ((None, 90000, "GBP", "year"), "Up to £90,000"),
        ((25, 30.5, "USD", "hour"), "$25 - $30.50/hr"),
        ((None, None, "USD", "year"), None),
    ],
)
def test_salary_printed_as_teal_prints_it(salary, expected):
    assert format_salary(*salary) == expected


@pytest.mark.parametrize(
    ("posted_at", "expected"),
    [
        ("2026-11-20T00:00:00Z", "2d"),
        ("2026-11-21T22:00:00Z", "5h"),
        ("2026-09-01T00:00:00Z", "30d+"),
    ],
)
def test_age_label(posted_at, expected):
    assert format_age(posted_at) == expected


# --- URLs and listing pages (golden teal/listing-first-page and listing-last-page) --------------


@pytest.mark.parametrize(
    ("query", "page", "expected"),
    [
        (None, 1, "https://www.tealhq.com/jobs"),
        (None, 2, "https://www.tealhq.com/jobs?page=2"),
        ("data engineer", 3, "https://www.tealhq.com/jobs?query=data+engineer&page=3"),
    ],
)
def test_listing_url(query, page, expected):
    assert listing_url(query, page) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (SEED_URL, SEED_ID),
        (f"{SEED_URL}?utm_source=x", SEED_ID),
        (
            "https://www.tealhq.com/job/x_0f8e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
            "0f8e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
        ),
        ("https://www.tealhq.com/jobs?page=2", None),
        ("https://example.com/job/x_7ea1a4547c703cfa162aeecd3b88cadf23435", None),
    ],
)
def test_job_id_from_url(url, expected):
    assert job_id_from_url(url) == expected


@pytest.mark.parametrize(("page", "has_next"), [(1, True), (2, False)])
def test_listing_pages_link_the_world_jobs_in_order(teal_jobs, page, has_next):
    url = listing_url(None, page)
    listing = parse_listing(recording(url).body, url=url, crawled_at=CRAWL_TIME)
    shown = teal_jobs[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    assert (listing.job_urls, listing.has_next) == ([job.url for job in shown], has_next)


def test_listing_skips_links_that_are_not_job_pages():
    page = b'<html><body><ul class="job-list"><li><a href="/blog/tips">Tips</a></li></ul></body>'
    listing = parse_listing(page, url=listing_url(), crawled_at=CRAWL_TIME)
    assert (listing.job_urls, listing.skipped) == ([], ["not a Teal job link: '/blog/tips'"])


def test_a_page_that_is_not_a_listing_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_listing(
            b"<html><body><p>Just a moment...</p></body></html>",
            url=listing_url(),
            crawled_at=CRAWL_TIME,
        )


def test_pages_argument_stops_the_listing():
    spider = spider_for("teal", pages="1")
    response = file_response(recording(listing_url()), cb_kwargs={"board": "all", "page": 1})
    requests = run_callback(spider, "parse_listing", response, board="all", page=1).requests
    assert [r.callback.__name__ for r in requests] == ["parse_job"] * PAGE_SIZE


def test_robots_txt_allows_every_url_the_spider_requests(teal_jobs):
    robots = Protego.parse(ROBOTS)
    urls = [listing_url(), listing_url(None, 2), listing_url("go developer", 4)]
    urls += [job.url for job in teal_jobs]
    assert [u for u in urls if not robots.can_fetch(u, "jobsieve")] == []


def test_robots_txt_is_not_allow_all():
    assert not Protego.parse(ROBOTS).can_fetch("https://www.tealhq.com/app/home", "jobsieve")


# --- the seed page (its whole item: golden teal/seed-job) ---------------------------------------


@pytest.mark.parametrize("state", [True, False], ids=["with state", "without state"])
def test_seed_page_shows_the_capture_line_for_line(seed_page, state):
    page = seed_page if state else _without_state(seed_page)
    assert visible_lines(page) == capture_lines(SEED.text())


def test_seed_from_the_embedded_state(from_state):
    expected = SEED_FIELDS | STATE_STRUCTURED
    assert (
        from_state.has_state,
        from_state.state_problem,
        {field: from_state.posting[field] for field in expected},
    ) == (True, None, expected)


def test_visible_page_alone_gives_the_same_but_leaves_structured_fields_to_the_pipelines(
    from_state, from_page
):
    state, page = from_state.posting, from_page.posting
    differ = {k: page.get(k) for k in state.keys() | page.keys() if state.get(k) != page.get(k)}
    assert (from_page.has_state, from_page.state_problem, differ) == (
        False,
        None,
        dict.fromkeys(STATE_STRUCTURED),
    )


def test_seed_body_is_teals_sections_without_chrome(from_state):
    body = from_state.posting["description_html"]
    chrome = [c for c in ("Stand Out", "What This Job Offers", "Teal Labs") if c in body]
    assert (re.findall(r"<h2>(.*?)</h2>", body), chrome) == (SECTIONS, [])


def test_state_body_is_the_description_when_the_page_shows_none(seed_page):
    page = re.sub(rb'<section class="job-description">.*?</section>', b"", seed_page, flags=re.S)
    posting = parse_job_page(page, url=SEED_URL, crawled_at=CRAWL_TIME).posting
    assert (posting["description_html"], posting["description"][:47]) == (
        None,
        "About The Position\nMercari is Your Marketplace.",
    )


def test_a_page_that_is_not_a_job_page_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_page(
            b"<html><body><p>Access denied</p></body></html>", url=SEED_URL, crawled_at=CRAWL_TIME
        )


# --- other pages of the world (golden teal/job-malformed-state and job-without-state) -----------


@pytest.mark.parametrize(("state", "problem"), [("malformed", "malformed state"), ("absent", None)])
def test_a_page_without_a_readable_state_is_read_from_the_page_and_says_why(
    teal_jobs, state, problem
):
    job = next(job for job in teal_jobs if job.state == state)
    page = parse_job_page(recording(job.url).body, url=job.url, crawled_at=CRAWL_TIME)
    assert (
        page.has_state,
        page.state_problem and page.state_problem[: len(problem)],
        (page.posting["title"], page.posting["company"], page.posting["original_url"]),
        page.posting["remote_raw"],
    ) == (
        False,
        problem,
        (job.record.title, job.record.company, job.original_url),
        job.workplace,
    )


def test_world_holds_the_seed(teal_jobs):
    assert SEED_URL in [job.url for job in teal_jobs]


def test_world_holds_eight_more_postings_over_two_listing_pages(teal_jobs):
    assert len(teal_jobs) > PAGE_SIZE >= 8


def test_world_postings_point_at_several_ats(teal_jobs):
    hosts = {urlsplit(job.original_url).hostname.split(".", 1)[1] for job in teal_jobs}
    assert {"greenhouse.io", "lever.co", "wd5.myworkdayjobs.com", "smartrecruiters.com"} <= hosts


def test_world_bodies_in_several_languages(teal_jobs):
    assert len({job.record.language for job in teal_jobs}) >= 3


# --- spider arguments --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pages": "0"}, "pages='0' is not a whole number from 1 to 50"),
        ({"pages": "many"}, "pages='many'"),
        ({"pages": "51"}, "pages='51'"),
        ({"query": "   "}, "query='   '"),
        ({"query": "x" * 101}, "query="),
        ({"boards": "mercari"}, "has no boards"),
    ],
)
def test_bad_arguments_fail_with_a_message(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        TealSpider(**kwargs)


def test_arguments_are_typed():
    spider = TealSpider(query="  data   engineer ", pages="3")
    assert (spider.query, spider.pages, spider.board) == ("data engineer", 3, "data-engineer")


# --- the shipped night -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def feed(shipped_night) -> list[dict]:
    return shipped_night.postings("teal")


def test_night_yields_every_recorded_posting(feed, teal_jobs):
    assert sorted(line["url"] for line in feed) == sorted(job.url for job in teal_jobs)


def test_night_counts_the_malformed_state(shipped_night):
    assert shipped_night.boards("teal")["all"].get("broken_page_data") == 1


def test_night_misses_no_recording_and_drops_nothing(shipped_night):
    report = shipped_night.report["sources"]["teal"]
    assert (
        report["missing_recordings"],
        report["dropped_by_reason"],
        report["invalid_by_reason"],
    ) == (0, {}, {})


# --- pages Teal refuses or garbles, crawled in-process ------------------------------------------

FORBIDDEN = b"<html><body><h1>Forbidden</h1></body></html>"
# Three more cards on the first listing page: a job Teal answers 403, one that is gone (404) and
# one answered with a page that is not a job page.
FAULTY = {
    name: f"{SITE}/job/{name}_7ea1a{str(n) * 32}"
    for n, name in enumerate(("blocked", "gone", "challenge"), 1)
}


def _faulty_first_page() -> list[Recording]:
    cards = "".join(
        f'<li class="job-card"><a href="{urlsplit(url).path}">{name}</a></li>'
        for name, url in FAULTY.items()
    )
    first = recording(listing_url()).body.replace(b"</ul>", cards.encode() + b"</ul>")
    return [
        Recording("GET", listing_url(), 200, HTML, first),
        Recording("GET", FAULTY["blocked"], 403, HTML, FORBIDDEN),
        Recording("GET", FAULTY["gone"], 404, HTML, b"<html><body>Not found</body></html>"),
        Recording("GET", FAULTY["challenge"], 200, HTML, b"<p>Just a moment...</p>"),
    ]


@pytest_twisted.async_fixture(scope="module")
async def faulty(tmp_path_factory) -> Crawl:
    root = tmp_path_factory.mktemp("teal-faulty")
    world = world_with(root / "world", *_faulty_first_page())
    return await crawl("teal", world=world, feeds=root / "feeds", pages="1")


def test_faulty_pages_are_counted_and_the_listing_goes_on(faulty, teal_jobs):
    # Their cards show no title: nothing to export, the blocked and the garbled job are held
    # (tests/test_card_fallbacks.py exports cards that do).
    counters = faulty.counters()
    assert (
        sorted(item["url"] for item in faulty.items),
        counters.get("jobsieve/blocked"),
        counters.get("jobsieve/source/teal/all/blocked"),
        counters.get("jobsieve/source/teal/all/detail_error"),
        counters.get("jobsieve/source/teal/all/skipped"),
        counters.get("jobsieve/source/teal/all/held"),
    ) == (sorted(job.url for job in teal_jobs[:PAGE_SIZE]), 1, 1, 2, 3, 2)


def test_one_listing_page_and_its_jobs_are_all_that_is_fetched(faulty, teal_jobs):
    # robots.txt first, then the listing it allows, then the listing's jobs once each.
    jobs = [job.url for job in teal_jobs[:PAGE_SIZE]] + list(FAULTY.values())
    robots, listing, *rest = [r.url for r in faulty.sent]
    assert (robots, listing, sorted(rest)) == (f"{SITE}/robots.txt", listing_url(), sorted(jobs))


@pytest_twisted.ensureDeferred
async def test_a_blocked_listing_is_counted_blocked_not_an_error_and_leaves_the_board_incomplete(
    tmp_path,
):
    world = world_with(
        tmp_path / "world", Recording("GET", listing_url("blocked"), 403, HTML, FORBIDDEN)
    )
    done = await crawl("teal", world=world, feeds=tmp_path / "feeds", query="blocked")
    counters = done.counters()
    assert (
        done.items,
        counters.get("jobsieve/blocked"),
        counters.get("jobsieve/source/teal/blocked/blocked"),
        counters.get("jobsieve/source/teal/blocked/error"),
        counters.get("jobsieve/source/teal/blocked/incomplete"),
    ) == ([], 1, 1, None, 1)
