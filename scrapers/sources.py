"""The human-edited sources file (sources.toml): which sources and company boards to crawl.

Each table is one source: ``enabled`` and ``boards`` mean the same for every source and are checked
here; its other keys are the spider's (its options, Lever's and Ashby's ``companies``), so the
spider, which knows them, checks them with :meth:`SourceConfig.refuse_unknown_keys`. Every error
names the file, the table and the key.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SourceConfig:
    name: str
    enabled: bool = True
    boards: tuple[str, ...] = ()
    options: dict[str, object] = field(default_factory=dict)
    # Where the table was read ("sources.toml: [lever]"), for messages.
    where: str = ""
    keys: tuple[str, ...] = ()

    def error(self, message: str) -> ValueError:
        return ValueError(f"{self.where or f'[{self.name}]'} {message}")

    def refuse_unknown_keys(self, known: Sequence[str]) -> None:
        """ValueError naming the first key of the table that is not in ``known``."""
        for key in self.keys:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise self.error(f"has no key {key!r} ({hint}known: {', '.join(known)})")


def load_sources(path: str | Path) -> dict[str, SourceConfig]:
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ValueError(f"sources file {path} does not exist (setting JOBSIEVE_SOURCES)") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"sources file {path} is not valid TOML: {error}") from error
    return {name: _source(path, name, table) for name, table in data.items()}


def _source(path: Path, name: str, table: Any) -> SourceConfig:
    if not isinstance(table, dict):
        raise ValueError(f"{path}: {name} = {table!r} is not a table ([{name}] and its keys)")
    where = f"{path}: [{name}]"
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ValueError(f"{where} enabled = {enabled!r} is not true or false")
    boards = table.get("boards", [])
    if not isinstance(boards, list) or not all(isinstance(b, str) for b in boards):
        raise ValueError(f'{where} boards = {boards!r} is not a list of strings (["a", "b"])')
    return SourceConfig(
        name=name,
        enabled=enabled,
        boards=tuple(b.strip() for b in boards),
        options={k: v for k, v in table.items() if k not in {"enabled", "boards"}},
        where=where,
        keys=tuple(table),
    )
