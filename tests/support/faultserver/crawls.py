"""Crawls over the fault server, and the pytest fixtures that start it.

- :func:`crawl_faults`: a real crawl in the test process (``tests/support/inprocess.py``'s
  ``crawl``), downloads going to the server through the loopback handler, no recorded world;
- :func:`crawl_process`: a ``scrapy crawl`` process, its stats read back from a file and its
  peak memory measured (``os.wait4``): for what must not be tried inside the test process;
- :func:`fault_night`: one ``scrapy crawlall`` process over the server.

Each run answers with the requests the server saw while it ran.

Fixtures: ``fault_server`` (one per test session, i.e. per xdist worker; function-scoped users
reset it: ``faults``), ``closed_port`` (a port nothing listens on: connection refused).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.faultserver.bomb import bomb_file
from tests.support.faultserver.postings import list_path, posting_ids
from tests.support.faultserver.server import GREENHOUSE, LEVER, LEVER_EU, Arrival, FaultServer
from tests.support.faultserver.stats import SETTING as STATS_SETTING
from tests.support.inprocess import CRAWL_TIME, ROOT, Crawl, crawl
from tests.support.loopback import loopback_arguments, loopback_settings
from tests.support.nights import Night, NightLog

# Downloads from 127.0.0.1 need no politeness delay (tests of politeness set their own); a stuck
# download fails in seconds, not the default 30.
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_TIMEOUT": 10}


@pytest.fixture(scope="session")
def fault_server(tmp_path_factory) -> Iterator[FaultServer]:
    server = FaultServer(bomb=bomb_file(tmp_path_factory.mktemp("faultserver"))).start()
    yield server
    server.stop()


@pytest.fixture
def faults(fault_server) -> Iterator[FaultServer]:
    """The fault server with nothing logged nor overridden."""
    fault_server.reset()
    yield fault_server
    fault_server.release()


@pytest.fixture(scope="session")
def closed_port() -> Iterator[int]:
    """A port on 127.0.0.1 that nothing listens on (bound, never listened: refused)."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    yield holder.getsockname()[1]
    holder.close()


def _settings(port: int, settings: dict[str, Any] | None) -> dict[str, Any]:
    return {"JOBSIEVE_WORLD": None, **FAST, **loopback_settings(port), **(settings or {})}


@dataclass
class FaultCrawl:
    crawl: Crawl
    arrivals: list[Arrival]  # what the server saw during the crawl, in order

    def __getattr__(self, name: str) -> Any:
        return getattr(self.crawl, name)

    def board(self, spider: str, board: str) -> dict[str, int]:
        """The board's counters (``jobsieve/source/<spider>/<board>/<what>``) by ``what``."""
        prefix = f"jobsieve/source/{spider}/{board}/"
        return {k.removeprefix(prefix): v for k, v in self.crawl.counters(prefix).items()}

    def items_of(self, spider: str, board: str) -> list[dict[str, Any]]:
        """Exported postings of ``board`` (by the ids its jobs get)."""
        ids = posting_ids(spider, board)
        return [item for item in self.crawl.items if item["id"] in ids]

    def list_requests(self, spider: str, board: str) -> list[Arrival]:
        """The requests the server got for ``board``'s list (its pages), retries included."""
        path = list_path(spider, board)
        host = GREENHOUSE if spider == "greenhouse" else LEVER_EU if ":" in board else LEVER
        return [a for a in self.arrivals if (a.host, a.path) == (host, path)]


async def crawl_faults(
    server: FaultServer,
    spider: str,
    feeds: Path,
    *,
    boards: str,
    port: int | None = None,
    settings: dict[str, Any] | None = None,
    overrides: dict[str, str] | None = None,
    robots_delay: dict[str, float] | None = None,
    **arguments: Any,
) -> FaultCrawl:
    """``scrapy crawl <spider> -a boards=<boards>`` in the test process over the fault server
    (or over ``port``: a closed one for a crawl without network). Resets the server first, then
    gives it ``overrides`` and ``robots_delay`` (by host)."""
    server.reset()
    server.overrides.update(overrides or {})
    server.robots_delay.update(robots_delay or {})
    done = await crawl(
        spider,
        feeds=feeds,
        settings=_settings(port or server.port, settings),
        boards=boards,
        **arguments,
    )
    return FaultCrawl(done, server.arrivals())


