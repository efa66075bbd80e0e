"""A progress line while crawling: what LogStats says, plus what jobsieve drops and misses."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def progress_line(name: str, stats: dict[str, Any]) -> str:
    dropped = sum(v for k, v in stats.items() if k.startswith("jobsieve/dropped/"))
    parts = [
        f"{name}: {stats.get('response_received_count', 0)} pages",
        f"{stats.get('item_scraped_count', 0)} postings",
        f"{dropped} dropped",
    ]
    if errors := sum(v for k, v in stats.items() if k.endswith("/error")):
        parts.append(f"{errors} source errors")
    if missing := stats.get("jobsieve/world/missing"):
        parts.append(f"{missing} missing recordings")
    return ", ".join(parts)


class ProgressExtension:
    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self._loop: task.LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        interval = crawler.settings.getfloat("LOGSTATS_INTERVAL")
        if not interval:
            raise NotConfigured
        return cls(crawler, interval)

    def spider_opened(self, spider: Any) -> None:
        self._loop = task.LoopingCall(self.log)
        self._loop.start(self.interval, now=False)

    def log(self) -> None:
        name = self.crawler.spider.name if self.crawler.spider else "crawl"
        logger.info("Progress %s", progress_line(name, self.crawler.stats.get_stats()))

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self.log()
