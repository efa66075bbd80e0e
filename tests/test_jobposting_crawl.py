"""Real `scrapy crawl jobposting` processes on the recorded career sites: a sitemap index with
gzipped sitemaps, robots.txt discovery, /sitemap.xml, link following; every posting and nothing
else; faults counted."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scrapers.contract import validate_posting
from scrapers.world import Recording, World
from tests.conftest import CRAWL_TIME, ROOT, SHIPPED_WORLD, run_scrapy
from world.builder import world_records
from world.builder.jobposting import SITES, page_url

FALKENSTEIN, MAPLEWOOD = SITES["falkenstein"], SITES["maplewood"]
SONNENHOF, TIDEWATER = SITES["sonnenhof"], SITES["tidewater"]
INDEX = f"{FALKENSTEIN.origin}/sitemap_index.xml"


def _stats(stderr: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"'([^']+)': (\d+),?$", stderr, flags=re.M)}


def _crawl(tmp: Path, world: Path, *args: str) -> tuple[list[dict], dict[str, int], str]:
    out = tmp / "out.jsonl"
    result = run_scrapy(
        "crawl",
        "jobposting",
        *args,
        "-s",
        f"JOBSIEVE_WORLD={world}",
        "-s",
        f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
        "-s",
        f"JOBSIEVE_STATE={tmp / 'state.sqlite3'}",
        "-s",
        f"JOBSIEVE_DEADLETTER={tmp / 'deadletter.jsonl'}",
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
def expected_urls() -> dict[str, list[str]]:
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    by_host: dict[str, list[str]] = {}
    for record in (r for r in records if "jobposting" in r.placements):
        url = page_url(record)
        by_host.setdefault(urlsplit(url).hostname, []).append(url)
    return {host: sorted(urls) for host, urls in by_host.items()}


@pytest.fixture(scope="module")
def sitemap_crawl(tmp_path_factory):
    return _crawl(tmp_path_factory.mktemp("sitemap"), SHIPPED_WORLD, "-a", f"sitemap_urls={INDEX}")


@pytest.fixture(scope="module")
def all_sites_crawl(tmp_path_factory):
    return _crawl(
        tmp_path_factory.mktemp("all"),
        SHIPPED_WORLD,
        "-a",
        f"domains={FALKENSTEIN.host},{MAPLEWOOD.host}",
        "-a",
        f"start_urls={SONNENHOF.origin}/karriere/,{TIDEWATER.origin}/",
    )


# --- a sitemap index with gzipped sitemaps -----------------------------------------------------


def test_sitemaps_are_gzip_files():
    recording = World(SHIPPED_WORLD).lookup(
        "GET", f"{FALKENSTEIN.origin}/sitemaps/stellen-1.xml.gz"
    )
    assert dict(recording.headers)["Content-Type"] == "application/gzip"
    assert gzip.decompress(recording.body).startswith(b"<?xml")


def test_sitemap_crawl_every_line_is_valid(sitemap_crawl):
    lines, _, _ = sitemap_crawl
    assert lines and [validate_posting(line) for line in lines] == [[]] * len(lines)


def test_sitemap_crawl_yields_every_posting_and_nothing_else(sitemap_crawl, expected_urls):
    lines, _, _ = sitemap_crawl
    assert sorted(line["url"] for line in lines) == expected_urls[FALKENSTEIN.host]


def test_sitemap_crawl_records_lastmod(sitemap_crawl, expected_urls):
    _, stats, _ = sitemap_crawl
    assert stats["jobsieve/jobposting/lastmod"] == len(expected_urls[FALKENSTEIN.host])


def test_sitemap_crawl_skips_the_non_job_pages_it_listed(sitemap_crawl):
    _, stats, _ = sitemap_crawl
    skipped = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if "/skipped/" in k}
    assert skipped == {"listing": 1, "blog_post": 1, "soft_404": 1}


def test_sitemap_crawl_counts_each_json_ld_repair(sitemap_crawl):
    _, stats, _ = sitemap_crawl
    repaired = {k.rsplit("/", 1)[1] for k in stats if "jsonld_repaired" in k}
    assert repaired == {"trailing_commas", "control_characters", "comment", "html_escaped"}


def test_sitemap_crawl_misses_no_recording_and_drops_nothing(sitemap_crawl):
    _, stats, _ = sitemap_crawl
    assert [k for k in stats if k.startswith(("jobsieve/world/missing", "jobsieve/dropped"))] == []


# --- every site, each discovered its own way ---------------------------------------------------


def test_all_sites_every_line_is_valid(all_sites_crawl):
    lines, _, _ = all_sites_crawl
    assert [validate_posting(line) for line in lines] == [[]] * len(lines)


@pytest.mark.parametrize("site", list(SITES))
def test_each_site_yields_every_posting_and_nothing_else(all_sites_crawl, expected_urls, site):
    lines, _, _ = all_sites_crawl
    host = SITES[site].host
    assert (
        sorted(line["url"] for line in lines if urlsplit(line["url"]).hostname == host)
        == (expected_urls[host])
    )


def test_all_sites_count_every_non_job_page(all_sites_crawl):
    _, stats, _ = all_sites_crawl
    skipped = Counter({k.rsplit("/", 1)[1]: v for k, v in stats.items() if "/skipped/" in k})
    assert skipped == Counter(
        listing=4, blog_post=4, soft_404=4, login_wall=2, not_a_job=2, too_short=2
    )


def test_all_sites_postings_in_several_languages(all_sites_crawl):
    lines, _, _ = all_sites_crawl
    assert {line["language"] for line in lines} >= {"de", "en", "fr", "es", "pt"}


def test_all_sites_found_by_each_syntax(all_sites_crawl):
    _, stats, _ = all_sites_crawl
    assert {k.rsplit("/", 1)[1] for k in stats if "/found/" in k} == {
        "jsonld",
        "microdata",
        "rdfa",
        "page",
    }


def test_all_sites_miss_no_recording_and_drop_nothing(all_sites_crawl):
    _, stats, _ = all_sites_crawl
    assert [k for k in stats if k.startswith(("jobsieve/world/missing", "jobsieve/dropped"))] == []


# --- faults ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory):
    """A copy of the world where one gzipped sitemap is garbage and one posting page is gone."""
    tmp = tmp_path_factory.mktemp("faulty")
    world_dir = tmp / "world"
    shutil.copytree(SHIPPED_WORLD / FALKENSTEIN.host, world_dir / FALKENSTEIN.host)
    world = World(world_dir)
    world.save(
        Recording(
            "GET",
            f"{FALKENSTEIN.origin}/sitemaps/stellen-2.xml.gz",
            200,
            [("Content-Type", "application/gzip")],
            b"\x1f\x8b garbage",
        )
    )
    gone = f"{FALKENSTEIN.origin}/stellen/senior-backend-entwickler-4711"
    world.save(Recording("GET", gone, 410, [("Content-Type", "text/html")], b"<h1>Gone</h1>"))
    return _crawl(tmp, world_dir, "-a", f"domains={FALKENSTEIN.host}")


def test_broken_sitemap_is_a_counted_error_and_the_crawl_goes_on(faulty_crawl):
    lines, stats, stderr = faulty_crawl
    assert stats[f"jobsieve/source/jobposting/{FALKENSTEIN.host}/error"] == 1
    assert "not a sitemap" in stderr and lines


def test_vanished_page_is_a_counted_skip(faulty_crawl):
    lines, stats, _ = faulty_crawl
    assert stats[f"jobsieve/source/jobposting/{FALKENSTEIN.host}/skipped"] == 1
    assert all("4711" not in line["url"] for line in lines)


def test_faulty_crawl_every_line_is_valid(faulty_crawl):
    lines, _, _ = faulty_crawl
    assert [validate_posting(line) for line in lines] == [[]] * len(lines)


def test_bad_argument_stops_the_crawl_at_start():
    result = run_scrapy(
        "crawl", "jobposting", "-a", "max_depth=99", "-s", f"JOBSIEVE_WORLD={SHIPPED_WORLD}"
    )
    assert (
        result.returncode != 0
        and "max_depth='99' is not a whole number from 0 to 10" in result.stderr
    )
