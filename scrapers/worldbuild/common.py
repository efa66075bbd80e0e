"""What several source renderers share (no ``render`` here, so this is not a source)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from scrapers.world import Recording
from scrapers.worldbuild.records import PostingRecord

ALLOW_ALL = b"User-agent: *\nAllow: /\n"


def robots_recording(origin: str, body: bytes = ALLOW_ALL) -> Recording:
    """``<origin>/robots.txt``: the ATS APIs allow every path (no public file says otherwise)."""
    return Recording("GET", f"{origin}/robots.txt", 200, [("Content-Type", "text/plain")], body)


def group_records(
    records: Iterable[PostingRecord], board_of: Callable[[PostingRecord], str]
) -> dict[str, list[PostingRecord]]:
    """Records by board, boards in sorted order (so the world comes out the same every build)."""
    groups: dict[str, list[PostingRecord]] = defaultdict(list)
    for record in records:
        groups[board_of(record)].append(record)
    return dict(sorted(groups.items()))
