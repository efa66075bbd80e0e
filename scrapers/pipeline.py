"""What every jobsieve pipeline shares: built by ``from_crawler``, counting in the crawl's stats."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter

from scrapers.items import FIELD_NAMES, JobPosting

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class CrawlerPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        raise NotImplementedError


def item_fields(item: Any) -> dict[str, Any]:
    """The item's fields as a dict, for reading: a shallow view of a ``JobPosting`` (its values are
    already plain JSON types), where ``ItemAdapter.asdict`` would deep-copy every nested list and
    dict — 0.2 ms per posting in each pipeline that only reads them."""
    if type(item) is JobPosting:
        return {name: getattr(item, name) for name in FIELD_NAMES}
    return ItemAdapter(item).asdict()
