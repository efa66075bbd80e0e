"""A night, step by step: crawl the sources, settle statuses and clusters over what they staged,
stage the feeds, publish them, commit the state.

Crash safety: the crawlers and the later steps write into ``feeds/.<night>.partial/``; the files
are fsynced, then renamed into ``feeds/<night>/`` with ``report.json`` last (its presence says the
night is complete), and only then is the state committed, in one transaction. A night killed at
any point and run again exports every posting once and leaves the state as one clean run would.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.signalmanager import SignalManager
from scrapy.utils.misc import load_object

from scrapers.night import signals
from scrapers.night.crawl import crawl_sources
from scrapers.night.plan import REPORT, NightPlan
from scrapers.night.publish import publish
from scrapers.night.settle import settle
from scrapers.night.stage import stage_feeds
from scrapers.state import open_store

if TYPE_CHECKING:
    from scrapy.crawler import CrawlerProcessBase


@dataclass
class NightOutcome:
    report: dict[str, Any]  # the night's report.json
    failed: bool  # a crawler did not start or did not finish


class Night:
    """One night of ``plan``, its crawlers run by ``process``."""

    def __init__(self, process: CrawlerProcessBase, plan: NightPlan) -> None:
        self.process = process
        self.plan = plan
        self.settings = process.settings
        self.signals = SignalManager(self)
        self.observers = [
            load_object(path).from_night(self)
            for path in self.settings.getlist("JOBSIEVE_NIGHT_OBSERVERS")
        ]

    def run(self) -> NightOutcome:
        plan = self.plan
        # A killed night's leftovers are never reused: tonight starts its staging afresh.
        shutil.rmtree(plan.staging, ignore_errors=True)
        started = datetime.now(UTC)
        crawled = crawl_sources(self.process, plan)
        self._finished("crawl")
        store = open_store(plan.state)
        try:
            result, staged = settle(store, plan, crawled.complete)
            self._finished("settle")
            stage_feeds(plan, result, staged, crawled.stats, started)
            self._finished("stage")
            publish(plan, self._published)
            self._finished("publish")
            store.commit_night(plan.night, result.rows)
            self._finished("commit")
        finally:
            store.close()
        shutil.rmtree(plan.staging, ignore_errors=True)
        report = json.loads((plan.out / REPORT).read_text(encoding="utf-8"))
        return NightOutcome(report, crawled.failed)

    def _finished(self, step: str) -> None:
        self.signals.send_catch_log(signals.step_finished, step=step)

    def _published(self, path: Path, number: int) -> None:
        self.signals.send_catch_log(signals.file_published, path=path, number=number)
