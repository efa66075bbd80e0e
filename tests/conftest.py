from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.utils.reactor import install_reactor

# Scrapy < 2.19's get_crawler() needs the reactor a real crawl would use already installed.
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_WORLD = ROOT / "world" / "recorded"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The seeds' clock (../shared/seeds/README.md): relative ages resolve against it.
CRAWL_TIME = "2026-11-22T03:00:00Z"


def run_scrapy(*args: str, cwd: Path = ROOT, timeout: int = 120) -> subprocess.CompletedProcess:
    """A real `scrapy` process in the project, as a user runs it."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def crawl_time() -> str:
    return CRAWL_TIME
