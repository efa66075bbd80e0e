"""Against the persistent state: status, first_seen and duplicate_of on every posting.

In ``scrapy crawl`` the pipeline clusters as items arrive and commits the state once the engine
has stopped, that is after the feed exports are closed. Inside ``scrapy crawlall``
(``JOBSIEVE_NIGHTLY``) it only tells new/updated/unchanged: the command settles clusters over all
sources at once and commits after tonight's feeds are in place.
"""

from __future__ import annotations

import logging
import os
import signal
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals

from scrapers.drops import RejectItem
from scrapers.pipeline import CrawlerPipeline, item_fields
from scrapers.state import night_clock, open_store, state_location
from scrapers.state.ledger import NightLedger

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class StatePipeline(CrawlerPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.nightly = settings.getbool("JOBSIEVE_NIGHTLY")
        self.drop = settings.getbool("JOBSIEVE_DROP_DUPLICATES") and not self.nightly
        self.crash_after = _crash_after(settings.get("JOBSIEVE_TEST_CRASH_AT"))
        self.location = state_location(
            settings.get("JOBSIEVE_STATE"), settings.get("JOBSIEVE_FEEDS_DIR")
        )
        self.store = open_store(self.location)
        night, now = night_clock(settings.get("JOBSIEVE_CRAWL_TIME"))
        self.night = NightLedger(
            self.store, night, now, expire_after=settings.getint("JOBSIEVE_EXPIRE_AFTER")
        )
        self.seen = 0
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        record = item_fields(item)
        annotate = self.night.annotate_status if self.nightly else self.night.observe
        record = annotate(record)
        for field in ("status", "first_seen", "duplicate_of"):
            adapter[field] = record.get(field)
        self.stats.inc_value(f"jobsieve/state/{record['status']}")
        self._maybe_crash()
        if record.get("duplicate_of"):
            self.stats.inc_value("jobsieve/state/duplicate")
            if self.drop:
                raise RejectItem(
                    "duplicate",
                    f"{record['id']} is the same job as {record['duplicate_of']}",
                    log_level="INFO",
                )
        return item

    def _maybe_crash(self) -> None:
        # Test-only: die like `kill -9` after N items, to prove a killed night leaves no trace.
        self.seen += 1
        if self.crash_after is not None and self.seen >= self.crash_after:
            os.kill(os.getpid(), signal.SIGKILL)

    def engine_stopped(self) -> None:
        if not self.nightly:
            result = self.night.finish(sources=())
            self.store.commit_night(self.night.night, result.rows, complete=False)
            logger.info("State %s: %d posting(s) committed", self.location, len(result.rows))
        self.store.close()


def _crash_after(spec: str | None) -> int | None:
    if spec and spec.startswith("items:"):
        return int(spec.removeprefix("items:"))
    return None
