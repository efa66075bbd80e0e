"""Step 2, settle: statuses, clusters across sources and expiry over every posting the crawlers
staged (no Scrapy import).

Only a sighting of each posting is kept, and where its line is in the staged files: the feeds
re-read the items from there (:class:`StagedItems`), so the night never holds every body.

Expiry is per board: a posting expires only when tonight's crawl read its board completely
(``scrapers.completeness``), the board of each posting coming from the file its crawl wrote
beside the items (``scrapers.posting_boards``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from scrapers.completeness import Completeness, PostingBoards
from scrapers.night.files import scan_jsonl
from scrapers.night.plan import NightPlan
from scrapers.state import StateStore
from scrapers.state.ledger import Expiry, NightLedger
from scrapers.state.results import NightResult, Sighting

# The folder of the staging where each crawl writes its postings' boards.
POSTING_BOARDS = "boards"


def staged_posting_boards(plan: NightPlan, name: str) -> Path:
    return plan.staging / POSTING_BOARDS / f"{name}.jsonl"


def posting_boards(plan: NightPlan) -> PostingBoards:
    """Every source's postings' boards and held postings, as its crawl wrote them."""
    found = PostingBoards()
    for name in plan.sources:
        for _, line in scan_jsonl(staged_posting_boards(plan, name)):
            found.add(line)
    return found


def expiry(complete: Completeness, boards: PostingBoards) -> Expiry:
    """What may expire tonight: postings of the sources whose crawl finished, on boards read
    completely, and not held."""
    return Expiry(
        sources=frozenset(complete.finished),
        incomplete={
            source: frozenset(found) for source, found in complete.incomplete_boards.items()
        },
        held=frozenset(boards.held),
    )


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
    store: StateStore, plan: NightPlan, complete: Completeness
) -> tuple[NightResult, StagedItems]:
    """Statuses and clusters over every source at once, in a fixed order: same night, same
    answer, whichever crawler finished first. Only postings of boards ``complete`` says were
    read completely expire."""
    parts = [plan.staged_items(name) for name in plan.sources]
    boards = posting_boards(plan)
    sightings: list[tuple[tuple[str, str], Sighting, int, int]] = []
    for number, part in enumerate(parts):
        for offset, item in scan_jsonl(part):
            key = (item.get("source") or "", item.get("id") or "")
            sighting = Sighting.of(item)
            sighting.board = boards.boards.get(sighting.id)
            sightings.append((key, sighting, number, offset))
    sightings.sort(key=lambda entry: entry[0])
    # The last line of an id is the item the night keeps for it.
    staged = StagedItems(parts, {s.id: (n, at) for _, s, n, at in sightings})
    ledger = NightLedger(store, plan.night, plan.now, expire_after=plan.expire_after)
    ledger.prefetch(sighting.id for _, sighting, _, _ in sightings)
    for _, sighting, _, _ in sightings:
        ledger.see(sighting)
    return ledger.finish(expiry(complete, boards)), staged
