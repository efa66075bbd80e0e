"""The human-edited sources file (sources.toml): which sources and company boards to crawl."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceConfig:
    name: str
    enabled: bool = True
    boards: tuple[str, ...] = ()
    options: dict[str, object] = field(default_factory=dict)


def load_sources(path: str | Path) -> dict[str, SourceConfig]:
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ValueError(f"sources file {path} does not exist (setting JOBSIEVE_SOURCES)") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"sources file {path} is not valid TOML: {error}") from error
    sources = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"{path}: [{name}] must be a table")
        boards = table.get("boards", [])
        if not isinstance(boards, list) or not all(isinstance(b, str) for b in boards):
            raise ValueError(f"{path}: [{name}] boards must be a list of strings")
        options = {k: v for k, v in table.items() if k not in {"enabled", "boards"}}
        sources[name] = SourceConfig(
            name=name,
            enabled=bool(table.get("enabled", True)),
            boards=tuple(b.strip() for b in boards),
            options=options,
        )
    return sources
