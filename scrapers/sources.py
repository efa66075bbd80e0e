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
    """Every table of the sources file (``path``, else the project's own), checked."""
    name, data = read_sources_file(path)
    return {source: _source(name, source, table) for source, table in data.items()}


def _source(path: str, name: str, table: Any) -> SourceConfig:
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
