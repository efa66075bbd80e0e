"""Progress while crawling.

- Every crawl: a progress line in the log every ``LOGSTATS_INTERVAL`` seconds and when the spider
  closes (what LogStats says, plus what jobsieve drops and misses).
- A night (``scrapy crawlall``): one :class:`NightProgress` for all its crawlers, which run side
  by side in one Twisted reactor in one process. Each crawler's :class:`ProgressExtension` joins
  it; it adds up their stats — sources done of the night's total, requests sent, postings,
  errors — and shows them in a live display (rich) when stderr is a terminal, refreshed from the
  reactor while the night crawls. Elsewhere (cron, CI, tests) there is no live display: a line
  per source as it finishes goes to the log, so even an eight-second night shows its progress.
- A night with workers (``scrapy crawlall --workers N``): no crawler runs in the coordinator; it
  gives the display the stats it has merged from the workers' results so far
  (:meth:`NightProgress.staged`), and a source is done when every one of its boards is.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from scrapy import signals
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# How often the live display is redrawn, in seconds.
REFRESH = 0.2


def progress_line(name: str, stats: dict[str, Any]) -> str:
    dropped = sum(v for k, v in stats.items() if k.startswith("jobsieve/dropped/"))
    parts = [
        f"{name}: {stats.get('response_received_count', 0)} pages",
        f"{stats.get('item_scraped_count', 0)} postings",
        f"{dropped} dropped",
    ]
    if errors := sum(v for k, v in stats.items() if k.endswith("/error")):
        parts.append(f"{errors} source errors")
    if missing := stats.get("jobsieve/world/missing"):
        parts.append(f"{missing} missing recordings")
    return ", ".join(parts)


@dataclass(frozen=True)
class Figures:
    """What a crawl (or a night's crawls, added up) has done so far."""

    requests: int = 0  # sent to the site, as report.json counts them (not served by the cache)
    postings: int = 0  # scraped
    errors: int = 0  # logged at ERROR: a board that failed, a posting that could not be read

    @classmethod
    def of(cls, stats: Mapping[str, Any]) -> Figures:
        return cls(
            requests=int(stats.get("downloader/request_count", 0))
            - int(stats.get("httpcache/hit", 0)),
            postings=int(stats.get("item_scraped_count", 0)),
            errors=int(stats.get("log_count/ERROR", 0)),
        )

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.requests + other.requests,
            self.postings + other.postings,
            self.errors + other.errors,
        )

    @classmethod
    def total(cls, figures: Iterable[Figures]) -> Figures:
        return sum(figures, cls())

    def __str__(self) -> str:
        return f"{self.requests} requests, {self.postings} postings, {self.errors} errors"


def stderr_is_terminal() -> bool:
    """A live display can be drawn on stderr: a terminal, not a dumb one (rich's judgement, which
    also reads ``TTY_COMPATIBLE`` and ``TERM``)."""
    console = Console(stderr=True)
    return console.is_terminal and not console.is_dumb_terminal


