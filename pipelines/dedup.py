"""Within one crawl, one posting id is exported once; every posting gets its content fingerprint.

This is not the dedup of one job seen on several sources, which the state does
(``pipelines/state.py``, ``scrapers/dedup``): here a source listing one posting twice in a crawl
exports it once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from scrapers.dedup.ids import content_fingerprint
from scrapers.drops import RejectItem
from scrapers.pipeline import CrawlerPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class RepeatedIdPipeline(CrawlerPipeline):
    """Drops a posting whose id this crawl already exported; sets every posting's fingerprint,
    which the state compares night to night."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        adapter["fingerprint"] = content_fingerprint(
            adapter.get("title"), adapter.get("company"), adapter.get("description")
        )
        posting = adapter.get("id")
        if posting in self.seen:
            self.stats.inc_value("jobsieve/dedup/same_id")
            # A source listing one posting twice is ordinary, not alarming: INFO, not WARNING.
            raise RejectItem("duplicate", f"{posting} was already exported", log_level="INFO")
        if posting:
            self.seen.add(posting)
        return item
