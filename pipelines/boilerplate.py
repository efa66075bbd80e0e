"""Clean body: boilerplate out (kept under ``boilerplate`` with its category).

``description`` is made from ``description_html`` as the sanitiser left it (``SanitisePipeline``
runs first), so it holds the text a reader of ``description_html`` sees, less the boilerplate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from scrapers import settings as defaults
from scrapers.boilerplate import TemplateMemory, strip_boilerplate
from scrapers.pipeline import CrawlerPipeline
from scrapers.textblocks import parse_html

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Header lines of a text capture that are fields, not body (a seed page's header shows each
# on a line of its own; Teal glues three into one).
HEADER_FIELDS = (
    "date_posted_raw",
    "seniority_raw",
    "salary_raw",
    "remote_raw",
    "employment_type_raw",
    "department",
)


class BoilerplatePipeline(CrawlerPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        # Learnt as the crawl goes; postings before the threshold keep the blocks (no look-back).
        # The project's default stands when a crawler runs without the project's settings.
        min_postings = crawler.settings.getint(
            "JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS", defaults.JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS
        )
        self.templates = TemplateMemory(min_postings=min_postings)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        html, text = adapter.get("description_html"), adapter.get("description")
        body = parse_html(html) if html else None
        if not html and not text:
            adapter["description"] = ""
            self.stats.inc_value("jobsieve/boilerplate/no_body")
            return item
        source = adapter.get("source") or ""
        stripped = strip_boilerplate(
            html=body,
            text=None if html else text,
            title=adapter.get("title"),
            company=adapter.get("company"),
            location=adapter.get("location_raw"),
            company_description=adapter.get("company_description"),
            header_values=[v for f in HEADER_FIELDS if (v := adapter.get(f))],
            template=self.templates.template(source),
        )
        self.templates.observe(source, adapter.get("company"), stripped.edge_keys)
        adapter["description"] = stripped.description
        adapter["boilerplate"] = list(adapter.get("boilerplate") or []) + stripped.boilerplate
        for block in stripped.boilerplate:
            self.stats.inc_value(f"jobsieve/boilerplate/{block['category']}")
        return item
