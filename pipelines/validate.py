"""Last before export: every item is checked against the contract's JSON Schema.

An invalid item is dropped with its errors (the dead-letter extension writes it out) and counted
per field under ``jobsieve/invalid/<field>``; the crawl goes on.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from scrapers.contract import validate_posting
from scrapers.drops import RejectItem
from scrapers.pipeline import CrawlerPipeline, item_fields


class ValidatePipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        errors = validate_posting(item_fields(item))
        if not errors:
            self.stats.inc_value("jobsieve/valid")
            return item
        for field in sorted({e.field for e in errors}):
            self.stats.inc_value(f"jobsieve/invalid/{field}")
        url = ItemAdapter(item).get("url")
        raise RejectItem(
            "invalid",
            f"{len(errors)} contract error(s) in {url}: {errors[0].message}",
            details=[e.as_dict() for e in errors],
        )
