"""Step 2, settle: statuses, clusters across sources and expiry over every posting the crawlers
staged (no Scrapy import).

Only a sighting of each posting is kept, and where its line is in the staged files: the feeds
re-read the items from there (:class:`StagedItems`), so the night never holds every body.

Expiry is per board: a posting expires only when tonight's crawl read its board completely
(``scrapers.completeness``), the board of each posting coming from the file its crawl wrote
beside the items (``scrapers.posting_boards``).

Each posting's signature was computed by its crawl as it exported the posting, and staged beside
the items too (``scrapers.posting_signatures``); only a posting without one has it computed here.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, BinaryIO

from scrapers.completeness import Completeness, PostingBoards
from scrapers.dedup.signature import Signature
from scrapers.night.files import scan_jsonl
from scrapers.night.plan import NightPlan
from scrapers.state import StateStore
from scrapers.state.ledger import Expiry, NightLedger
from scrapers.state.results import NightResult, Sighting

logger = logging.getLogger(__name__)

# The folders of the staging where each crawl writes its postings' boards and signatures.
POSTING_BOARDS = "boards"
POSTING_SIGNATURES = "signatures"


def staged_posting_boards(plan: NightPlan, name: str) -> Path:
    return plan.staging / POSTING_BOARDS / f"{name}.jsonl"


def staged_posting_signatures(plan: NightPlan, name: str) -> Path:
    return plan.staging / POSTING_SIGNATURES / f"{name}.jsonl"


def staged_signatures(plan: NightPlan, name: str) -> dict[tuple[str, str], Signature]:
    """The signatures source ``name``'s crawl staged, by posting id and content fingerprint."""
    return {
        (line["id"], line["fingerprint"]): Signature.from_json(line["signature"])
        for _, line in scan_jsonl(staged_posting_signatures(plan, name))
    }


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
    computed = 0
    for number, (name, part) in enumerate(zip(plan.sources, parts, strict=True)):
        signatures = staged_signatures(plan, name)
        for offset, item in scan_jsonl(part):
            key = (item.get("source") or "", item.get("id") or "")
            signature = signatures.get((item.get("id"), item.get("fingerprint")))
            computed += signature is None
            sighting = Sighting.of(item, signature)
            sighting.board = boards.boards.get(sighting.id)
            sightings.append((key, sighting, number, offset))
    if computed:
        logger.info("%d signature(s) computed after the crawl (not staged by it)", computed)
    sightings.sort(key=lambda entry: entry[0])
    # The last line of an id is the item the night keeps for it.
    staged = StagedItems(parts, {s.id: (n, at) for _, s, n, at in sightings})
    ledger = NightLedger(store, plan.night, plan.now, expire_after=plan.expire_after)
    ledger.prefetch(sighting.id for _, sighting, _, _ in sightings)
    for _, sighting, _, _ in sightings:
        ledger.see(sighting)
    sightings.clear()  # the ledger holds them now, and lets each go once its row is built
    return ledger.finish(expiry(complete, boards)), staged
