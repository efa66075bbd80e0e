"""Spidermon's per-crawl checks (scrapers/monitoring.py) in real crawls in the test process: a
Lever crawl over the shipped world passes them; one whose sites list nothing fails "postings
exported", and the action named in JOBSIEVE_MONITOR_ACTIONS is run with what failed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
import pytest_twisted
from spidermon.core.actions import Action

from scrapers.world import Recording, World, host_dir
from tests.support.inprocess import SHIPPED_WORLD, crawl, world_with

LEVER_HOSTS = ("api.lever.co", "api.eu.lever.co")


class RecordFailures(Action):
    """A Spidermon action, as an e-mail or Slack one would be, writing what failed to a file."""

    seen: ClassVar[list[dict[str, Any]]] = []

    def run_action(self) -> None:
        failed = [
            {"monitor": result.monitor.name, "why": result.reason}
            for result in self.result.monitor_results
            if result.status == "FAIL"
        ]
        RecordFailures.seen.append({"spider": self.data.spider.name, "failed": failed})


def _silent_lever(root: Path) -> Path:
    world = World(SHIPPED_WORLD)
    changes = [
        Recording("GET", saved.url, 200, saved.headers, b"[]")
        for path in world.exchanges()
        if path.parent.name in LEVER_HOSTS and "/v0/postings/" in (saved := world.read(path)).url
    ]
    assert {host_dir(c.url) for c in changes} == set(LEVER_HOSTS)
    return world_with(root, *changes)


SETTINGS = {
    "SPIDERMON_ENABLED": True,
    "SPIDERMON_SPIDER_CLOSE_MONITORS": ["scrapers.monitoring.CrawlMonitors"],
    "JOBSIEVE_MONITOR_ACTIONS": [f"{__name__}.RecordFailures"],
}


@pytest_twisted.async_fixture(scope="module")
async def crawls(tmp_path_factory) -> dict[str, list[dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("monitoring")
    found = {}
    for name, world in (("shipped", SHIPPED_WORLD), ("silent", _silent_lever(tmp / "silent"))):
        RecordFailures.seen.clear()
        done = await crawl("lever", world=world, feeds=tmp / name, settings=SETTINGS)
        found[name] = json.loads(json.dumps(RecordFailures.seen))
        found[f"{name}-log"] = done.log
    return found


def test_a_crawl_that_exported_postings_passes_and_runs_no_failed_action(crawls):
    assert crawls["shipped"] == []
    assert any("[Spidermon]" in line and "OK" in line for line in crawls["shipped-log"])


def test_a_crawl_that_exported_nothing_fails_and_the_action_says_what(crawls):
    [run] = crawls["silent"]
    assert run["spider"] == "lever"
    assert [failure["monitor"] for failure in run["failed"]] == ["jobsieve crawl/postings exported"]
    assert "lever exported no postings" in run["failed"][0]["why"]


@pytest.mark.parametrize("monitor", ["the crawl finished", "no board failed", "postings exported"])
def test_each_check_ran(crawls, monitor):
    assert any(monitor in line for line in crawls["silent-log"])
