"""End to end: career pages without structured data, served by a recorded world, crawled by the
real ``jobposting`` spider (engine, middlewares, pipelines); the exported items name the company
the pages show (evaluation pages from tests/fixtures/company_pages/)."""

from __future__ import annotations

import pytest_twisted

from evaluation.company import PAGES, load_labels
from scrapers.world import Recording
from tests.support.inprocess import crawl, world_with

CRAWLED = ("t01", "t02", "t04", "t15")


@pytest_twisted.ensureDeferred
async def test_pages_without_structured_data_are_exported_with_their_company(tmp_path):
    labels = load_labels()
    pages = {labels[page]["url"]: page for page in CRAWLED}
    html = [("Content-Type", "text/html; charset=utf-8")]
    world = world_with(
        tmp_path / "world",
        *(
            Recording("GET", url, 200, html, (PAGES / f"{p}.html").read_bytes())
            for url, p in pages.items()
        ),
    )
    done = await crawl(
        "jobposting", feeds=tmp_path / "feeds", world=world, start_urls=",".join(pages), max_depth=0
    )
    companies = {item["url"]: item["company"] for item in done.items}
    # The brand as the header shows it; the footer's legal form ("… GmbH") only as a witness.
    assert companies == {
        labels["t01"]["url"]: "Brightwell Analytics",
        labels["t02"]["url"]: "Nordstern Logistik",
        labels["t04"]["url"]: "Groupe Valmont",
        labels["t15"]["url"]: "Papyrus Conseil",
    }
