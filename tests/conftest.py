"""What every test module may use: a real `scrapy` process, feed lines, the shared paths and clock
(`tests/support/` holds the in-process harness, golden cases, failing boards and shared nights).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.inprocess import CRAWL_TIME, ROOT, SHIPPED_WORLD

pytest_plugins = [
    "tests.support.nights",
    "tests.support.faultserver.crawls",
    "tests.support.postgres",
    "tests.support.redis_server",
]
__all__ = ["CRAWL_TIME", "FIXTURES", "ROOT", "SHIPPED_WORLD", "feed_lines", "run_scrapy"]

FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
