"""Against the persistent state: status and first_seen on every posting, and duplicate_of where
the crawl clusters by itself.

Two pipelines, one per way of crawling:

- ``CrawlStatePipeline`` (in ``ITEM_PIPELINES``, for ``scrapy crawl``): clusters each item as it
  arrives against the state and the items before it, sets duplicate_of (drops the item instead
  with ``JOBSIEVE_DROP_DUPLICATES``), and commits the state once the engine has stopped, that is
  after the feed exports are closed.
- ``NightStatusPipeline`` (what ``scrapy crawlall`` runs in its place): only new/updated/unchanged.
  The night settles clusters over all sources at once and commits after tonight's feeds are in
  place (``scrapers/night``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals

from scrapers.clock import CrawlClock
from scrapers.drops import RejectItem
from scrapers.pipeline import CrawlerPipeline, item_fields
from scrapers.state import open_store, redacted, state_location
from scrapers.state.ledger import NightLedger

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class _StatePipeline(CrawlerPipeline):
    """The state opened for the crawl, and a ledger of tonight's postings against it."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.location = state_location(
            settings.get("JOBSIEVE_STATE"), settings.get("JOBSIEVE_FEEDS_DIR")
        )
        self.store = open_store(self.location)
        night, now = CrawlClock.from_settings(settings).night_and_stamp()
        self.ledger = NightLedger(
            self.store, night, now, expire_after=settings.getint("JOBSIEVE_EXPIRE_AFTER")
        )
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    def _annotate(self, item: Any, record: dict[str, Any]) -> None:
        adapter = ItemAdapter(item)
        for field in ("status", "first_seen", "duplicate_of"):
            adapter[field] = record.get(field)
        self.stats.inc_value(f"jobsieve/state/{record['status']}")

    def engine_stopped(self) -> None:
        self.store.close()


class CrawlStatePipeline(_StatePipeline):
    """``scrapy crawl``: status, first_seen and duplicate_of as items arrive; commits at the end."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.drop = crawler.settings.getbool("JOBSIEVE_DROP_DUPLICATES")

    def process_item(self, item: Any) -> Any:
        record = self.ledger.observe(item_fields(item))
        self._annotate(item, record)
        if record.get("duplicate_of"):
            self.stats.inc_value("jobsieve/state/duplicate")
            if self.drop:
                raise RejectItem(
                    "duplicate",
                    f"{record['id']} is the same job as {record['duplicate_of']}",
                    log_level="INFO",
                )
        return item

    def engine_stopped(self) -> None:
        result = self.ledger.finish(sources=())
        self.store.commit_night(self.ledger.night, result.rows, complete=False)
        logger.info("State %s: %d posting(s) committed", redacted(self.location), len(result.rows))
        super().engine_stopped()


class NightStatusPipeline(_StatePipeline):
    """A night's crawlers: status and first_seen only; the night clusters and commits."""

    def process_item(self, item: Any) -> Any:
        self._annotate(item, self.ledger.annotate_status(item_fields(item)))
        return item
