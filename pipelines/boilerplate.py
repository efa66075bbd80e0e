"""Clean body: boilerplate out (kept under ``boilerplate`` with its category), HTML sanitised."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from scrapers.boilerplate import strip_boilerplate
from scrapers.pipeline import CrawlerPipeline
from scrapers.textblocks import sanitise_html

# Header lines of a text capture that are fields, not body.
_HEADER_FIELDS = (
    "date_posted_raw",
    "seniority_raw",
    "salary_raw",
    "remote_raw",
    "employment_type_raw",
    "department",
)


class BoilerplatePipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        html, text = adapter.get("description_html"), adapter.get("description")
        if html:
            adapter["description_html"] = sanitise_html(html)
        if not html and not text:
            adapter["description"] = ""
            self.stats.inc_value("jobsieve/boilerplate/no_body")
            return item
        stripped = strip_boilerplate(
            html=html,
            text=None if html else text,
            title=adapter.get("title"),
            company=adapter.get("company"),
            location=adapter.get("location_raw"),
            company_description=adapter.get("company_description"),
            header_values=[adapter[f] for f in _HEADER_FIELDS if adapter.get(f)],
        )
        adapter["description"] = stripped.description
        adapter["boilerplate"] = list(adapter.get("boilerplate") or []) + stripped.boilerplate
        for block in stripped.boilerplate:
            self.stats.inc_value(f"jobsieve/boilerplate/{block['category']}")
        return item