class NightProgress:
    """The night's progress, shared by its crawlers (one process, one night: the one open is
    :attr:`current`). ``live`` draws it on stderr (a terminal); without, each source finishing
    is a line in the log."""

    current: ClassVar[NightProgress | None] = None

    def __init__(self, sources: Iterable[str], *, live: bool) -> None:
        self.sources = tuple(sources)
        self.live = live
        self._crawlers: dict[str, Crawler] = {}
        # A night with workers: each source's stats as the coordinator has merged them so far.
        self._staged: Mapping[str, Mapping[str, Any]] = {}
        self.done: list[str] = []
        self._display: Progress | None = None
        self._task: TaskID | None = None
        self._loop: task.LoopingCall | None = None

    # --- the night's side: open while the crawlers run -------------------------------------------

    def __enter__(self) -> NightProgress:
        NightProgress.current = self
        if self.live:
            self._start_display()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the display (the crawl is over, stopped or failed): the terminal is left as it
        was, the last figures drawn once more. Safe to call twice."""
        if NightProgress.current is self:
            NightProgress.current = None
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        display, self._display = self._display, None
        if display is not None:
            self._draw(display)
            display.stop()

    def step_finished(self, step: str, **kwargs: Any) -> None:
        """The night's ``step_finished`` signal: the display ends with the crawl."""
        if step == "crawl":
            self.close()

    # --- the crawlers' side ----------------------------------------------------------------------

    def join(self, crawler: Crawler) -> None:
        """A crawler of the night: its stats are added up until the night is over."""
        self._crawlers[crawler.spidercls.name] = crawler
        if self._display is not None and self._loop is None:
            # Drawn from the reactor's thread, where the stats change: never read mid-update.
            self._loop = task.LoopingCall(self.refresh)
            self._loop.start(REFRESH, now=True)

    def finished(self, name: str, stats: Mapping[str, Any], reason: str) -> None:
        if name not in self.done:
            self.done.append(name)
        own = Figures.of(stats)
        logger.info(
            "Night progress: %d/%d sources done (%s %s: %s); so far %s",
            len(self.done),
            len(self.sources),
            name,
            reason,
            own,
            self.figures(),
        )
        self.refresh()

    def staged(self, stats: Mapping[str, Mapping[str, Any]], done: Iterable[str]) -> None:
        """A night with workers: ``stats`` per source as merged from the workers' results so
        far, ``done`` the sources whose boards are all published. Called from the coordinator's
        own loop (no reactor runs there)."""
        self._staged = stats
        for name in done:
            if name not in self.done:
                self.finished(name, stats.get(name, {}), "finished")
        self.refresh()

    def figures(self) -> Figures:
        crawling = (Figures.of(c.stats.get_stats()) for c in self._crawlers.values())
        staged = (Figures.of(stats) for stats in self._staged.values())
        return Figures.total([*crawling, *staged])

    def running(self) -> list[str]:
        started = set(self._crawlers) | {name for name, stats in self._staged.items() if stats}
        return [name for name in self.sources if name in started and name not in self.done]

    # --- the display ---------------------------------------------------------------------------

    def _start_display(self) -> None:
        console = Console(stderr=True)
        self._display = Progress(
            TextColumn("[bold]crawling[/]"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TextColumn("sources  {task.fields[figures]}  {task.fields[running]}"),
            TimeElapsedColumn(),
            console=console,
            # Redrawn from the reactor (refresh), not from a thread of rich's own.
            auto_refresh=False,
            # The summary on stdout is printed after the display stops; a stdout sent to a
            # file must not be drawn on the terminal instead.
            redirect_stdout=False,
            redirect_stderr=True,
        )
        self._task = self._display.add_task(
            "crawl", total=len(self.sources), figures="", running=""
        )
        self._display.start()
        # The cursor stays visible: a second Ctrl-C ends the process at once (as kill -9 would)
        # and no code runs that could show it again.
        console.show_cursor(True)
        self.refresh()

    def refresh(self) -> None:
        if self._display is not None:
            self._draw(self._display)

    def _draw(self, display: Progress) -> None:
        assert self._task is not None
        running = self.running()
        shown = ", ".join(running[:3]) + (f" +{len(running) - 3}" if len(running) > 3 else "")
        display.update(
            self._task,
            completed=len(self.done),
            figures=str(self.figures()),
            running=f"(running: {shown})" if running else "",
        )
        display.refresh()


class ProgressExtension:
    """Each crawler's progress: a line in the log every ``LOGSTATS_INTERVAL`` seconds (0: none)
    and when it closes; in a night, its stats joined to the night's :class:`NightProgress`."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self._loop: task.LoopingCall | None = None
        self.night = NightProgress.current
        if self.night is not None:
            self.night.join(crawler)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        return cls(crawler, crawler.settings.getfloat("LOGSTATS_INTERVAL"))

    def spider_opened(self, spider: Any) -> None:
        if self.interval:
            self._loop = task.LoopingCall(self.log)
            self._loop.start(self.interval, now=False)

    def log(self) -> None:
        name = self.crawler.spider.name if self.crawler.spider else "crawl"
        logger.info("Progress %s", progress_line(name, self.crawler.stats.get_stats()))

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self.interval:
            self.log()
        if self.night is not None:
            self.night.finished(spider.name, self.crawler.stats.get_stats(), reason)
