"""Step 1, crawl the sources: every source's crawler in one process, each exporting its items, its
dropped items and the board of each item into the night's staging folder.

What was read completely is :func:`completeness`: only the postings of boards read completely
tonight may expire (``scrapers/completeness.py``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scrapy.utils.misc import load_object
from twisted.internet.defer import Deferred

from scrapers.completeness import Completeness
from scrapers.night.settle import POSTING_BOARDS, POSTING_SIGNATURES

if TYPE_CHECKING:
    from scrapy.crawler import Crawler, CrawlerProcessBase
    from scrapy.settings import BaseSettings

    from scrapers.night.plan import NightPlan

# The crawl's state pipeline clusters and commits by itself; a night's crawlers only tell
# new/updated/unchanged, as the night clusters across all sources and commits once its feeds
# are in place.
CRAWL_STATE_PIPELINE = "pipelines.state.CrawlStatePipeline"
NIGHT_STATE_PIPELINE = "pipelines.state.NightStatusPipeline"

logger = logging.getLogger(__name__)


def completeness(stats: Mapping[str, Mapping[str, Any]]) -> Completeness:
    """Which sources finished and which of their boards were not read completely, with why,
    from each source's crawler ``stats``: tonight's expiry and report both ask it."""
    return Completeness.of(stats)


@dataclass
class Crawled:
    stats: dict[str, dict[str, Any]]  # each source's crawler stats
    failed: bool  # a crawler did not start or did not finish
    # Sources whose crawler could not be created or started, with why (one line each): the
    # night does not go on without them.
    not_started: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> Completeness:
        """What was crawled completely: only the postings of boards read completely tonight may
        expire. A board that failed or lost a page tonight says nothing of its postings going
        away."""
        return completeness(self.stats)


def night_pipelines(pipelines: Mapping[Any, int | None]) -> dict[Any, int | None]:
    """``ITEM_PIPELINES`` as a night's crawlers run them: the crawl's state pipeline replaced, in
    its place, by the night's."""
    crawl = load_object(CRAWL_STATE_PIPELINE)
    return {
        (NIGHT_STATE_PIPELINE if load_object(path) is crawl else path): order
        for path, order in pipelines.items()
    }


def crawler_settings(settings: BaseSettings, plan: NightPlan) -> None:
    """Point every crawler's exports at the staging folder, and give it the night's pipelines."""
    feeds = {
        str(plan.staging / "sources" / "%(name)s.jsonl"): {
            "format": "jsonlines",
            "encoding": "utf-8",
            "overwrite": True,
        }
    }
    settings.set("FEEDS", feeds, priority="cmdline")
    settings.set(
        "JOBSIEVE_DEADLETTER",
        str(plan.staging / "deadletter" / "%(name)s.jsonl"),
        priority="cmdline",
    )
    settings.set(
        "JOBSIEVE_POSTING_BOARDS",
        str(plan.staging / POSTING_BOARDS / "%(name)s.jsonl"),
        priority="cmdline",
    )
    settings.set(
        "JOBSIEVE_POSTING_SIGNATURES",
        str(plan.staging / POSTING_SIGNATURES / "%(name)s.jsonl"),
        priority="cmdline",
    )
    settings.set(
        "ITEM_PIPELINES",
        night_pipelines(settings.getdict("ITEM_PIPELINES")),
        priority=settings.getpriority("ITEM_PIPELINES") or "cmdline",
    )


def crawl_sources(process: CrawlerProcessBase, plan: NightPlan) -> Crawled:
    """Run every source's crawler side by side until all have stopped.

    A crawler that cannot be created or started means the night will publish nothing (the
    others run to their end). SIGINT and SIGTERM are the night's to handle
    (``scrapers/night/interrupt.py``), not Scrapy's."""
    crawler_settings(process.settings, plan)
    crawlers: dict[str, Crawler] = {}
    not_started: dict[str, str] = {}
    for name in plan.sources:
        try:
            crawlers[name] = process.create_crawler(name)
        except Exception as error:
            _not_started(not_started, name, error)
    if not_started:
        return Crawled({}, True, not_started)
    for name, crawler in crawlers.items():
        _on_failure(process.crawl(crawler), name, not_started)
    process.start(install_signal_handlers=False)
    if not_started:
        return Crawled({}, True, not_started)
    stats = {name: c.stats.get_stats() for name, c in crawlers.items()}
    failed = process.bootstrap_failed or any(
        s.get("finish_reason") != "finished" for s in stats.values()
    )
    return Crawled(stats, failed)


def _on_failure(crawl: Awaitable[None], name: str, not_started: dict[str, str]) -> None:
    """When ``crawl`` ends with an error (its crawler could not start), note why; the night
    publishes nothing. The other crawlers run to their end: stopping a crawler while it is still
    starting can leave Scrapy waiting on it for ever. Taking the error here also keeps it out of
    asyncio's "Task exception was never retrieved"."""

    def failed(error: BaseException) -> None:
        _not_started(not_started, name, error)

    def task_done(task: asyncio.Future[None]) -> None:
        error = None if task.cancelled() else task.exception()
        if error is not None:
            failed(error)

    if isinstance(crawl, Deferred):
        crawl.addErrback(lambda failure: failed(failure.value))
    elif isinstance(crawl, asyncio.Future):
        crawl.add_done_callback(task_done)


def _not_started(not_started: dict[str, str], name: str, error: BaseException) -> None:
    lines = str(error).strip().splitlines()
    reason = lines[0] if lines else type(error).__name__
    not_started[name] = reason
    logger.error("%s could not start: %s", name, reason)
    logger.debug("why %s could not start", name, exc_info=(type(error), error, error.__traceback__))
