"""A posting's state row and its signature, each built from the other (no Scrapy import)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from scrapers.dedup.signature import Facets, Signature, board_of
from scrapers.state import PostingState

# The figures of the ``limit`` nights before a night, one row per (night, source): both stores'
# query, ``{p}`` their placeholder.
NIGHT_FIGURES_SQL = (
    "SELECT night, source, figures FROM night_figures WHERE night IN "
    "(SELECT DISTINCT night FROM night_figures WHERE night < {p} "
    "ORDER BY night DESC LIMIT {p}) ORDER BY night, source"
)


def figures_by_night(
    rows: Iterable[tuple[str, str, str]],
) -> list[tuple[str, dict[str, dict[str, Any]]]]:
    """``NIGHT_FIGURES_SQL``'s rows as ``[(night, {source: figures})]``, oldest night first."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for night, source, data in rows:
        found.setdefault(night, {})[source] = json.loads(data)
    return list(found.items())


def signature_of_state(row: PostingState) -> Signature:
    """The signature of a stored posting, as matching compares it with tonight's."""

    def split(text: str, sep: str | None) -> frozenset[str]:
        return frozenset(part for part in text.split(sep) if part)

    return Signature(
        id=row.id,
        source=board_of({"id": row.id, "source": row.source, "url": row.url}),
        company=row.company,
        title=split(row.title, None),
        cities=split(row.cities, "|"),
        countries=split(row.countries, "|"),
        packed_sketch=bytes(row.sketch),
        keys=split(row.keys, None),
        facets=Facets.from_json(json.loads(row.facets)),
    )


def state_row(
    item: Mapping[str, Any],
    sig: Signature,
    *,
    night: str,
    now: str,
    cluster: str,
    last_changed: str,
    matched: str | None = None,
) -> PostingState:
    """The state's record of a posting seen on ``night`` (also used to seed benchmark states)."""
    return PostingState(
        id=item["id"],
        fingerprint=item["fingerprint"],
        source=item["source"],
        url=item["url"],
        original_url=item.get("original_url"),
        first_seen=item["first_seen"],
        last_seen=now,
        last_changed=last_changed,
        night=night,
        status=item["status"],
        cluster=cluster,
        company=sig.company,
        title=" ".join(sorted(sig.title)),
        cities="|".join(sorted(sig.cities)),
        countries="|".join(sorted(sig.countries)),
        sketch=sig.packed_sketch,
        keys=" ".join(sorted(sig.keys)),
        facets=json.dumps(sig.facets.as_json(), sort_keys=True),
        valid_through=item.get("valid_through"),
        board=item.get("board"),
        matched=matched,
    )
