"""The human-edited sources file (sources.toml): which sources and company boards to crawl."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from scrapers.paths import PROJECT_ROOT, SOURCES_FILE


@dataclass(frozen=True)
class SourceConfig:
    name: str
    enabled: bool = True
    boards: tuple[str, ...] = ()
    options: dict[str, object] = field(default_factory=dict)


def read_sources_file(path: str | Path | None) -> tuple[str, dict[str, Any]]:
    """The sources file's name (for messages) and its TOML tables.

    ``path`` is the setting JOBSIEVE_SOURCES; unset, the project's own file: the checkout's
    sources.toml, or where there is no checkout (an egg deployed to Scrapyd, an installed wheel)
    the copy built into the scrapers package.
    """
    if path is None:
        checkout = PROJECT_ROOT / SOURCES_FILE
        if checkout.is_file():
            path = checkout
        else:
            packaged = resources.files("scrapers").joinpath(SOURCES_FILE)
            if not packaged.is_file():
                raise ValueError(
                    f"no sources file: {checkout} does not exist and the installed package "
                    "carries no copy of it (set JOBSIEVE_SOURCES to the file to use)"
                )
            return str(packaged), _parse_toml(str(packaged), packaged.read_bytes())
    try:
        content = Path(path).read_bytes()
    except FileNotFoundError:
        raise ValueError(f"sources file {path} does not exist (setting JOBSIEVE_SOURCES)") from None
    except OSError as error:
        message = f"sources file {path} cannot be read: {error.strerror} (setting JOBSIEVE_SOURCES)"
        raise ValueError(message) from None
    return str(path), _parse_toml(str(path), content)


def _parse_toml(name: str, content: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(content.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError(f"sources file {name} is not UTF-8: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"sources file {name} is not valid TOML: {error}") from error


def load_sources(path: str | Path | None) -> dict[str, SourceConfig]:
    path, data = read_sources_file(path)
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
