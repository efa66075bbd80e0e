"""A `-a url_patterns=` that rejects every URL of a site is said, with the counts, instead of a
crawl of 0 items and no word: real crawls of the recorded career sites in the test process."""

from __future__ import annotations

import pytest_twisted

from tests.support.inprocess import crawl

FALKENSTEIN = "karriere.falkenstein.example"  # found by its sitemap index
TIDEWATER = "https://careers.tidewater.example/"  # plain pages, found by links
NO_MATCH = r"/no-such-section/"


def _warnings(log: list[str]) -> list[str]:
    return [line for line in log if "url_patterns matched none" in line]


@pytest_twisted.ensureDeferred
async def test_patterns_that_reject_every_sitemap_entry_are_a_warning_with_counts(tmp_path):
    done = await crawl("jobposting", feeds=tmp_path, domains=FALKENSTEIN, url_patterns=NO_MATCH)
    entries = done.stats["jobsieve/jobposting/sitemap/entries"]
    assert done.items == [] and entries > 0
    assert done.stats["jobsieve/jobposting/sitemap/not_job_url"] == entries
    assert _warnings(done.log) == [
        f"{FALKENSTEIN}: url_patterns matched none of the {entries} URLs seen (sitemap entries "
        f"and links), kept 0, and the site gave no posting; url_patterns: {NO_MATCH}"
    ]


@pytest_twisted.ensureDeferred
async def test_the_default_patterns_keep_the_job_pages_without_a_warning(tmp_path):
    done = await crawl("jobposting", feeds=tmp_path, domains=FALKENSTEIN)
    assert done.items and _warnings(done.log) == []


@pytest_twisted.ensureDeferred
async def test_a_site_that_gave_postings_all_the_same_is_not_warned_of(tmp_path):
    """On plain pages url_patterns is one hint among others (an Apply button is another)."""
    done = await crawl("jobposting", feeds=tmp_path, start_urls=TIDEWATER, url_patterns=NO_MATCH)
    assert done.items and _warnings(done.log) == []
