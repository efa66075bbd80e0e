"""Step 2, settle: statuses, clusters across sources and expiry over every posting the crawlers
staged (no Scrapy import).

Only a sighting of each posting is kept, and where its line is in the staged files: the feeds
re-read the items from there (:class:`StagedItems`), so the night never holds every body.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from scrapers.night.files import scan_jsonl
from scrapers.night.plan import NightPlan
from scrapers.state import StateStore
from scrapers.state.ledger import NightLedger
from scrapers.state.results import NightResult, Sighting


class StagedItems:
    """Tonight's items where the crawlers staged them, read back one at a time by id."""

    def __init__(self, parts: list[Path], where: dict[str, tuple[int, int]]) -> None:
        self.parts = parts
        self.where = where  # id -> (part, byte offset)
        self.handles: dict[int, BinaryIO] = {}

    def item(self, posting: str) -> dict[str, Any]:
        number, offset = self.where[posting]
        if number not in self.handles:
            self.handles[number] = self.parts[number].open("rb")
        handle = self.handles[number]
        handle.seek(offset)
        return json.loads(handle.readline().decode("utf-8"))

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()


def settle(
    store: StateStore, plan: NightPlan, complete: list[str]
) -> tuple[NightResult, StagedItems]:
    """Statuses and clusters over every source at once, in a fixed order: same night, same
    answer, whichever crawler finished first. Only the ``complete`` sources' postings expire."""
    parts = [plan.staged_items(name) for name in plan.sources]
    sightings: list[tuple[tuple[str, str], Sighting, int, int]] = []
    for number, part in enumerate(parts):
        for offset, item in scan_jsonl(part):
            key = (item.get("source") or "", item.get("id") or "")
            sightings.append((key, Sighting.of(item), number, offset))
    sightings.sort(key=lambda entry: entry[0])
    # The last line of an id is the item the night keeps for it.
    staged = StagedItems(parts, {s.id: (n, at) for _, s, n, at in sightings})
    ledger = NightLedger(store, plan.night, plan.now, expire_after=plan.expire_after)
    ledger.prefetch(sighting.id for _, sighting, _, _ in sightings)
    for _, sighting, _, _ in sightings:
        ledger.see(sighting)
    return ledger.finish(complete), staged
