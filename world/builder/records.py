"""Posting records: human-edited TOML files, one posting each (format in docs/world.md)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COMMON_KEYS = {
    "key",
    "title",
    "company",
    "location",
    "department",
    "employment_type",
    "published",
    "updated",
    "language",
    "body_html",
    "salary",
}


@dataclass(frozen=True)
class PostingRecord:
    key: str
    title: str
    company: str
    body_html: str
    published: str
    updated: str
    location: str | None = None
    department: str | None = None
    employment_type: str | None = None
    language: str | None = None
    salary: dict[str, Any] | None = None
    # source name -> that source's own fields for this posting (board, id, …)
    placements: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, origin: str = "<record>") -> PostingRecord:
        missing = [
            k
            for k in ("key", "title", "company", "body_html", "published", "updated")
            if not data.get(k)
        ]
        if missing:
            raise ValueError(f"{origin}: missing {', '.join(missing)}")
        placements = {k: v for k, v in data.items() if k not in COMMON_KEYS}
        bad = [k for k, v in placements.items() if not isinstance(v, dict)]
        if bad:
            raise ValueError(f"{origin}: unknown field(s) {', '.join(bad)}")
        common = {k: v for k, v in data.items() if k in COMMON_KEYS}
        return cls(**common, placements=placements)


def _load_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def load_records(directory: str | Path) -> list[PostingRecord]:
    """``<key>.toml`` holds a posting; ``<key>.<source>.toml`` adds where one more source shows
    it (just that source's table), so each source's placements can live in a file of its own."""
    paths = sorted(Path(directory).glob("*.toml"))
    records: dict[str, dict[str, Any]] = {}
    origins: dict[str, str] = {}
    for path in (p for p in paths if "." not in p.stem):
        data = _load_toml(path)
        if data.get("key") != path.stem:
            raise ValueError(f"{path}: key {data.get('key')!r} differs from the file name")
        records[path.stem], origins[path.stem] = data, str(path)
    for path in (p for p in paths if "." in p.stem):
        key, source = path.stem.split(".", 1)
        data = _load_toml(path)
        if key not in records:
            raise ValueError(f"{path}: no posting record {key}.toml to add {source!r} to")
        if set(data) != {source} or source in records[key]:
            raise ValueError(f"{path}: must hold exactly one new [{source}] table")
        records[key][source] = data[source]
    return [PostingRecord.from_dict(data, origin=origins[key]) for key, data in records.items()]
