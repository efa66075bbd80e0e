"""The project's item pipelines run on one item outside a crawl, each built by ``from_crawler`` as
Scrapy builds it: for the evaluations, which push written postings through exactly what a crawl
does, and for the tests."""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from scrapers import settings as project_settings

# The project's item pipelines in their settings order, all but the state's (it needs a feeds
# folder and a whole crawl).
ITEM_PIPELINES: tuple[type, ...] = tuple(
    load_object(path)
    for path, _ in sorted(project_settings.ITEM_PIPELINES.items(), key=lambda entry: entry[1])
    if not path.startswith("pipelines.state.")
)


def pipeline_crawler(spider: str = "test", **settings: Any) -> Crawler:
    """A crawler with ``settings`` and a spider named ``spider``, as a pipeline sees it."""
    crawler = get_crawler(Spider, settings)
    crawler.spider = crawler._create_spider(spider)
    return crawler


def through_pipelines(item: Any, crawler: Crawler | None = None) -> Any:
    """``item`` through every pipeline of ``ITEM_PIPELINES`` in turn (a drop raises)."""
    crawler = crawler or pipeline_crawler()
    for pipeline in ITEM_PIPELINES:
        item = pipeline.from_crawler(crawler).process_item(item)
    return item
