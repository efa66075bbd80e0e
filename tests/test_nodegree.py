"""NoDegree: the seed page (seed 1) and the rest of the recorded board, extraction to crawl.

Expectations for the seed: ../shared/seeds/README.md and tests/fixtures/seeds/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from protego import Protego

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.nodegree import (
    HOST,
    PostingGone,
    job_url_parts,
    organization_jobs_url,
    parse_job_page,
    parse_listing,
)
from scrapers.world import Recording, World
from spiders.nodegree import NodegreeSpider
from tests.conftest import CRAWL_TIME, FIXTURES, ROOT, SHIPPED_WORLD, run_scrapy
from world.builder import world_records
from world.builder.nodegree import HTML_HEADERS, job_path

SEED_URL = (
    "https://jobs.nodegree.com/organizations/farfetch/jobs/"
    "backend-engineer-Jce7672804fe64ff4946cef925788478e_ONoDegreejnw1Dw13VD"
)
BLURB = (
    "Online luxury fashion marketplace connecting consumers with boutiques and brands worldwide, "
    "offering curated designer clothing, accessories, and lifestyle products."
)
ORGANIZATIONS = ("farfetch", "marisol-pay", "hafenwerk")

# --- helpers ------------------------------------------------------------------------------------

_HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "dd", "dt",
        "figure", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    }
)  # fmt: skip


def visible_lines(page: str | bytes) -> list[str]:
    """The page's text as a browser copy shows it: block elements on lines of their own, items
    of a bulleted list prefixed "•", nothing from <head>, scripts or icons; blank lines and
    runs of spaces dropped."""
    parts: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is not None and tag not in _HIDDEN:
            block = tag in _BLOCKS or tag == "br"
            parts.append("\n" if block else "")
            if tag == "li" and element.getparent() is not None and element.getparent().tag == "ul":
                parts.append("• ")
            parts.append(element.text or "")
            for child in element:
                walk(child)
            parts.append("\n" if block else "")
        parts.append(element.tail or "")

    walk(lxml.html.fromstring(page))
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return [line for line in lines if line]


def _page(url: str) -> Recording:
    recording = World(SHIPPED_WORLD).lookup("GET", url)
    assert recording is not None, url
    return recording


def _records() -> list:
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    return [r for r in records if "nodegree" in r.placements]


def _stats(stderr: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"'(jobsieve/[^']+)': (\d+)", stderr)}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# --- the seed page ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_page() -> Recording:
    return _page(SEED_URL)


@pytest.fixture(scope="module")
def seed(seed_page) -> dict:
    return parse_job_page(seed_page.body, SEED_URL, crawled_at=CRAWL_TIME)


def test_seed_page_shows_the_seed_capture_line_for_line(seed_page):
    capture = (FIXTURES / "seeds" / "nodegree-farfetch-backend-engineer.txt").read_text("utf-8")
    expected = [" ".join(line.split()) for line in capture.splitlines() if line.strip()]
    assert visible_lines(seed_page.body) == expected


def test_seed_page_is_html_served_with_200(seed_page):
    assert (seed_page.status, dict(seed_page.headers)["Content-Type"]) == (
        200,
        "text/html; charset=utf-8",
    )


def test_seed_page_has_no_json_ld(seed_page):
    assert b"application/ld+json" not in seed_page.body


def test_url(seed):
    assert seed["url"] == SEED_URL


def test_source(seed):
    assert seed["source"] == "nodegree"


def test_source_id_is_the_job_hash(seed):
    assert seed["source_id"] == "ce7672804fe64ff4946cef925788478e"


def test_title(seed):
    assert seed["title"] == "Backend Engineer"


def test_company(seed):
    assert seed["company"] == "Farfetch"


def test_company_description(seed):
    assert seed["company_description"] == BLURB


def test_location_raw(seed):
    assert seed["location_raw"] == "Porto, Portugal"


def test_seniority_raw(seed):
    assert seed["seniority_raw"] == "Mid-Level"


def test_date_posted_raw(seed):
    assert seed["date_posted_raw"] == "2 weeks ago"


def test_department(seed):
    assert seed["department"] == "Engineering"


def test_remote_raw_unknown(seed):
    assert seed["remote_raw"] is None


def test_employment_type_raw_unknown(seed):
    assert seed["employment_type_raw"] is None


def test_salary_raw_unknown(seed):
    assert seed["salary_raw"] is None


def test_original_url_is_farfetchs_lever_posting(seed):
    [record] = [r for r in _records() if r.key == "farfetch-backend-engineer-porto"]
    lever = record.placements["lever"]
    assert seed["original_url"] == f"https://jobs.lever.co/{lever['site']}/{lever['id']}"


def test_apply_url_is_the_original_posting(seed):
    assert seed["apply_url"] == seed["original_url"]


def test_page_language(seed):
    assert seed["page_language"] == "en"


def test_crawled_at(seed):
    assert seed["crawled_at"] == CRAWL_TIME


def test_body_starts_with_the_intro_paragraph(seed):
    assert seed["description_html"].startswith("<p>As a Backend Engineer, you will join")


def test_body_keeps_every_section_of_the_employer(seed):
    headings = re.findall(r"<h3>(.*?)</h3>", seed["description_html"])
    assert headings == [
        "What You'll Do",
        "Who You Are",
        "Rewards &amp; Benefits",
        "Equal Opportunities Statement",
        "Scam Disclaimer",
    ]


def test_body_leaves_the_board_chrome_out(seed):
    body = seed["description_html"]
    assert not [
        chrome
        for chrome in ("View All Jobs", "Develop scalable", "Show Original", "About Farfetch")
        if chrome in body
    ]


def test_body_only_text_is_left_to_the_pipelines(seed):
    assert "description" not in seed


# --- JSON-LD, and markup that changed -----------------------------------------------------------


def _jsonld_record():
    return next(
        r
        for r in _records()
        if r.placements["nodegree"].get("jsonld")
        and r.salary
        and not r.placements["nodegree"].get("expired")
    )


@pytest.fixture(scope="module")
def jsonld_page() -> tuple[str, bytes]:
    url = HOST + job_path(_jsonld_record())
    return url, _page(url).body


def test_json_ld_page_carries_a_job_posting(jsonld_page):
    assert b'"@type": "JobPosting"' in jsonld_page[1]


def test_json_ld_date_wins_over_the_age_chip(jsonld_page):
    posting = parse_job_page(jsonld_page[1], jsonld_page[0], crawled_at=CRAWL_TIME)
    assert posting["date_posted_raw"] == _jsonld_record().published


def test_json_ld_employment_type(jsonld_page):
    posting = parse_job_page(jsonld_page[1], jsonld_page[0], crawled_at=CRAWL_TIME)
    assert posting["employment_type_raw"] == "FULL_TIME"


def test_json_ld_pay_is_structured_and_the_chip_stays_raw(jsonld_page):
    posting = parse_job_page(jsonld_page[1], jsonld_page[0], crawled_at=CRAWL_TIME)
    salary = _jsonld_record().salary
    assert (posting["salary"], posting["salary_raw"]) == (
        {"min": salary["min"], "max": salary["max"], "currency": "EUR", "period": "year"},
        f"€{salary['min']:,} - €{salary['max']:,} / year",
    )


def test_json_ld_body_when_the_markup_container_is_gone(jsonld_page):
    url, body = jsonld_page
    renamed = body.replace(b"JobDescription_body__", b"Prose_wrapper__")
    posting = parse_job_page(renamed, url, crawled_at=CRAWL_TIME)
    assert posting["description_html"] == _jsonld_record().body_html.strip()


def test_new_css_module_hashes_change_nothing(seed_page, seed):
    rehashed = re.sub(rb"(\b[A-Z]\w+_\w+__)\w+", rb"\1zz99", seed_page.body)
    assert parse_job_page(rehashed, SEED_URL, crawled_at=CRAWL_TIME) == seed


def test_chips_without_icons_are_read_by_their_text(seed_page):
    bare = re.sub(rb"<svg[^>]*>.*?</svg>", b"", seed_page.body)
    posting = parse_job_page(bare, SEED_URL, crawled_at=CRAWL_TIME)
    assert (posting["location_raw"], posting["seniority_raw"], posting["date_posted_raw"]) == (
        "Porto, Portugal",
        "Mid-Level",
        "2 weeks ago",
    )


def test_a_page_of_another_site_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_page(b"<html><body><p>Bad gateway</p></body></html>", SEED_URL, crawled_at="")


def test_job_url_parts():
    assert job_url_parts(SEED_URL + "?utm_source=x") == (
        "farfetch",
        "ce7672804fe64ff4946cef925788478e",
    )


# --- listings and the soft 404 ------------------------------------------------------------------


def test_first_listing_page_links_ten_jobs_and_the_next_page():
    url = organization_jobs_url("marisol-pay")
    listing = parse_listing(_page(url).body, url)
    assert (len(listing.job_urls), listing.next_url) == (
        10,
        organization_jobs_url("marisol-pay", 2),
    )


def test_last_listing_page_has_no_next_page():
    url = organization_jobs_url("marisol-pay", 2)
    listing = parse_listing(_page(url).body, url)
    assert (len(listing.job_urls), listing.next_url) == (3, None)


def test_listing_links_are_the_recorded_job_pages():
    urls = []
    for page in (1, 2):
        url = organization_jobs_url("marisol-pay", page)
        urls += parse_listing(_page(url).body, url).job_urls
    expected = {HOST + job_path(r) for r in _records() if r.company == "Marisol Pay"}
    assert sorted(urls) == sorted(expected)


def test_a_page_that_is_no_listing_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_listing(b"<html><body>Maintenance</body></html>", organization_jobs_url("x"))


def _expired_url() -> str:
    [record] = [r for r in _records() if r.placements["nodegree"].get("expired")]
    return HOST + job_path(record)


def test_soft_404_is_served_with_200():
    assert _page(_expired_url()).status == 200


def test_soft_404_is_recognised():
    with pytest.raises(PostingGone):
        parse_job_page(_page(_expired_url()).body, _expired_url(), crawled_at=CRAWL_TIME)


def test_robots_allows_listings_paging_and_jobs_but_not_search():
    robots = Protego.parse(_page(f"{HOST}/robots.txt").body.decode())
    allowed = [
        robots.can_fetch(url, "jobsieve")
        for url in (
            organization_jobs_url("marisol-pay", 2),
            SEED_URL,
            f"{HOST}/jobs?page=2",
            f"{HOST}/jobs?q=engineer",
        )
    ]
    assert allowed == [True, True, True, False]


# --- arguments ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"organizations": "not a slug"}, "is not a NoDegree organisation slug"),
        ({"organizations": "a", "boards": "b"}, "not both"),
        ({"max_pages": "0"}, "max_pages='0' is not a whole number"),
        ({"all_jobs_pages": "many"}, "all_jobs_pages='many' is not a whole number"),
    ],
)
def test_bad_arguments_are_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        NodegreeSpider(**arguments)


def test_bad_argument_stops_the_crawl_at_start():
    result = run_scrapy("crawl", "nodegree", "-a", "max_pages=lots")
    assert result.returncode != 0 and "max_pages='lots' is not a whole number" in result.stderr


# --- an offline crawl of the shipped world ------------------------------------------------------


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("nodegree")
    sources = tmp / "sources.toml"
    boards = ", ".join(f'"{org}"' for org in ORGANIZATIONS)
    sources.write_text(f"[nodegree]\nboards = [{boards}]\nall_jobs_pages = 1\n")
    result = run_scrapy(
        "crawl",
        "nodegree",
        "-s",
        f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
        "-s",
        f"JOBSIEVE_SOURCES={sources}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-s",
        "LOG_LEVEL=DEBUG",
        "-O",
        str(tmp / "out.jsonl"),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    crawled = re.findall(r"Crawled \((\d+)\) <GET (\S+)>", result.stderr)
    return {
        "lines": _lines(tmp / "out.jsonl"),
        "stats": _stats(result.stderr),
        "crawled": crawled,
        "stderr": result.stderr,
    }


def test_crawl_every_line_is_valid(crawl):
    assert crawl["lines"] and [validate_posting(line) for line in crawl["lines"]] == [[]] * len(
        crawl["lines"]
    )


def test_crawl_yields_every_open_recorded_posting_once(crawl):
    expected = [
        r.placements["nodegree"]["id"]
        for r in _records()
        if not r.placements["nodegree"].get("expired")
    ]
    assert sorted(line["source_id"] for line in crawl["lines"]) == sorted(expected)


def test_crawl_yields_the_seed_item(crawl):
    [line] = [line for line in crawl["lines"] if line["url"] == SEED_URL]
    assert (
        line["id"],
        line["title"],
        line["company"],
        line["location_raw"],
        line["seniority_raw"],
        line["date_posted_raw"],
        line["department"],
        line["original_url"].startswith("https://jobs.lever.co/farfetch/"),
    ) == (
        "nodegree:ce7672804fe64ff4946cef925788478e",
        "Backend Engineer",
        "Farfetch",
        "Porto, Portugal",
        "Mid-Level",
        "2 weeks ago",
        "Engineering",
        True,
    )


def test_crawl_seed_normalised(crawl):
    [line] = [line for line in crawl["lines"] if line["url"] == SEED_URL]
    assert (line["locations"], line["seniority"], line["date_posted"], line["remote"]) == (
        [{"city": "Porto", "region": None, "country": "PT"}],
        "mid",
        "2026-11-08",
        None,
    )


def test_crawl_seed_body_clean_and_boilerplate_kept_aside(crawl):
    [line] = [line for line in crawl["lines"] if line["url"] == SEED_URL]
    categories = {b["category"] for b in line["boilerplate"]}
    assert (
        line["description"].startswith("As a Backend Engineer, you will join"),
        "- Flexible benefits program" in line["description"],
        "FARFETCH is committed" in line["description"],
        {"eeo", "scam_disclaimer"} <= categories,
    ) == (True, True, False, True)


def test_crawl_bodies_in_several_languages(crawl):
    assert {"en", "es", "fr", "de", "nl"} <= {line["language"] for line in crawl["lines"]}


def test_crawl_requests_exactly_the_listing_pages_that_exist(crawl):
    listings = sorted(url for _, url in crawl["crawled"] if "/jobs/" not in url)
    assert listings == sorted(
        [
            f"{HOST}/jobs",  # the all-jobs listing, capped at one page of two
            f"{HOST}/robots.txt",
            organization_jobs_url("farfetch"),
            organization_jobs_url("hafenwerk"),
            organization_jobs_url("marisol-pay"),
            organization_jobs_url("marisol-pay", 2),
        ]
    )


def test_crawl_counts_the_page_cap_and_the_soft_404(crawl):
    assert (
        crawl["stats"].get("jobsieve/source/nodegree/all-jobs/page_cap"),
        crawl["stats"].get("jobsieve/source/nodegree/marisol-pay/expired"),
    ) == (1, 1)


def test_crawl_requests_each_job_page_once_and_misses_nothing(crawl):
    jobs = [url for _, url in crawl["crawled"] if "/jobs/" in url]
    assert (
        len(jobs) == len(set(jobs)) == len(_records()),
        "jobsieve/world/missing" in crawl["stats"],
        "Forbidden by robots.txt" in crawl["stderr"],
    ) == (True, False, False)


# --- faults, counted per organisation while the crawl goes on -----------------------------------


def _faulty_world(root: Path) -> Path:
    shipped = World(SHIPPED_WORLD)
    world = World(root)
    for exchange in (SHIPPED_WORLD / "jobs.nodegree.com").glob("*.json"):
        if ".body." not in exchange.name:
            world.save(shipped.read(exchange))
    page = b"<html><body><main>%s</main></body></html>"
    listing = b'<ul data-testid="job-list">%s</ul>'
    world.save(Recording("GET", organization_jobs_url("broken"), 200, HTML_HEADERS, page % b"Oops"))
    world.save(
        Recording("GET", organization_jobs_url("empty"), 200, HTML_HEADERS, page % listing % b"")
    )
    # A job the listing still shows but whose page is gone for good (410).
    gone = f"{HOST}/organizations/quiet/jobs/cook-J{'0' * 32}_ONoDegreeAAAAAAAAAA"
    link = f'<li><a href="{gone}">Cook</a></li>'.encode()
    world.save(
        Recording("GET", organization_jobs_url("quiet"), 200, HTML_HEADERS, page % listing % link)
    )
    world.save(Recording("GET", gone, 410, HTML_HEADERS, page % b"Gone"))
    # One job page of a good organisation answers garbage.
    garbled = HOST + job_path(next(r for r in _records() if r.company == "Marisol Pay"))
    world.save(Recording("GET", garbled, 200, HTML_HEADERS, page % b"Upstream error"))
    return root


@pytest.fixture(scope="module")
def faulty_night(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("nodegree-faults")
    world = _faulty_world(tmp / "world")
    sources = tmp / "sources.toml"
    sources.write_text(
        '[nodegree]\nboards = ["farfetch", "marisol-pay", "broken", "missing", "empty", "quiet"]\n'
    )
    result = run_scrapy(
        "crawlall",
        "-s",
        f"JOBSIEVE_WORLD={world}",
        "-s",
        f"JOBSIEVE_SOURCES={sources}",
        "-s",
        f"JOBSIEVE_FEEDS_DIR={tmp / 'feeds'}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "feeds" / "2026-11-22"


def test_faults_name_the_failing_organisations(faulty_night):
    report = json.loads((faulty_night / "report.json").read_text())
    assert sorted(report["sources"]["nodegree"]["errors"]) == ["broken", "missing"]


def test_faults_counted_per_organisation(faulty_night):
    boards = json.loads((faulty_night / "report.json").read_text())["sources"]["nodegree"]["boards"]
    assert (boards["empty"], boards["quiet"], boards["marisol-pay"]) == (
        {"empty": 1, "postings": 0},
        {"expired": 1},
        {"expired": 1, "postings": 11, "skipped": 1},
    )


def test_faults_leave_the_good_postings_in_the_feed(faulty_night):
    lines = _lines(faulty_night / "postings.jsonl")
    assert (len(lines), all(validate_posting(line) == [] for line in lines)) == (12, True)