@dataclass
class ProcessCrawl:
    returncode: int
    stats: dict[str, Any]
    log: str
    peak_rss: int  # bytes: the process's maximum resident set size
    arrivals: list[Arrival]

    def counters(self, prefix: str = "jobsieve/") -> dict[str, Any]:
        return {
            k: v
            for k, v in sorted(self.stats.items())
            if k.startswith(prefix) and not isinstance(v, dict | list)
        }


def crawl_process(
    server: FaultServer,
    folder: Path,
    spider: str,
    *arguments: str,
    timeout: float = 120,
) -> ProcessCrawl:
    """``scrapy crawl <spider> <arguments>`` as a process of its own over the fault server, its
    stats and peak memory read back (its own, not the test process's)."""
    server.reset()
    folder.mkdir(parents=True, exist_ok=True)
    stats_file = folder / "stats.json"
    settings = {
        **{k: v for k, v in FAST.items()},
        "JOBSIEVE_CRAWL_TIME": CRAWL_TIME,
        "JOBSIEVE_FEEDS_DIR": folder / "feeds",
        "JOBSIEVE_DEADLETTER": folder / "deadletter-%(name)s.jsonl",
        "STATS_CLASS": "tests.support.faultserver.stats.JsonFileStatsCollector",
        STATS_SETTING: stats_file,
    }
    command = [sys.executable, "-m", "scrapy", "crawl", spider, *arguments]
    command += loopback_arguments(server.port)
    command += [a for k, v in settings.items() for a in ("-s", f"{k}={v}")]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    log = folder / "crawl.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
        killer = threading.Timer(timeout, process.send_signal, [signal.SIGKILL])
        killer.start()
        peak = _HighWater(process.pid)
        peak.start()
        try:
            # wait4, not wait: the rusage of this child alone (its peak RSS in KiB on Linux).
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
            peak.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return ProcessCrawl(
        process.returncode,
        stats,
        log.read_text(encoding="utf-8", errors="replace"),
        peak.bytes or usage.ru_maxrss * 1024,
        server.arrivals(),
    )


class _HighWater(threading.Thread):
    """The crawl process's own peak RSS, read from its VmHWM while it runs. ``ru_maxrss`` of a
    child started by vfork counts the parent's resident memory before the exec (Linux keeps the
    old address space's high water), so in a test process grown to 400 MB it said 436 MiB for a
    crawl that peaks near 240."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.path = Path(f"/proc/{pid}/status")
        self.bytes = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.01):
            try:
                text = self.path.read_text()
            except OSError:
                return
            for line in text.splitlines():
                if line.startswith("VmHWM:"):
                    self.bytes = max(self.bytes, int(line.split()[1]) * 1024)

    def stop(self) -> None:
        self.done.set()
        self.join()


def night_arguments(port: int, feeds: Path, sources: Path, crawl_time: str) -> list[str]:
    """``crawlall``'s arguments for a night over the fault server listening on ``port``."""
    settings = {
        **FAST,
        "JOBSIEVE_FEEDS_DIR": feeds,
        "JOBSIEVE_CRAWL_TIME": crawl_time,
        "JOBSIEVE_SOURCES": sources,
    }
    return [
        "crawlall",
        *loopback_arguments(port),
        *[a for k, v in settings.items() for a in ("-s", f"{k}={v}")],
    ]


def fault_night(
    port: int,
    feeds: Path,
    sources: Path,
    *extra: str,
    crawl_time: str = CRAWL_TIME,
    exit_code: int = 0,
) -> Night:
    """One ``scrapy crawlall`` process over the fault server listening on ``port`` (or a closed
    port: no network), exiting with ``exit_code`` (the night's status)."""
    from tests.conftest import run_scrapy

    log = NightLog(feeds, crawl_time[:10])
    result = run_scrapy(*night_arguments(port, feeds, sources, crawl_time), *extra, timeout=300)
    assert result.returncode == exit_code, result.stderr[-3000:] + log.read()[-3000:]
    return Night(feeds, crawl_time[:10], log.read())
