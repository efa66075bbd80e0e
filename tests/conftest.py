from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from scrapy.utils.reactor import install_reactor

# Scrapy < 2.19's get_crawler() needs the reactor a real crawl would use already installed.
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")

pytest_plugins = ["tests.support.nights"]

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_WORLD = ROOT / "world" / "recorded"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The clock the seed pages were captured at: their relative ages ("2 weeks ago") resolve
# against it.
CRAWL_TIME = "2026-11-22T03:00:00Z"


def run_scrapy(*args: str, cwd: Path = ROOT, timeout: int = 120) -> subprocess.CompletedProcess:
    """A real `scrapy` process in the project, as a user runs it."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    if args and args[0] == "crawl" and not any("JOBSIEVE_FEEDS_DIR=" in a for a in args):
        # The state and the detail cache live in the feeds folder: a fresh one per crawl, so no
        # test sees another's memory (or the developer's own feeds/).
        args = (*args, "-s", f"JOBSIEVE_FEEDS_DIR={tempfile.mkdtemp(prefix='jobsieve-feeds-')}")
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def feed_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def log_stat(log: str, key: str) -> int | None:
    """One numeric stat of a crawl's log (Scrapy dumps every stat at the end)."""
    found = re.search(rf"'{re.escape(key)}': (\d+)", log)
    return int(found.group(1)) if found else None


def log_stats(log: str) -> dict[str, int]:
    """The numeric stats of the crawl's final stats dump."""
    dump = log.split("Dumping Scrapy stats:", 1)[-1]
    return {key: int(value) for key, value in re.findall(r"'([^']+)': (\d+)[,}]", dump)}


def crawl_offline(
    spider: str,
    tmp: Path,
    *args: str,
    world: Path | None = SHIPPED_WORLD,
    crawl_time: str = CRAWL_TIME,
) -> tuple[list[dict], str]:
    """A real `scrapy crawl <spider>` over a recorded world at the seeds' clock (or
    ``crawl_time``): the feed's lines and the crawl's log. ``world=None`` when ``args`` name the
    world themselves."""
    tmp.mkdir(parents=True, exist_ok=True)
    out, log = tmp / "out.jsonl", tmp / "crawl.log"
    world_args = ("-s", f"JOBSIEVE_WORLD={world}") if world is not None else ()
    result = run_scrapy(
        "crawl", spider, *world_args, *args,
        "-s", f"JOBSIEVE_CRAWL_TIME={crawl_time}",
        "-s", f"JOBSIEVE_DEADLETTER={tmp / 'deadletter.jsonl'}",
        "-O", str(out), "--logfile", str(log),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return feed_lines(out), log.read_text(encoding="utf-8")


def crawlall(feeds: Path, crawl_time: str, *args: str, timeout: int = 120) -> None:
    """A real `scrapy crawlall` night writing into ``feeds`` (its state and cache too)."""
    result = run_scrapy(
        "crawlall", *args,
        "-s", f"JOBSIEVE_FEEDS_DIR={feeds}", "-s", f"JOBSIEVE_CRAWL_TIME={crawl_time}",
        timeout=timeout,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture
def crawl_time() -> str:
    return CRAWL_TIME
