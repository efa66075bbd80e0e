"""What several source renderers share (no ``render`` here, so this is not a source)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from scrapers import registry
from scrapers.world import Recording
from world.builder.phrasebook import CITIES, COUNTRY_NAMES, PHRASEBOOK
from world.builder.records import PostingRecord

ALLOW_ALL = b"User-agent: *\nAllow: /\n"


def robots_recording(origin: str, body: bytes = ALLOW_ALL) -> Recording:
    """``<origin>/robots.txt``: the ATS APIs allow every path (no public file says otherwise)."""
    return Recording("GET", f"{origin}/robots.txt", 200, [("Content-Type", "text/plain")], body)


def ats_posting_url(
    ats: str, board: str, posting_id: str, instance: str = "global", **fields: str | None
) -> str:
    """The public URL of an employer's ATS posting that an aggregator links to, as the ATS's
    spider declares it (the URL clustering reads the posting's key from)."""
    key = registry.source(ats).posting_key
    if key is None:
        raise ValueError(f"no posting URL for ATS {ats!r}")
    if ats == "lever" and instance == "eu":
        fields["host"] = "jobs.eu.lever.co"
    return key.posting_url(board=board, id=posting_id, **fields)


def group_records(
    records: Iterable[PostingRecord], board_of: Callable[[PostingRecord], str]
) -> dict[str, list[PostingRecord]]:
    """Records by board, boards in sorted order (so the world comes out the same every build)."""
    groups: dict[str, list[PostingRecord]] = defaultdict(list)
    for record in records:
        groups[board_of(record)].append(record)
    return dict(sorted(groups.items()))


@dataclass(frozen=True)
class Place:
    """Where a generated posting is, read back from its location string."""

    workplace: str  # on_site | hybrid | remote
    city: str | None
    region: str | None
    country: str  # ISO-2


def generated_place(record: PostingRecord) -> Place:
    """Undo ``synthetic.generate_posting``'s location string ("Hybrid - Paris, France",
    "Remote - Germany", "Austin, TX") into the structured fields an API keeps apart."""
    words = PHRASEBOOK.get(record.language or "en", PHRASEBOOK["en"])
    rest, workplace = record.location or "", "on_site"
    for kind, key in (("remote", "remote"), ("hybrid", "hybrid")):
        prefix = f"{words[key]} - "
        if rest.startswith(prefix):
            rest, workplace = rest[len(prefix) :], kind
    by_name = {name: code for code, name in COUNTRY_NAMES.items()}
    parts = [p.strip() for p in rest.split(",")]
    if len(parts) == 1 and parts[0] in by_name:
        return Place(workplace, None, None, by_name[parts[0]])
    city, second = parts[0], parts[-1] if len(parts) > 1 else ""
    if second in by_name:
        return Place(workplace, city, None, by_name[second])
    country = next(
        (code for code, cities in CITIES.items() if any(c[0] == city for c in cities)), "US"
    )
    return Place(workplace, city, second or None, country)
