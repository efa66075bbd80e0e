"""The sanitiser in the crawl: ``SanitisePipeline`` first of the pipelines, counting and saying what
it cut, ``description`` made from the sanitised HTML, and docs/items.md saying exactly what
description_html may hold."""

from __future__ import annotations

import logging
import re

import pytest

from pipelines.sanitise import SanitisePipeline
from scrapers import settings
from scrapers.items import JobPosting
from scrapers.sanitise import rules
from tests.support.pipelines import pipeline_crawler, through_pipelines

from .conftest import ROOT

LIMITS = rules().limits


def test_sanitising_is_the_first_pipeline() -> None:
    first = min(settings.ITEM_PIPELINES, key=settings.ITEM_PIPELINES.get)
    assert first == "pipelines.sanitise.SanitisePipeline"


def test_the_pipeline_counts_and_says_what_it_cut(caplog: pytest.LogCaptureFixture) -> None:
    crawler = pipeline_crawler()
    item = JobPosting(
        url="https://example.com/1",
        title="Job\x07",
        description_html="<p>" + "word " * 50000 + "</p>",
    )
    with caplog.at_level(logging.WARNING):
        SanitisePipeline.from_crawler(crawler).process_item(item)
    stats = crawler.stats.get_stats()
    assert (item.title, item.truncated) == ("Job", ["description_html", "description"])
    assert {k: v for k, v in stats.items() if k.startswith("jobsieve/")} == {
        "jobsieve/cleaned/title": 1,
        "jobsieve/truncated/description_html": 1,
        "jobsieve/truncated/description": 1,
    }
    assert "Cut description_html and description of https://example.com/1" in caplog.text
    assert "description_html 250,007" in caplog.text


def _posting(**fields: object) -> JobPosting:
    base = {
        "url": "https://job-boards.greenhouse.io/acme/jobs/1",
        "source": "greenhouse",
        "source_id": "1",
        "title": "Backend Engineer",
        "company": "Acme",
        "crawled_at": "2026-11-22T03:00:00Z",
    }
    return JobPosting(**{**base, **fields})  # type: ignore[arg-type]


def test_through_every_pipeline_the_description_is_the_sanitised_html_text() -> None:
    item = through_pipelines(
        _posting(
            title="Backend \u202eEngineer\x1b[31m",
            description_html=(
                "<h2>About</h2><p>We ship &#x202E;software<script>steal()</script> daily.</p>"
                "<svg><text>drawn</text></svg><ul><li>Go\u200b</li><li>Caf&#x65;&#x301;</li></ul>"
            ),
        )
    )
    assert (item.title, item.description_html, item.description, item.truncated) == (
        "Backend Engineer",
        "<h2>About</h2><p>We ship software daily.</p><ul><li>Go</li><li>Caf\u00e9</li></ul>",
        "About\n\nWe ship software daily.\n\n- Go\n- Caf\u00e9",
        [],
    )


def test_through_every_pipeline_a_body_of_only_a_script_is_no_body() -> None:
    # The block-list sanitiser left "" here and the posting was dead-lettered as invalid.
    item = through_pipelines(_posting(description_html="<script>steal()</script>"))
    assert (item.description_html, item.description) == (None, "")


def test_docs_items_md_says_exactly_what_description_html_may_hold() -> None:
    docs = (ROOT / "docs" / "items.md").read_text(encoding="utf-8")
    section = docs[docs.index("## What `description_html` may hold") :]
    section = section[: section.index("\n## ", 3)]
    elements = section[section.index("- Elements:") : section.index(": the\n  headings")]
    dropped = section[section.index("dropped with their content:") :].split(".", 1)[0]
    policy = rules().html
    assert set(re.findall(r"`<([a-z0-9]+)>`", elements)) == set(policy.tags)
    assert set(re.findall(r"`([a-z]+)`", dropped)) == set(policy.drop_with_content)
    for name in ("href", "colspan", "rowspan", "start", "dir"):
        assert f"`{name}`" in section, name
    assert f'`rel="{policy.link_rel}"`' in section
    for scheme in policy.url_schemes:
        assert f"`{scheme}:`" in section, scheme
    assert f"{LIMITS.description_html:,} characters" in docs
