"""NoDegree: the seed page as the seed lists it, the extractor's rules on changed markup, the
spider's listings walked in-process, and NoDegree in the shipped and fault nights.

Whole items and listing pages are golden cases (tests/fixtures/golden/nodegree/): the seed job,
a JSON-LD job, a closed job (a soft 404), an organisation's two listing pages and the all-jobs
listing at its page cap.

The seed (tests/fixtures/seeds/nodegree-farfetch-backend-engineer.txt) is the visible text of a
real NoDegree job page as a browser shows it; the recorded page must show the same text and the
spider must read from it the values the seed lists (tests/fixtures/seeds/seeds.toml). Relative
ages resolve against the seeds' clock, CRAWL_TIME.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from protego import Protego

from scrapers.contract import validate_posting
from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.nodegree import (
    HOST,
    job_url_parts,
    organization_jobs_url,
    parse_job_page,
    parse_listing,
)
from spiders.nodegree import NodegreeSpider
from tests.support.faults import nodegree as faults
from tests.support.inprocess import (
    CRAWL_TIME,
    file_response,
    jobsieve_stats,
    recording,
    run_callback,
    spider_for,
)
from tests.support.nights import shipped_records
from tests.support.seeds import load_seeds
from tests.support.visible import capture_lines, visible_lines
from world.builder.nodegree import job_path

SEED = load_seeds()["nodegree"]
SEED_URL = SEED.page["url"]
# The seed's values as the seed lists them: the header lines become these fields ...
SEED_FIELDS = SEED.page
# ... and what the pipelines make of them.
SEED_NORMALISED = {"id": SEED.id} | SEED.item

# --- helpers ------------------------------------------------------------------------------------


@cache
def _records() -> list:
    return shipped_records("nodegree")


def _parse(url: str, body: bytes | None = None) -> dict:
    page = recording(url).body if body is None else body
    return parse_job_page(page, url, crawled_at=CRAWL_TIME)


# --- the seed page ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_page():
    return recording(SEED_URL)


@pytest.fixture(scope="module")
def seed(seed_page) -> dict:
    return _parse(SEED_URL, seed_page.body)


def test_seed_page_shows_the_seed_capture_line_for_line(seed_page):
    assert visible_lines(seed_page.body) == capture_lines(SEED.text())


def test_seed_page_is_html_served_with_200_without_json_ld(seed_page):
    assert (
        seed_page.status,
        dict(seed_page.headers)["Content-Type"],
        b"application/ld+json" in seed_page.body,
    ) == (200, "text/html; charset=utf-8", False)


def test_seed_item_has_the_values_the_seed_lists(seed):
    assert {name: seed[name] for name in SEED_FIELDS} == SEED_FIELDS


def test_seed_is_the_same_job_as_farfetchs_lever_posting(seed):
    [record] = [r for r in _records() if r.key == "farfetch-backend-engineer-porto"]
    lever = record.placements["lever"]
    posting = f"https://jobs.lever.co/{lever['site']}/{lever['id']}"
    # NoDegree has no application form of its own: candidates apply on the original posting.
    assert (seed["original_url"], seed["apply_url"]) == (posting, posting)


def test_seed_body_is_the_employers_sections_without_the_boards_chrome(seed):
    body = seed["description_html"]
    chrome = ("View All Jobs", "Develop scalable", "Show Original", "About Farfetch")
    assert (
        body.startswith("<p>As a Backend Engineer, you will join"),
        re.findall(r"<h3>(.*?)</h3>", body),
        [text for text in chrome if text in body],
    ) == (
        True,
        [
            "What You'll Do",
            "Who You Are",
            "Rewards &amp; Benefits",
            "Equal Opportunities Statement",
            "Scam Disclaimer",
        ],
        [],
    )


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
    return url, recording(url).body


def test_json_ld_wins_for_date_type_and_pay_and_the_pay_chip_stays_raw(jsonld_page):
    url, body = jsonld_page
    record, posting = _jsonld_record(), _parse(url, body)
    salary = record.salary
    assert (
        b'"@type": "JobPosting"' in body,
        posting["date_posted_raw"],
        posting["employment_type_raw"],
        posting["salary"],
        posting["salary_raw"],
    ) == (
        True,
        record.published,
        "FULL_TIME",
        {"min": salary["min"], "max": salary["max"], "currency": "EUR", "period": "year"},
        f"€{salary['min']:,} - €{salary['max']:,} / year",
    )


def test_json_ld_body_when_the_markup_container_is_gone(jsonld_page):
    url, body = jsonld_page
    renamed = body.replace(b"JobDescription_body__", b"Prose_wrapper__")
    assert _parse(url, renamed)["description_html"] == _jsonld_record().body_html.strip()


def test_new_css_module_hashes_change_nothing(seed_page, seed):
    rehashed = re.sub(rb"(\b[A-Z]\w+_\w+__)\w+", rb"\1zz99", seed_page.body)
    assert _parse(SEED_URL, rehashed) == seed


def test_chips_without_icons_are_read_by_their_text(seed_page):
    posting = _parse(SEED_URL, re.sub(rb"<svg[^>]*>.*?</svg>", b"", seed_page.body))
    assert (posting["location_raw"], posting["seniority_raw"], posting["date_posted_raw"]) == (
        "Porto, Portugal",
        "Mid-Level",
        "2 weeks ago",
    )


def test_a_page_of_another_site_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_job_page(b"<html><body><p>Bad gateway</p></body></html>", SEED_URL, crawled_at="")


def test_a_page_that_is_no_listing_is_a_format_error():
    with pytest.raises(SourceFormatError):
        parse_listing(
            b"<html><body>Maintenance</body></html>",
            organization_jobs_url("x"),
            crawled_at=CRAWL_TIME,
        )


def test_job_url_parts():
    assert job_url_parts(SEED_URL + "?utm_source=x") == ("farfetch", SEED.source_id)


def test_robots_allows_listings_paging_and_jobs_but_not_search():
    robots = Protego.parse(recording(f"{HOST}/robots.txt").body.decode())
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
        ({"max_pages": "lots"}, "max_pages='lots' is not a whole number"),
        ({"all_jobs_pages": "many"}, "all_jobs_pages='many' is not a whole number"),
    ],
)
def test_bad_arguments_are_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        NodegreeSpider(**arguments)


# --- the listings, walked in-process ------------------------------------------------------------


@pytest.fixture(scope="module")
def walk() -> dict:
    """Every listing page the spider reads (the sources file's organisations and one page of the
    all-jobs listing), fed its recorded answer, and the job pages each one asks for."""
    spider = spider_for("nodegree", all_jobs_pages="1")
    listings, jobs, queue = [], {}, list(spider.started)
    while queue:
        request = queue.pop(0)
        listings.append(request.url)
        response = file_response(recording(request.url), cb_kwargs=request.cb_kwargs)
        out = run_callback(spider, "parse_listing", response, **request.cb_kwargs)
        queue += [r for r in out.requests if r.callback == spider.parse_listing]
        jobs[request.cb_kwargs["board"]] = jobs.get(request.cb_kwargs["board"], []) + [
            (r.cb_kwargs["board"], r.url) for r in out.requests if r.callback == spider.parse_job
        ]
    return {"listings": listings, "jobs": jobs, "stats": jobsieve_stats(spider)}


def test_listings_are_read_to_their_last_page_and_the_all_jobs_listing_to_its_cap(walk):
    # A listing stopped at its cap was not read completely: its postings do not expire.
    assert (sorted(walk["listings"]), walk["stats"]) == (
        sorted(
            [
                organization_jobs_url("farfetch"),
                organization_jobs_url("hafenwerk"),
                organization_jobs_url("marisol-pay"),
                organization_jobs_url("marisol-pay", 2),
                f"{HOST}/jobs",  # the all-jobs listing, capped at one page of two
            ]
        ),
        {
            "jobsieve/source/nodegree/all-jobs/incomplete": 1,
            "jobsieve/source/nodegree/all-jobs/page_cap": 1,
        },
    )


def test_the_organisations_listings_ask_for_every_recorded_job_page_once(walk):
    from_orgs = [
        job for board, found in walk["jobs"].items() if board != "all-jobs" for job in found
    ]
    expected = sorted(
        (job_url_parts(url)[0], url) for url in (HOST + job_path(r) for r in _records())
    )
    assert sorted(from_orgs) == expected


def test_jobs_of_the_all_jobs_listing_count_for_their_organisation_and_are_asked_for_once(walk):
    from_orgs = {
        job for board, found in walk["jobs"].items() if board != "all-jobs" for job in found
    }
    # The same request as its organisation's listing makes: Scrapy's duplicate filter drops it.
    assert walk["jobs"]["all-jobs"] and set(walk["jobs"]["all-jobs"]) <= from_orgs


# --- the shipped night --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lines(shipped_night) -> list[dict]:
    return shipped_night.postings("nodegree")


@pytest.fixture(scope="module")
def seed_line(lines) -> dict:
    [line] = [line for line in lines if line["url"] == SEED_URL]
    return line


def test_night_yields_every_open_recorded_posting_once(lines):
    expected = [
        r.placements["nodegree"]["id"]
        for r in _records()
        if not r.placements["nodegree"].get("expired")
    ]
    assert sorted(line["source_id"] for line in lines) == sorted(expected)


def test_night_seed_line_has_the_seeds_values_normalised(seed_line):
    expected = SEED_FIELDS | SEED_NORMALISED
    assert (
        {name: seed_line[name] for name in expected},
        seed_line["original_url"].startswith("https://jobs.lever.co/farfetch/"),
    ) == (expected, True)


def test_night_seed_body_clean_and_boilerplate_kept_aside(seed_line):
    categories = {b["category"] for b in seed_line["boilerplate"]}
    assert (
        seed_line["description"].startswith("As a Backend Engineer, you will join"),
        "- Flexible benefits program" in seed_line["description"],
        "FARFETCH is committed" in seed_line["description"],
        {"eeo", "scam_disclaimer"} <= categories,
    ) == (True, True, False, True)


def test_night_bodies_in_several_languages(lines):
    assert {"en", "es", "fr", "de", "nl"} <= {line["language"] for line in lines}


def test_night_counts_each_organisation_and_the_closed_job(shipped_night):
    assert shipped_night.boards("nodegree") == {
        "farfetch": {"postings": 1},
        "hafenwerk": {"postings": 4},
        "marisol-pay": {"job_pages_gone": 1, "postings": 12},
    }


def test_night_asks_for_robots_txt_each_listing_page_and_each_job_page_once(shipped_night):
    report = shipped_night.report["sources"]["nodegree"]
    listing_pages = 4  # farfetch, hafenwerk and marisol-pay's two pages
    assert (report["requests_sent"], report["responses"], report["missing_recordings"]) == (
        1 + listing_pages + len(_records()),
        1 + listing_pages + len(_records()),
        0,
    )


def test_night_is_not_stopped_by_robots_txt(shipped_night):
    assert [
        line
        for line in shipped_night.log.splitlines()
        if "Forbidden by robots.txt" in line and "nodegree" in line
    ] == []


# --- the fault night: jobs that fail after the listing named them -------------------------------


def test_faults_a_board_whose_jobs_fail_is_not_failed(fault_night):
    assert faults.PATCHY not in fault_night.report["sources"]["nodegree"]["failing_boards"]


def test_faults_a_gone_job_is_expired_a_garbled_one_skipped_and_the_good_one_kept(fault_night):
    # The garbled job is held: the listing shows it, so it is not gone, and its card shows no
    # title to export.
    assert (
        fault_night.boards("nodegree")[faults.PATCHY],
        f"nodegree: job no longer available: {faults.GONE_JOB}" in fault_night.log,
        f"Board {faults.PATCHY!r} of nodegree: skipped an entry: no detail: no job title or body "
        f"on {faults.GARBLED_JOB}" in fault_night.log,
    ) == (
        {
            "job_pages_gone": 1,
            "detail_failures": 1,
            "entries_skipped": 1,
            "postings_held": 1,
            "postings": 1,
        },
        True,
        True,
    )


def test_faults_leave_every_good_posting_in_the_feed(fault_night, lines):
    faulty = fault_night.postings("nodegree")
    assert (
        sorted(line["url"] for line in faulty),
        [validate_posting(line) for line in faulty],
    ) == (sorted([*(line["url"] for line in lines), faults.GOOD_JOB]), [[]] * len(faulty))
