"""A stats collector that writes a crawl's stats to a JSON file when it closes, so a test can read
what a ``scrapy crawl`` process counted (``-s STATS_CLASS=…`` with ``-s STATS_FILE=<path>``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.statscollectors import MemoryStatsCollector

SETTING = "STATS_FILE"


class JsonFileStatsCollector(MemoryStatsCollector):
    def _persist_stats(self, stats: dict[str, Any]) -> None:
        super()._persist_stats(stats)
        path = self._crawler.settings.get(SETTING)
        if path:
            Path(path).write_text(json.dumps(stats, default=str, indent=1), encoding="utf-8")
