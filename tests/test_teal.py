"""Teal: the header-line splitter, listing pages, the seed job page (embedded state and visible
page separately), the shipped world, and real `scrapy crawl teal` processes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html
from protego import Protego

from scrapers.contract import validate_posting
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
from scrapers.world import Recording, World
from spiders.teal import TealSpider
from tests.conftest import CRAWL_TIME, FIXTURES, ROOT, SHIPPED_WORLD, run_scrapy
from world.builder import world_records
from world.builder.teal import PAGE_SIZE, ROBOTS, format_age, placed_jobs

SEED_URL = (
    "https://www.tealhq.com/job/sr-software-engineer-backend_7ea1a4547c703cfa162aeecd3b88cadf23435"
)
SEED_ID = "7ea1a4547c703cfa162aeecd3b88cadf23435"
CAPTURE = FIXTURES / "seeds" / "teal-mercari-sr-software-engineer-backend.txt"
HTML = [("Content-Type", "text/html; charset=utf-8")]
# The seeds README's raw fields for this page.
SEED_FIELDS = {
    "url": SEED_URL,
    "source": "teal",
    "source_id": SEED_ID,
    "title": "Sr. Software Engineer, Backend",
    "company": "Mercari",
    "date_posted_raw": "2d",
    "salary_raw": "$168,000 - $252,000",
    "remote_raw": "Hybrid",
    "employment_type_raw": "Full-time",
    "seniority_raw": "Mid Level",
    "original_url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002",
    "apply_url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002",
    "page_language": "en",
    "crawled_at": CRAWL_TIME,
}
# Only the state holds these machine values.
STATE_STRUCTURED = {
    "salary": {"min": 168000, "max": 252000, "currency": "USD", "period": "year"},
    "remote": "hybrid",
    "date_posted": "2026-11-20",
    "employment_type": "FULL_TIME",
    "location_raw": "Palo Alto, CA",
}

# --- what a browser shows ----------------------------------------------------------------------

_HIDDEN = {"head", "script", "style", "template", "noscript", "svg"}
_BLOCK = re.compile(
    r"address|article|aside|blockquote|body|div|dl|dt|dd|figure|footer|form|header|hr|html|li"
    r"|main|nav|ol|p|pre|section|table|tr|ul|h[1-6]"
)


def visible_lines(page: str | bytes) -> list[str]:
    """The page's text as a browser lays it out: blocks on lines of their own, inline elements
    run together, list items with a bullet (as the capture shows them); whitespace collapsed."""
    lines = [""]

    def walk(element: lxml_html.HtmlElement) -> None:
        if not isinstance(element.tag, str) or element.tag in _HIDDEN:
            return
        block = bool(_BLOCK.fullmatch(element.tag))
        if block or element.tag == "br":
            lines.append("")
        lines[-1] += ("• " if element.tag == "li" else "") + (element.text or "")
        for child in element:
            walk(child)
            lines[-1] += child.tail or ""
        if block:
            lines.append("")

    walk(lxml_html.document_fromstring(page))
    return [" ".join(line.split()) for line in lines if line.split()]


def _capture_lines() -> list[str]:
    text = CAPTURE.read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.split()]


# --- the shipped world -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def teal_jobs() -> list:
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    return placed_jobs([r for r in records if "teal" in r.placements])


def _shipped(url: str) -> bytes:
    recording = World(SHIPPED_WORLD).lookup("GET", url)
    assert recording is not None, f"no recording for {url}"
    return recording.body


def _without_state(page: bytes) -> bytes:
    return re.sub(rb"<script>\s*window\.__REACT_QUERY_STATE__.*?</script>", b"", page, flags=re.S)


@pytest.fixture(scope="module")
def seed_page() -> bytes:
    return _shipped(SEED_URL)


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


# --- URLs and listing pages --------------------------------------------------------------------


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


def test_first_listing_page_links_ten_jobs_and_a_next_page(teal_jobs):
    listing = parse_listing(_shipped(listing_url()), url=listing_url())
    assert (listing.job_urls, listing.has_next) == ([j.url for j in teal_jobs[:10]], True)


def test_last_listing_page_has_no_next_page(teal_jobs):
    url = listing_url(None, 2)
    listing = parse_listing(_shipped(url), url=url)
    assert (listing.job_urls, listing.has_next) == ([j.url for j in teal_jobs[10:]], False)


def test_listing_skips_links_that_are_not_job_pages():
    page = b'<html><body><ul class="job-list"><li><a href="/blog/tips">Tips</a></li></ul></body>'
    listing = parse_listing(page, url=listing_url())
    assert (listing.job_urls, listing.skipped) == ([], ["not a Teal job link: '/blog/tips'"])


def test_a_page_that_is_not_a_listing_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_listing(b"<html><body><p>Just a moment...</p></body></html>", url=listing_url())


def test_robots_txt_allows_every_url_the_spider_requests(teal_jobs):
    robots = Protego.parse(ROBOTS)
    urls = [listing_url(), listing_url(None, 2), listing_url("go developer", 4)]
    urls += [job.url for job in teal_jobs]
    assert [u for u in urls if not robots.can_fetch(u, "jobsieve")] == []


def test_robots_txt_is_not_allow_all():
    assert not Protego.parse(ROBOTS).can_fetch("https://www.tealhq.com/app/home", "jobsieve")


# --- the seed page -----------------------------------------------------------------------------


def test_seed_page_shows_the_capture_line_for_line(seed_page):
    assert visible_lines(seed_page) == _capture_lines()


def test_seed_page_without_state_shows_the_same_text(seed_page):
    assert visible_lines(_without_state(seed_page)) == _capture_lines()


def test_seed_page_embeds_the_state(from_state):
    assert (from_state.has_state, from_state.state_problem) == (True, None)


def test_seed_page_copy_has_no_state(from_page):
    assert (from_page.has_state, from_page.state_problem) == (False, None)


@pytest.mark.parametrize(("field", "expected"), SEED_FIELDS.items())
def test_seed_field_from_state(from_state, field, expected):
    assert from_state.posting[field] == expected


@pytest.mark.parametrize(("field", "expected"), SEED_FIELDS.items())
def test_seed_field_from_visible_page(from_page, field, expected):
    assert from_page.posting[field] == expected


@pytest.mark.parametrize(("field", "expected"), STATE_STRUCTURED.items())
def test_seed_structured_field_from_state(from_state, field, expected):
    assert from_state.posting[field] == expected


def test_visible_page_alone_leaves_structured_fields_to_the_pipelines(from_page):
    assert [from_page.posting.get(f) for f in STATE_STRUCTURED] == [None] * len(STATE_STRUCTURED)


def test_seed_body_is_teals_sections(from_state):
    headings = re.findall(r"<h2>(.*?)</h2>", from_state.posting["description_html"])
    assert headings == ["About The Position", "Requirements", "Responsibilities", "Benefits"]


def test_seed_body_holds_no_chrome(from_state):
    body = from_state.posting["description_html"]
    assert [c for c in ("Stand Out", "What This Job Offers", "Teal Labs") if c in body] == []


def test_seed_body_same_on_both_paths(from_state, from_page):
    assert from_state.posting["description_html"] == from_page.posting["description_html"]


def test_seed_description_left_to_the_pipelines_when_html_exists(from_state):
    assert from_state.posting["description"] is None


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


# --- other pages of the world ------------------------------------------------------------------


def _job_with_state(teal_jobs, state: str):
    return next(job for job in teal_jobs if job.state == state)


def test_malformed_state_falls_back_to_the_page_and_says_why(teal_jobs):
    job = _job_with_state(teal_jobs, "malformed")
    page = parse_job_page(_shipped(job.url), url=job.url, crawled_at=CRAWL_TIME)
    assert (page.has_state, page.state_problem.startswith("malformed state")) == (False, True)


def test_malformed_state_page_still_gives_the_posting(teal_jobs):
    job = _job_with_state(teal_jobs, "malformed")
    posting = parse_job_page(_shipped(job.url), url=job.url, crawled_at=CRAWL_TIME).posting
    assert (posting["title"], posting["company"], posting["original_url"]) == (
        job.record.title,
        job.record.company,
        job.original_url,
    )


def test_page_without_state_gives_the_posting(teal_jobs):
    job = _job_with_state(teal_jobs, "absent")
    page = parse_job_page(_shipped(job.url), url=job.url, crawled_at=CRAWL_TIME)
    assert (page.has_state, page.posting["title"], page.posting["remote_raw"]) == (
        False,
        job.record.title,
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
        ({"pages": "0"}, "pages='0'"),
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


# --- real crawls -------------------------------------------------------------------------------


def _stats(stderr: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"'([^']+)': (\d+),?$", stderr, flags=re.M)}


def _crawl(tmp: Path, world: Path, *args: str) -> tuple[list[dict], dict[str, int], str]:
    out = tmp / "out.jsonl"
    result = run_scrapy(
        "crawl",
        "teal",
        *args,
        "-s",
        f"JOBSIEVE_WORLD={world}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        # The world answers at once: no need to be polite to it.
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=false",
        "-O",
        str(out),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    return lines, _stats(result.stderr), result.stderr


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> tuple[list[dict], dict[str, int], str]:
    return _crawl(tmp_path_factory.mktemp("teal"), SHIPPED_WORLD)


def test_crawl_every_line_is_valid(crawl):
    lines, _, _ = crawl
    assert lines and [validate_posting(line) for line in lines] == [[]] * len(lines)


def test_crawl_yields_every_recorded_posting(crawl, teal_jobs):
    lines, _, _ = crawl
    assert sorted(line["url"] for line in lines) == sorted(job.url for job in teal_jobs)


def test_crawl_counts_the_malformed_state(crawl):
    _, stats, _ = crawl
    assert stats.get("jobsieve/source/teal/all/malformed_state") == 1


def test_crawl_misses_no_recording_and_drops_nothing(crawl):
    _, stats, _ = crawl
    assert [k for k in stats if k.startswith(("jobsieve/world/missing", "jobsieve/dropped"))] == []


@pytest.fixture(scope="module")
def seed_line(crawl) -> dict:
    lines, _, _ = crawl
    return next(line for line in lines if line["source_id"] == SEED_ID)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        *SEED_FIELDS.items(),
        ("id", f"teal:{SEED_ID}"),
        ("seniority", "senior"),
        ("salary", STATE_STRUCTURED["salary"]),
        ("remote", "hybrid"),
        ("date_posted", "2026-11-20"),
        ("employment_type", "FULL_TIME"),
        ("language", "en"),
        ("locations", [{"city": "Palo Alto", "region": "CA", "country": "US"}]),
    ],
)
def test_crawled_seed_field(seed_line, field, expected):
    assert seed_line[field] == expected


def test_crawled_seed_body_keeps_every_section(seed_line):
    body = seed_line["description"]
    assert [
        h
        for h in ("About The Position", "Requirements", "Responsibilities", "Benefits")
        if h not in body
    ] == []


def _faulty_world(root: Path) -> Path:
    """The shipped Teal pages; the first listing page also links a job Teal answers 403, a job
    that is gone (no recording: 404) and a job answered with a page that is not a job page; the
    listing of the query "blocked" is itself answered 403."""
    world = World(root)
    for exchange in World(SHIPPED_WORLD).exchanges():
        if exchange.parent.name == "www.tealhq.com":
            world.save(World(SHIPPED_WORLD).read(exchange))
    extra = {
        name: f"/job/{name}_7ea1a{str(n) * 32}"
        for n, name in enumerate(("blocked", "gone", "challenge"), 1)
    }
    cards = "".join(
        f'<li class="job-card"><a href="{path}">{name}</a></li>' for name, path in extra.items()
    )
    first = _shipped(listing_url()).replace(b"</ul>", cards.encode() + b"</ul>")
    world.save(Recording("GET", listing_url(), 200, HTML, first))
    world.save(
        Recording(
            "GET",
            SITE + extra["blocked"],
            403,
            HTML,
            b"<html><body><h1>Forbidden</h1></body></html>",
        )
    )
    world.save(
        Recording(
            "GET",
            SITE + extra["challenge"],
            200,
            HTML,
            b"<html><body><p>Just a moment...</p></body></html>",
        )
    )
    world.save(
        Recording(
            "GET",
            listing_url("blocked"),
            403,
            HTML,
            b"<html><body><h1>Forbidden</h1></body></html>",
        )
    )
    return root


@pytest.fixture(scope="module")
def faulty_world(tmp_path_factory) -> Path:
    return _faulty_world(tmp_path_factory.mktemp("faulty") / "world")


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory, faulty_world) -> tuple[list[dict], dict[str, int], str]:
    return _crawl(tmp_path_factory.mktemp("faulty-crawl"), faulty_world, "-a", "pages=1")


def test_blocked_job_is_counted(faulty_crawl):
    _, stats, _ = faulty_crawl
    assert (stats.get("jobsieve/blocked"), stats.get("jobsieve/source/teal/all/blocked")) == (1, 1)


def test_blocked_job_is_never_parsed(faulty_crawl):
    lines, _, _ = faulty_crawl
    assert [line["url"] for line in lines if "Forbidden" in (line["title"] or "")] == []


def test_gone_and_garbled_jobs_are_skipped_and_the_crawl_goes_on(faulty_crawl):
    lines, stats, _ = faulty_crawl
    assert (stats.get("jobsieve/source/teal/all/skipped"), len(lines)) == (2, 10)


def test_pages_argument_stops_the_listing(faulty_crawl, teal_jobs):
    lines, stats, _ = faulty_crawl
    # robots.txt, the first listing page, its 10 jobs and the 3 faulty ones: no second page.
    assert (sorted(line["url"] for line in lines), stats["downloader/request_count"]) == (
        sorted(job.url for job in teal_jobs[:PAGE_SIZE]),
        15,
    )


def test_faulty_crawl_every_line_is_valid(faulty_crawl):
    lines, _, _ = faulty_crawl
    assert [validate_posting(line) for line in lines] == [[]] * len(lines)


def test_blocked_listing_is_a_counted_board_error(tmp_path_factory, faulty_world):
    lines, stats, _ = _crawl(
        tmp_path_factory.mktemp("blocked"), faulty_world, "-a", "query=blocked"
    )
    assert (
        lines,
        stats.get("jobsieve/blocked"),
        stats.get("jobsieve/source/teal/blocked/error"),
    ) == (
        [],
        1,
        1,
    )


def test_bad_argument_stops_the_crawl_at_start():
    result = run_scrapy("crawl", "teal", "-a", "pages=0", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}")
    assert (
        result.returncode != 0 and "pages='0' is not a whole number from 1 to 50" in result.stderr
    )
