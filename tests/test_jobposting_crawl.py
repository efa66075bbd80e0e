"""The career-site spider over the recorded sites: every posting and nothing else, each site
discovered its own way.

- The shipped night crawls the four sites as sources.toml names them: Falkenstein by its
  robots.txt's sitemap index of gzipped sitemaps, Maplewood by /sitemap.xml, Sonnenhof from its
  listing page and Tidewater from its home page, links followed.
- A crawl from ``-a sitemap_urls=`` and a crawl meeting faults (a garbled sitemap, a page gone)
  are walked in-process: each request answered from the recorded world, the way Scrapy would.

Each discovery step on its own is a golden case (tests/fixtures/golden/jobposting/: robots.txt
with and without a Sitemap line, the sitemap index, a gzipped sitemap, /sitemap.xml, a listing
page and a home page with the links they follow).
"""

from __future__ import annotations

import gzip
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from scrapy import Request
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.misc import arg_to_iter
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from scrapers.contract import validate_posting
from scrapers.world import Recording
from tests.support.inprocess import (
    ROOT,
    file_response,
    jobsieve_stats,
    recording,
    run_callback,
    spider_for,
)
from world.builder import world_records
from world.builder.jobposting import SITES, page_url

FALKENSTEIN = SITES["falkenstein"]
INDEX = f"{FALKENSTEIN.origin}/sitemap_index.xml"
GARBLED_SITEMAP = f"{FALKENSTEIN.origin}/sitemaps/stellen-2.xml.gz"
GONE_PAGE = f"{FALKENSTEIN.origin}/stellen/senior-backend-entwickler-4711"


@pytest.fixture(scope="module")
def expected_urls() -> dict[str, list[str]]:
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    by_host: dict[str, list[str]] = {}
    for record in (r for r in records if "jobposting" in r.placements):
        url = page_url(record)
        by_host.setdefault(urlsplit(url).hostname, []).append(url)
    return {host: sorted(urls) for host, urls in by_host.items()}


# --- an in-process walk -------------------------------------------------------------------------


@dataclass
class Walk:
    items: list[Any] = field(default_factory=list)
    # Each job page asked for, with the sitemap's lastmod it carries (None without one).
    pages: dict[str, str | None] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)


class _Lines(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.INFO)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def walk(spider: Any, answers: dict[str, Recording] | None = None) -> Walk:
    """The spider's crawl from its ``start()``, in-process: each URL asked for once (Scrapy's
    duplicate filter), answered from ``answers`` or else the shipped world; an HTTP error goes to
    the request's errback, as Scrapy's HttpErrorMiddleware sends it."""
    done, queue, seen = Walk(), list(spider.started), set()
    handler = _Lines(done.log)
    logging.getLogger(spider.name).addHandler(handler)
    try:
        while queue:
            request = queue.pop(0)
            if request.url in seen:
                continue
            seen.add(request.url)
            if request.callback == spider.parse_job_page:
                done.pages[request.url] = request.meta.get("lastmod")
            saved = (answers or {}).get(request.url) or recording(request.url)
            response = file_response(saved, cb_kwargs=request.cb_kwargs, meta=request.meta)
            if response.status >= 400 and response.status not in request.meta.get(
                "handle_httpstatus_list", ()
            ):
                failure = Failure(HttpError(response, "Ignoring non-200 response"))
                failure.request = response.request
                results = list(arg_to_iter(request.errback(failure)))
            else:
                callback = request.callback.__name__
                out = run_callback(spider, callback, response, **request.cb_kwargs)
                results = [*out.items, *out.requests]
            queue += [r for r in results if isinstance(r, Request)]
            done.items += [r for r in results if not isinstance(r, Request)]
    finally:
        logging.getLogger(spider.name).removeHandler(handler)
    done.stats = jobsieve_stats(spider)
    return done


def _counted(stats: dict[str, int], part: str) -> dict[str, int]:
    return {k.rsplit("/", 1)[1]: v for k, v in stats.items() if f"/{part}/" in k}


# --- the shipped night: every site, each discovered its own way ---------------------------------


def night_stats(log: str, spider: str) -> dict[str, int]:
    """The ``jobsieve/…`` counters of one spider's stats dump in a night's log."""
    for dump in log.split("Dumping Scrapy stats:")[1:]:
        block = re.split(r"\n(?=\d{4}-\d\d-\d\d )", dump, maxsplit=1)[0]
        if f"'jobsieve/source/{spider}/" in block:
            return {k: int(v) for k, v in re.findall(r"'(jobsieve/[^']+)': (\d+)", block)}
    raise AssertionError(f"no stats of {spider} in the night's log")


@pytest.fixture(scope="module")
def lines(shipped_night) -> list[dict]:
    return shipped_night.postings("jobposting")


