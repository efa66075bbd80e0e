"""Real `scrapy crawlall` nights the whole suite shares: each runs once per test session.

- ``shipped_night``: the README's offline night over the shipped world at the seeds' clock.
- ``fault_night``: the shipped world plus every source's failing boards
  (``tests/support/faults/``) in one night, as the operator's nightly crawl would meet them.

Tests read a night's feeds, report and log; none of them writes into it.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from scrapers.night.report import report_names
from scrapers.night.status import EXIT_COMPLETE, EXIT_DEGRADED
from scrapers.world import World
from tests.support.faults import FAULTS
from tests.support.inprocess import CRAWL_TIME, ROOT, SHIPPED_WORLD
from world.builder import world_records
from world.builder.records import PostingRecord


@dataclass
class Night:
    feeds: Path
    night: str
    log: str

    @property
    def folder(self) -> Path:
        return self.feeds / self.night

    @cached_property
    def report(self) -> dict[str, Any]:
        return json.loads((self.folder / "report.json").read_text(encoding="utf-8"))

    def lines(self, name: str = "postings.jsonl") -> list[dict[str, Any]]:
        text = (self.folder / name).read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line]

    def postings(self, source: str | None = None) -> list[dict[str, Any]]:
        """Tonight's postings, of one source or all."""
        return self.lines(f"sources/{source}.jsonl" if source else "postings.jsonl")

    def boards(self, source: str) -> dict[str, dict[str, int]]:
        """``source``'s board counters by their report names (the old names kept beside them
        for one release left out)."""
        old = {k for k, v in report_names()["board_counters"].items() if k != v}
        return {
            board: {k: v for k, v in counters.items() if k not in old}
            for board, counters in self.report["sources"][source]["boards"].items()
        }

    def requests(self, source: str) -> tuple[int, int]:
        """How many requests the night sent for ``source``, and how many found no recording."""
        return (
            self.report["requests"]["by_source"][source],
            self.report["sources"][source]["missing_recordings"],
        )


def run_night(
    feeds: Path,
    *args: str,
    crawl_time: str = CRAWL_TIME,
    world: Path | None = None,
    sources: Path | None = None,
    exit_code: int = EXIT_COMPLETE,
) -> Night:
    """One `scrapy crawlall` process (``--offline`` unless ``world`` is given) into ``feeds``,
    exiting with ``exit_code`` (the night's status: ``scrapers/night/status.py``)."""
    from tests.conftest import run_scrapy

    settings = ["-s", f"JOBSIEVE_FEEDS_DIR={feeds}", "-s", f"JOBSIEVE_CRAWL_TIME={crawl_time}"]
    if world is not None:
        settings += ["-s", f"JOBSIEVE_WORLD={world}"]
    if sources is not None:
        settings += ["-s", f"JOBSIEVE_SOURCES={sources}"]
    offline = () if world is not None else ("--offline",)
    log = NightLog(feeds, crawl_time[:10])
    result = run_scrapy("crawlall", *offline, *args, *settings, timeout=300)
    assert result.returncode == exit_code, result.stderr[-3000:] + log.read()[-3000:]
    return Night(feeds, crawl_time[:10], log.read())


class NightLog:
    """What one ``crawlall`` process writes to the night's log (``<feeds>/logs/<night>.log``,
    ``scrapers/terminal.py``; a night run again appends to it): the text from where it ended
    before the process started."""

    def __init__(self, feeds: Path, night: str) -> None:
        self.path = feeds / "logs" / f"{night}.log"
        self.start = self.path.stat().st_size if self.path.exists() else 0

    def read(self) -> str:
        if not self.path.exists():
            return ""
        with self.path.open("rb") as handle:
            handle.seek(self.start)
            return handle.read().decode("utf-8", errors="replace")


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + ", ".join(pairs) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)  # strings, numbers and booleans read the same in TOML


def sources_file(path: Path, tables: dict[str, dict[str, Any]]) -> Path:
    """A sources file holding ``tables`` (what ``tomllib`` reads back from it)."""
    text = "".join(
        f"[{name}]\n" + "".join(f"{key} = {_toml_value(v)}\n" for key, v in table.items())
        for name, table in tables.items()
    )
    path.write_text(text, encoding="utf-8")
    assert tomllib.loads(text) == tables
    return path


def shipped_sources() -> dict[str, dict[str, Any]]:
    with (ROOT / "sources.toml").open("rb") as handle:
        return tomllib.load(handle)


def shipped_records(source: str | None = None) -> list[PostingRecord]:
    """The shipped world's posting records (hand-written and generated), or those placed on
    ``source``."""
    records = world_records(ROOT / "world" / "records", ROOT / "world" / "generated")
    return [r for r in records if source is None or source in r.placements]


@pytest.fixture(scope="session")
def shipped_night(tmp_path_factory) -> Night:
    """The README's offline night: every source of sources.toml over the shipped world."""
    return run_night(tmp_path_factory.mktemp("shipped-night"))


def add_faults(world_dir: Path, tables: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every source's failing boards recorded into the world at ``world_dir`` and added to the
    sources ``tables`` (returned)."""
    world = World(world_dir)
    for name, faults in FAULTS.items():
        for made in faults.recordings():
            world.save(made)
        table = tables.setdefault(name, {})
        table["boards"] = [*table.get("boards", []), *faults.boards]
        table.update(faults.options)
    return tables


@pytest.fixture(scope="session")
def fault_night(tmp_path_factory) -> Night:
    """The shipped world and sources plus every source's failing boards, in one night."""
    root = tmp_path_factory.mktemp("fault-night")
    world_dir = root / "world"
    shutil.copytree(SHIPPED_WORLD, world_dir)
    tables = add_faults(world_dir, shipped_sources())
    sources = sources_file(root / "sources.toml", tables)
    # Its failing boards are read incompletely: a degraded night.
    return run_night(root / "feeds", world=world_dir, sources=sources, exit_code=EXIT_DEGRADED)
