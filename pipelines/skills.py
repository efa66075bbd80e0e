"""Fields read from the clean body: skills, and seniority from years of experience.

Runs after the boilerplate pipeline (priority 200): matched on the raw capture, skills would
come from site chrome, "similar jobs" lists and other postings' teasers.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from scrapers.normalise.seniority import seniority_from_body
from scrapers.normalise.skills import extract_skills
from scrapers.pipeline import CrawlerPipeline


class SkillsPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        body = adapter.get("description")
        # A list a spider read from structured data is the source's own: never overwritten.
        if not adapter.get("skills"):
            adapter["skills"] = extract_skills(adapter.get("title"), body)
            if not adapter["skills"]:
                self.stats.inc_value("jobsieve/normalise/skills/none")
        # The weakest seniority signal: only when neither the title nor a level field told.
        if adapter.get("seniority") is None:
            level = seniority_from_body(body)
            if level is not None:
                adapter["seniority"] = level
                self.stats.inc_value("jobsieve/normalise/seniority/from_body")
        return item