@pytest.fixture(scope="module")
def stats(shipped_night) -> dict[str, int]:
    return night_stats(shipped_night.log, "jobposting")


def test_night_every_line_is_valid(lines):
    assert lines and [validate_posting(line) for line in lines] == [[]] * len(lines)


@pytest.mark.parametrize("site", list(SITES))
def test_night_each_site_yields_every_posting_and_nothing_else(lines, expected_urls, site):
    host = SITES[site].host
    found = sorted(line["url"] for line in lines if urlsplit(line["url"]).hostname == host)
    assert found == expected_urls[host]


def test_night_counts_every_non_job_page(stats):
    assert Counter(_counted(stats, "skipped")) == Counter(
        listing=4, blog_post=4, soft_404=4, login_wall=2, not_a_job=2, too_short=2
    )


def test_night_postings_in_several_languages(lines):
    assert {line["language"] for line in lines} >= {"de", "en", "fr", "es", "pt"}


def test_night_finds_postings_by_each_syntax(stats):
    assert set(_counted(stats, "found")) == {"jsonld", "microdata", "rdfa", "page"}


def test_night_misses_no_recording_and_drops_nothing(shipped_night, stats):
    report = shipped_night.report["sources"]["jobposting"]
    assert (
        report["missing_recordings"],
        report["dropped"],
        report["invalid"],
        [k for k in stats if k.startswith(("jobsieve/world/missing", "jobsieve/dropped"))],
    ) == (0, {}, {}, [])


# --- a sitemap index with gzipped sitemaps, from -a sitemap_urls= --------------------------------


def test_sitemaps_are_gzip_files():
    saved = recording(f"{FALKENSTEIN.origin}/sitemaps/stellen-1.xml.gz")
    assert (dict(saved.headers)["Content-Type"], gzip.decompress(saved.body)[:5]) == (
        "application/gzip",
        b"<?xml",
    )


@pytest.fixture(scope="module")
def sitemap_crawl() -> Walk:
    return walk(spider_for("jobposting", sitemap_urls=INDEX))


def test_sitemap_crawl_yields_every_posting_and_nothing_else(sitemap_crawl, expected_urls):
    assert sorted(item.url for item in sitemap_crawl.items) == expected_urls[FALKENSTEIN.host]


def test_sitemap_crawl_gives_each_posting_its_lastmod(sitemap_crawl, expected_urls):
    postings = expected_urls[FALKENSTEIN.host]
    assert (
        [url for url in postings if not sitemap_crawl.pages.get(url)],
        sitemap_crawl.stats["jobsieve/jobposting/lastmod"],
    ) == ([], len(postings))


def test_sitemap_crawl_skips_the_non_job_pages_it_listed(sitemap_crawl):
    assert _counted(sitemap_crawl.stats, "skipped") == {"listing": 1, "blog_post": 1, "soft_404": 1}


def test_sitemap_crawl_counts_each_json_ld_repair(sitemap_crawl):
    assert set(_counted(sitemap_crawl.stats, "jsonld_repaired")) == {
        "trailing_commas",
        "control_characters",
        "comment",
        "html_escaped",
    }


# --- faults: a garbled sitemap and a page gone, counted while the site goes on -------------------


@pytest.fixture(scope="module")
def faulty_crawl() -> Walk:
    gzip_headers = [("Content-Type", "application/gzip")]
    answers = {
        GARBLED_SITEMAP: Recording("GET", GARBLED_SITEMAP, 200, gzip_headers, b"\x1f\x8b garbage"),
        GONE_PAGE: Recording("GET", GONE_PAGE, 410, [("Content-Type", "text/html")], b"Gone"),
    }
    return walk(spider_for("jobposting", domains=FALKENSTEIN.host), answers)


def test_a_garbled_sitemap_is_a_counted_error_and_the_site_goes_on(faulty_crawl, expected_urls):
    garbled = {entry["loc"] for entry in Sitemap(gzip.decompress(recording(GARBLED_SITEMAP).body))}
    host = FALKENSTEIN.host
    assert (
        faulty_crawl.stats[f"jobsieve/source/jobposting/{host}/error"],
        f"Board {host!r} of jobposting failed: not a sitemap: {GARBLED_SITEMAP}"
        in faulty_crawl.log,
        sorted(item.url for item in faulty_crawl.items),
    ) == (1, True, sorted(set(expected_urls[host]) - garbled - {GONE_PAGE}))


def test_a_page_gone_is_a_counted_skip(faulty_crawl):
    host = FALKENSTEIN.host
    assert (
        faulty_crawl.stats[f"jobsieve/source/jobposting/{host}/skipped"],
        GONE_PAGE in faulty_crawl.pages,
        [item.url for item in faulty_crawl.items if item.url == GONE_PAGE],
    ) == (1, True, [])
