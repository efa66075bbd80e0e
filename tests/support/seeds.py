"""The three seed jobs' facts, read from their one home, tests/fixtures/seeds/seeds.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.boilerplate import HEADER_FIELDS

SEEDS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEEDS_FILE = SEEDS_DIR / "seeds.toml"


@dataclass(frozen=True)
class Seed:
    """One seed page: what it states, what the pipelines make of it, what its body keeps."""

    source: str
    id: str
    capture: Path
    page: dict[str, Any]
    state: dict[str, Any]
    api: dict[str, Any]
    item: dict[str, Any]
    body: dict[str, Any]
    boilerplate: dict[str, list[str]]
    skills: frozenset[str]
    ats_postings: dict[str, str]

    @property
    def source_id(self) -> str:
        return self.id.split(":", 1)[1]

    def text(self) -> str:
        """The capture: the page's visible text, chrome included."""
        return self.capture.read_text(encoding="utf-8")

    @property
    def extracted(self) -> dict[str, Any]:
        """What the spider extracts from the page, its embedded state included."""
        return self.page | self.state

    @property
    def header_values(self) -> list[str]:
        """The page's header lines that are fields."""
        return [value for name in HEADER_FIELDS if (value := self.page.get(name))]

    @property
    def removed(self) -> list[tuple[str, str]]:
        """The boilerplate lines as (category, text)."""
        return [(category, text) for category, lines in self.boilerplate.items() for text in lines]


def _nulls(value: Any) -> Any:
    """``value`` with each table's ``null`` list turned into keys set to None (TOML has no null)."""
    if isinstance(value, list):
        return [_nulls(v) for v in value]
    if isinstance(value, dict):
        table = {k: _nulls(v) for k, v in value.items() if k != "null"}
        return table | dict.fromkeys(value.get("null", ()))
    return value


def load_seeds() -> dict[str, Seed]:
    """The seeds by source, in the file's order."""
    data = _nulls(tomllib.loads(SEEDS_FILE.read_text(encoding="utf-8")))
    return {
        source: Seed(
            source=source,
            id=table["id"],
            capture=SEEDS_DIR / table["capture"],
            page=table["page"],
            state=table.get("state", {}),
            api=table.get("api", {}),
            item=table["item"],
            body=table["body"],
            boilerplate=table["boilerplate"],
            skills=frozenset(table["skills"]),
            ats_postings=table["ats_postings"],
        )
        for source, table in data.items()
    }
