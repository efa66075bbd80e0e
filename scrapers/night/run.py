"""A night, step by step: crawl the sources, settle statuses and clusters over what they staged,
stage the feeds, publish them, commit the state.

One night at a time: the night holds the feeds folder's lock (``night/lock.py``) throughout.

Whole or nothing: the crawlers and the later steps write into ``feeds/.<night>.partial/``; the
files are fsynced, then the folder is renamed into ``feeds/<night>/`` in one step, and only then
is the state committed, in one transaction. A night killed at any point and run again exports
every posting once and leaves the state as one clean run would. A night stopped on purpose
(SIGINT, SIGTERM: ``night/interrupt.py``), or whose crawlers could not start, publishes and
commits nothing and removes its staging.
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy.signalmanager import SignalManager
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.misc import load_object

from scrapers.health import HealthSettings
from scrapers.night import signals
from scrapers.night.crawl import Crawled, crawl_sources
from scrapers.night.health import hold_silent_sources, load_history
from scrapers.night.html import INDEX_HTML, write_index
from scrapers.night.interrupt import Interruption
from scrapers.night.lock import NightLock
from scrapers.night.plan import REPORT, NightPlan
from scrapers.night.publish import clear_leftovers, discard_replaced, publish
from scrapers.night.settle import settle
from scrapers.night.stage import stage_feeds
from scrapers.night.status import NightNotStarted, NightRefused, NightStateUnusable
from scrapers.state import StateStore, open_store, redacted

if TYPE_CHECKING:
    from scrapy.crawler import Crawler, CrawlerProcessBase

logger = logging.getLogger(__name__)

# How often a stop is asked again of crawlers still starting when it came.
_STOP_AGAIN_SECONDS = 0.2


def _engine_running(crawler: Crawler) -> bool:
    engine = getattr(crawler, "_engine", None)
    return bool(engine is not None and engine.running)


@dataclass
class NightOutcome:
    report: dict[str, Any]  # the night's report.json
    status: str  # complete, degraded or failed (scrapers/night/status.py)
    late_signal: int | None = None  # SIGINT/SIGTERM received while publishing: it finished first


class Night:
    """One night of ``plan``, its crawlers run by ``process``."""

    def __init__(self, process: CrawlerProcessBase, plan: NightPlan) -> None:
        self.process = process
        self.plan = plan
        self.settings = process.settings
        self.signals = SignalManager(self)
        # A night with workers (plan.workers): set by SIGINT/SIGTERM to stop them.
        self.stopping = threading.Event()
        self.redis: Any = None
        self.observers = [
            load_object(path).from_night(self)
            for path in self.settings.getlist("JOBSIEVE_NIGHT_OBSERVERS")
        ]

    def run(self) -> NightOutcome:
        """The night, published and committed; raises :class:`NightStopped` or
        :class:`NightInterrupted` (``night/status.py``) when it stops before publishing."""
        plan = self.plan
        with (
            NightLock(plan.feeds_dir, plan.night),
            self._redis_lock(),
            Interruption(plan.night, self._stop_crawl) as i,
        ):
            for line in clear_leftovers(plan.feeds_dir):
                logger.info(line)
            self._check_order()
            try:
                return self._run(i)
            finally:
                # Published, the staging is gone; stopped, nothing of it is kept.
                shutil.rmtree(plan.staging, ignore_errors=True)

    def _run(self, interruption: Interruption) -> NightOutcome:
        plan = self.plan
        started = datetime.now(UTC)
        with interruption.crawling():
            crawled = self._crawl()
        if crawled.not_started:
            raise NightNotStarted(plan.night, crawled.not_started)
        self._finished("crawl")
        health = HealthSettings.from_settings(self.settings)
        store = self._open_state(started=True)
        try:
            history = load_history(store, plan.night, health)
            # Before settle: a source that returned nothing has its boards marked not read in
            # full, so that its postings are held rather than expired.
            hold_silent_sources(crawled.stats, history, health)
            complete = crawled.complete
            result, staged = settle(store, plan, complete)
            self._finished("settle")
            figures = stage_feeds(
                plan, result, staged, crawled.stats, started, complete, history, health
            )
            self._finished("stage")
            interruption.publishing()
            publish(plan)
            self._finished("publish")
            store.commit_night(plan.night, result.rows, forget_later=plan.rebuild, figures=figures)
            self._finished("commit")
        finally:
            store.close()
        discard_replaced(plan)
        self._write_index()
        report = json.loads((plan.out / REPORT).read_text(encoding="utf-8"))
        late = interruption.signum if interruption.late else None
        return NightOutcome(report, report["status"], late)

    def _crawl(self) -> Crawled:
        """Every source crawled: in this process, or by ``plan.workers`` workers."""
        if not self.plan.workers:
            return crawl_sources(self.process, self.plan)
        from scrapers.workers.coordinate import crawl_with_workers

        return crawl_with_workers(
            self.plan, self.settings, self.redis, self.process.spider_loader.load, self.stopping
        )

    @contextmanager
    def _redis_lock(self) -> Iterator[None]:
        """A night with workers: Redis reached, and the night's lock across machines held."""
        if not self.plan.workers:
            yield
            return
        from scrapers.workers.names import RedisNightLock, connect

        try:
            self.redis = connect(self.settings.get("JOBSIEVE_REDIS_URL"))
        except ValueError as error:
            raise NightNotStarted(self.plan.night, {"workers": str(error)}) from None
        with ExitStack() as stack:
            stack.callback(self.redis.close)
            stack.enter_context(RedisNightLock(self.redis, self.plan.state, self.plan.night))
            yield

    def _write_index(self) -> None:
        """feeds/index.html, now listing tonight: derived from the published nights, so a fault
        in it is logged and the night stands."""
        try:
            write_index(self.plan.feeds_dir)
        except Exception:
            logger.exception("%s of %s not written", INDEX_HTML, self.plan.feeds_dir)

    def _check_order(self) -> None:
        """Refuse a night earlier than the state's last: its statuses would be counted against
        later nights and its sightings would move postings' last_seen back."""
        plan = self.plan
        store = self._open_state()
        try:
            nights = store.nights()
        finally:
            store.close()
        if nights and plan.night < nights[-1] and not plan.rebuild:
            raise NightRefused(
                f"night {plan.night} is earlier than {nights[-1]}, the last night the state "
                f"{redacted(plan.state)} remembers: not run (--rebuild runs it on purpose; see "
                "`scrapy crawlall -h`)"
            )

    def _open_state(self, started: bool = False) -> StateStore:
        """The state, or :class:`NightStateUnusable` with the one line saying why not (a server
        may also go away while the night crawls: ``started``)."""
        try:
            return open_store(self.plan.state)
        except ValueError as error:
            raise NightStateUnusable(self.plan.night, str(error), started) from None

    def _stop_crawl(self, signum: int) -> None:
        """From the signal handler: Scrapy's graceful stop of every crawler, in the reactor (or
        of every worker: they give their boards back)."""
        if self.plan.workers:
            logger.info(
                "%s: stopping the workers, nothing of night %s is published",
                signal.Signals(signum).name,
                self.plan.night,
            )
            self.stopping.set()
            return
        from twisted.internet import reactor

        reactor.callFromThread(self._stop_crawlers, signal.Signals(signum).name)

    def _stop_crawlers(self, signal_name: str | None = None) -> None:
        from twisted.internet import reactor

        if signal_name:
            logger.info(
                "%s: stopping the crawlers, nothing of night %s is published (again to stop at "
                "once)",
                signal_name,
                self.plan.night,
            )
        # Only crawlers whose engine runs: Scrapy's stop of a crawler still starting marks it
        # stopped without stopping its engine, and that crawl never ends (the night hung until
        # a second signal). The others are asked again until all have ended (the reactor stops
        # then, and drops the call).
        for crawler in list(self.process.crawlers):
            if crawler.crawling and _engine_running(crawler):
                deferred_from_coro(crawler.stop_async())
        reactor.callLater(_STOP_AGAIN_SECONDS, self._stop_crawlers)

    def _finished(self, step: str) -> None:
        self.signals.send_catch_log(signals.step_finished, step=step)
