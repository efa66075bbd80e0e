"""Safe to render, safe to print: every string of the item cleaned, ``description_html`` cut to
an allow-list, bodies cut to their size limit, once for every source (scrapers/sanitise).

First of the pipelines: everything after it (normalisation, boilerplate, language, the content
fingerprint, the state) reads the text as it will be exported, and no hostile byte, hidden
character or oversized body reaches any of them. ``description`` is made later from the
sanitised ``description_html`` (``BoilerplatePipeline``), so it holds only text that passed here.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter

from scrapers.pipeline import CrawlerPipeline
from scrapers.sanitise import rules, sanitise_posting

logger = logging.getLogger(__name__)


class SanitisePipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        sizes = {name: len(adapter.get(name) or "") for name in ("description_html", "description")}
        done = sanitise_posting(adapter)
        for name in done.cleaned:
            self.stats.inc_value(f"jobsieve/cleaned/{name}")
        for name in done.truncated:
            self.stats.inc_value(f"jobsieve/truncated/{name}")
        if done.truncated:
            limit = rules().limits
            logger.warning(
                "Cut %s of %s (%s characters) to the limit (%d, %d): named in its 'truncated'",
                " and ".join(done.truncated),
                adapter.get("url"),
                ", ".join(f"{name} {size:,}" for name, size in sizes.items() if size),
                limit.description_html,
                limit.description,
            )
        return item
