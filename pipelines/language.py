"""The language of the clean body (not of the site's UI, which is ``page_language``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from scrapers.language import detect_language, seed_detector
from scrapers.pipeline import CrawlerPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class LanguagePipeline(CrawlerPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        seed_detector(crawler.settings.getint("JOBSIEVE_LANGDETECT_SEED"))

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if adapter.get("language"):
            return item
        # The clean body only (the boilerplate pipeline ran first); the title helps short bodies.
        guess = detect_language(adapter.get("description"), title=adapter.get("title"))
        adapter["language"] = guess.language
        adapter["language_confidence"] = guess.confidence
        adapter["secondary_language"] = guess.secondary
        self.stats.inc_value(f"jobsieve/language/{guess.language or 'unknown'}")
        return item
