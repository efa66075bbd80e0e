"""The career-site spider over the recorded sites: every posting and nothing else, each site
discovered its own way.

- The shipped night crawls the four sites as sources.toml names them: Falkenstein by its
  robots.txt's sitemap index of gzipped sitemaps, Maplewood by /sitemap.xml, Sonnenhof from its
  listing page and Tidewater from its home page, links followed.
- A crawl from ``-a sitemap_urls=`` and a crawl meeting faults (a garbled sitemap, a page gone)
  are real crawls in the test process (Scrapy's engine, every middleware and pipeline), the
  faults in a world with those two answers changed.

Each discovery step on its own is a golden case (tests/fixtures/golden/jobposting/: robots.txt
with and without a Sitemap line, the sitemap index, a gzipped sitemap, /sitemap.xml, a listing
page and a home page with the links they follow).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import pytest_twisted
from scrapy.utils.sitemap import Sitemap

from scrapers.world import Recording
from tests.support.inprocess import (
    SHIPPED_WORLD,
    Crawl,
    crawl,
    recording,
    world_with,
)
from tests.support.nights import shipped_records
from world.builder.jobposting import SITES, page_url

FALKENSTEIN = SITES["falkenstein"]
INDEX = f"{FALKENSTEIN.origin}/sitemap_index.xml"
GARBLED_SITEMAP = f"{FALKENSTEIN.origin}/sitemaps/stellen-2.xml.gz"
GONE_PAGE = f"{FALKENSTEIN.origin}/stellen/senior-backend-entwickler-4711"


@pytest.fixture(scope="module")
def expected_urls() -> dict[str, list[str]]:
    by_host: dict[str, list[str]] = {}
    for record in shipped_records("jobposting"):
        url = page_url(record)
        by_host.setdefault(urlsplit(url).hostname, []).append(url)
    return {host: sorted(urls) for host, urls in by_host.items()}


# --- a real crawl, and the pages it asked for ---------------------------------------------------


@dataclass
class SiteCrawl:
    crawl: Crawl
    # Each job page asked for, with the sitemap's lastmod it carries (None without one).
    pages: dict[str, str | None]

    @property
    def urls(self) -> list[str]:
        return sorted(item["url"] for item in self.crawl.items)

    @property
    def stats(self) -> dict[str, int]:
        return self.crawl.counters()


async def site_crawl(feeds: Path, world: Path = SHIPPED_WORLD, **arguments: str) -> SiteCrawl:
    """A real crawl of the career-site spider with ``-a`` ``arguments``."""
    done = await crawl("jobposting", feeds=feeds, world=world, **arguments)
    pages = {
        request.url: request.meta.get("lastmod")
        for request in done.sent
        if getattr(request.callback, "__name__", None) == "parse_job_page"
    }
    return SiteCrawl(done, pages)


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
        report["dropped_by_reason"],
        report["invalid_by_reason"],
        [k for k in stats if k.startswith(("jobsieve/world/missing", "jobsieve/dropped"))],
    ) == (0, {}, {}, [])


# --- a sitemap index with gzipped sitemaps, from -a sitemap_urls= --------------------------------


def test_sitemaps_are_gzip_files():
    saved = recording(f"{FALKENSTEIN.origin}/sitemaps/stellen-1.xml.gz")
    assert (dict(saved.headers)["Content-Type"], gzip.decompress(saved.body)[:5]) == (
        "application/gzip",
        b"<?xml",
    )


@pytest_twisted.async_fixture(scope="module")
async def sitemap_crawl(tmp_path_factory) -> SiteCrawl:
    return await site_crawl(feeds=tmp_path_factory.mktemp("sitemap-crawl"), sitemap_urls=INDEX)


def test_sitemap_crawl_yields_every_posting_and_nothing_else(sitemap_crawl, expected_urls):
    assert sitemap_crawl.urls == expected_urls[FALKENSTEIN.host]


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


@pytest_twisted.async_fixture(scope="module")
async def faulty_crawl(tmp_path_factory) -> SiteCrawl:
    root = tmp_path_factory.mktemp("faulty-crawl")
    gzip_headers = [("Content-Type", "application/gzip")]
    world = world_with(
        root / "world",
        Recording("GET", GARBLED_SITEMAP, 200, gzip_headers, b"\x1f\x8b garbage"),
        Recording("GET", GONE_PAGE, 410, [("Content-Type", "text/html")], b"Gone"),
    )
    return await site_crawl(feeds=root / "feeds", world=world, domains=FALKENSTEIN.host)


def test_a_garbled_sitemap_is_a_counted_error_and_the_site_goes_on(faulty_crawl, expected_urls):
    garbled = {entry["loc"] for entry in Sitemap(gzip.decompress(recording(GARBLED_SITEMAP).body))}
    host = FALKENSTEIN.host
    assert (
        faulty_crawl.stats[f"jobsieve/source/jobposting/{host}/error"],
        f"Board {host!r} of jobposting failed: not a sitemap: {GARBLED_SITEMAP}"
        in faulty_crawl.crawl.log,
        faulty_crawl.urls,
    ) == (1, True, sorted(set(expected_urls[host]) - garbled - {GONE_PAGE}))


def test_a_page_gone_is_a_counted_skip(faulty_crawl):
    host = FALKENSTEIN.host
    assert (
        faulty_crawl.stats[f"jobsieve/source/jobposting/{host}/skipped"],
        GONE_PAGE in faulty_crawl.pages,
        f"Board {host!r} of jobposting: skipped an entry: HTTP 410 from {GONE_PAGE} "
        "(text/html, 4 bytes: 'Gone')" in faulty_crawl.crawl.log,
        [url for url in faulty_crawl.urls if url == GONE_PAGE],
    ) == (1, True, True, [])
