"""`scrapy crawlall`: the nightly crawl of every enabled source, in one process.

Writes under ``feeds/<YYYY-MM-DD>/``: ``postings.jsonl`` (every valid posting, with status and
duplicate_of), ``jobs.jsonl`` (one line per live job: its canonical posting plus ``sources``),
``delta.jsonl`` (jobs new or updated tonight), ``expired.jsonl`` (postings that went away),
``deadletter.jsonl`` (every dropped item, with why) and ``report.json``, then prints a summary.

Incremental: each crawler serves posting details from the detail cache while their lists show
them unchanged (``scrapers/detail_cache.py``); ``--full`` (``JOBSIEVE_INCREMENTAL = False``)
fetches every detail again. ``report.json`` counts the requests sent and the details served.

``--offline`` nights replay the shipped world into their own folder (``JOBSIEVE_OFFLINE_FEEDS_DIR``,
``feeds/offline``) with their own state and detail cache, so the world's fictional postings never
reach the live state.

The terminal stays quiet (``scrapers/terminal.py``): the log (INFO and up, or ``-L``'s level) goes
to ``--logfile`` / ``LOG_FILE``, else to ``<feeds>/logs/<night>.log``, named in the last line on
stderr; stderr gets only the warnings a person has to read now, not those the summary's lines
name. While the crawlers run, a live progress display is drawn on stderr when it is a terminal
(``scrapers/progress.py``); elsewhere a line per source finishing goes to the log.

Exit codes (``scrapers/night/status.py``): 0 complete, 3 degraded, 4 failed or could not start,
2 usage error (or an earlier night refused), 75 another night is running in the feeds folder,
130 / 143 interrupted by SIGINT / SIGTERM.

This command only reads and checks its options; the night itself, step by step, one at a time
and whole or nothing, is :class:`scrapers.night.run.Night`.
"""

from __future__ import annotations

import argparse
import signal
import sys
from datetime import datetime
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES, Settings
from scrapy.spiderloader import SpiderLoaderProtocol, get_spider_loader

from scrapers.clock import CrawlClock
from scrapers.night.plan import NightPlan
from scrapers.night.report import summary_lines
from scrapers.night.run import Night
from scrapers.night.signals import step_finished
from scrapers.night.status import EXIT_CODES, NightInterrupted, NightStopped
from scrapers.progress import NightProgress, stderr_is_terminal
from scrapers.settings_check import check_settings
from scrapers.sources import load_sources
from scrapers.spider import check_source_tables, check_spider_builds
from scrapers.state import state_location
from scrapers.terminal import (
    install_terminal_handler,
    is_stderr,
    night_log_file,
    remove_terminal_handler,
)


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return (
            "[--offline] [--full] [--sources NAME,...] [--night YYYY-MM-DD [--rebuild]] "
            "[--workers N] | --join redis://host:6379/0?night=<id>"
        )

    def short_desc(self) -> str:
        return "Run every enabled source and write tonight's feeds and report"

    def long_desc(self) -> str:
        return (
            "Run every enabled source and write tonight's feeds and report. Exit codes: 0 "
            "complete, 3 degraded (something not read in full), 4 failed (no source read in "
            "full, nothing exported, or the night could not start), 2 usage error or an earlier "
            "night refused, 75 another night is running in the feeds folder, 130 / 143 "
            "interrupted by SIGINT / SIGTERM (nothing published)."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--offline",
            action="store_true",
            help=(
                "replay the world shipped with jobsieve instead of the network, in a feeds "
                "folder of its own (JOBSIEVE_OFFLINE_FEEDS_DIR, feeds/offline)"
            ),
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="fetch every posting's detail again, even where the list says it is unchanged",
        )
        parser.add_argument(
            "--sources", default=None, help="comma-separated subset of the enabled sources"
        )
        parser.add_argument(
            "--night", default=None, help="date of the feeds folder (default: today, UTC)"
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help=(
                "run a --night earlier than the last one the state remembers, on purpose: its "
                "feeds are rebuilt against the state as it is now, the postings it sees take its "
                "date as last seen, and the later nights are taken off the state's list of "
                "nights, to be run again in order"
            ),
        )

        parser.add_argument(
            "--workers",
            type=int,
            default=0,
            metavar="N",
            help=(
                "crawl with N worker processes on this machine, boards handed out through Redis "
                "(JOBSIEVE_REDIS_URL; docs/scaling.md); the night is published once, here"
            ),
        )
        parser.add_argument(
            "--join",
            default=None,
            metavar="URL",
            help=(
                "take part as a worker in the night another machine's `crawlall --workers` runs "
                "(the URL it logs), as `scrapy worker URL` does"
            ),
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        settings = self.settings
        assert settings is not None
        if opts.join:
            return  # a worker: the night's options come from its coordinator
        if opts.workers < 0:
            raise UsageError("--workers: give 1 or more", print_help=False)
        if opts.offline:
            world = settings.get("JOBSIEVE_SHIPPED_WORLD")
            if not Path(world).is_dir():
                raise UsageError(f"--offline: no shipped world at {world}; run `scrapy buildworld`")
            settings.set("JOBSIEVE_WORLD", world, priority="cmdline")
            offline_folders(settings)
        if opts.full:
            settings.set("JOBSIEVE_INCREMENTAL", False, priority="cmdline")
        try:
            check_settings(settings)
        except ValueError as error:
            raise UsageError(str(error), print_help=False) from None
        today, self.now = CrawlClock.from_settings(settings).night_and_stamp()
        self.night = opts.night or today
        try:
            datetime.strptime(self.night, "%Y-%m-%d")
        except ValueError:
            message = f"--night {self.night!r} is not YYYY-MM-DD"
            raise UsageError(message, print_help=False) from None
        self.rebuild = opts.rebuild
        # Refused here, before the log file is opened (with the crawler process, next): bad input
        # leaves nothing behind, not even a log folder.
        self.sources = self._sources(opts, get_spider_loader(settings))
        self.log_file = self._log_file(settings)

    def _log_file(self, settings: Settings) -> Path | None:
        """The night's log: ``--logfile`` / ``LOG_FILE`` as given, else one file per night beside
        its feeds (an --offline night's in its own feeds folder); none with ``--nolog``. Set
        before Scrapy configures its logging, which opens it."""
        if settings.get("LOG_FILE"):
            path = Path(settings.get("LOG_FILE"))
        elif settings.getbool("LOG_ENABLED"):
            path = night_log_file(Path(settings.get("JOBSIEVE_FEEDS_DIR")), self.night)
            settings.set("LOG_FILE", str(path), priority="cmdline")
        else:
            return None
        # --logfile feeds/crawlall.log works on a fresh clone: the log opens before the night.
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _sources(self, opts: argparse.Namespace, spiders: SpiderLoaderProtocol) -> list[str]:
        assert self.settings is not None
        try:
            configured = load_sources(self.settings.get("JOBSIEVE_SOURCES"))
        except ValueError as error:
            raise UsageError(str(error), print_help=False) from error
        known = set(spiders.list())
        unknown = sorted(set(configured) - known)
        if unknown:
            raise UsageError(
                f"sources file names unknown spider(s): {', '.join(unknown)}", print_help=False
            )
        try:
            check_source_tables(configured, spiders.load)
        except ValueError as error:
            raise UsageError(str(error), print_help=False) from None
        names = [name for name, config in configured.items() if config.enabled]
        if opts.sources:
            wanted = [s.strip() for s in opts.sources.split(",") if s.strip()]
            missing = sorted(set(wanted) - known)
            if missing:
                raise UsageError(
                    f"--sources: unknown spider(s) {', '.join(missing)}", print_help=False
                )
            names = wanted
        if not names:
            raise UsageError("no enabled source to crawl", print_help=False)
        # Each spider built as its crawl will build it: what cannot be right is said now, in one
        # line, not found once the night has started.
        for name in names:
            try:
                check_spider_builds(spiders.load(name), self.settings)
            except ValueError as error:
                raise UsageError(str(error), print_help=False) from None
        return sorted(names)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if opts.join:
            from scrapers.commands.worker import join_night

            self.exitcode = join_night(self.crawler_process, opts.join)
            return
        # Warnings a person has to read now, on stderr; the rest in the log file only. None when
        # the log is stderr itself (--logfile /dev/stderr) or off (--nolog).
        terminal = None
        if self.log_file is not None and not is_stderr(self.log_file):
            terminal = install_terminal_handler(self.settings.get("LOG_LEVEL"))
        try:
            self._run(opts)
        finally:
            remove_terminal_handler(terminal)

    def _run(self, opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None and self.settings is not None
        settings = self.settings
        feeds_dir = Path(settings.get("JOBSIEVE_FEEDS_DIR"))
        plan = NightPlan(
            night=self.night,
            now=self.now,
            sources=tuple(self.sources),
            feeds_dir=feeds_dir,
            state=state_location(settings.get("JOBSIEVE_STATE"), feeds_dir),
            expire_after=settings.getint("JOBSIEVE_EXPIRE_AFTER"),
            world=settings.get("JOBSIEVE_WORLD"),
            rebuild=self.rebuild,
            workers=opts.workers,
        )
        night = Night(self.crawler_process, plan)
        # Drawn while the crawlers run; stopped when the crawl ends, is interrupted or fails.
        progress = NightProgress(plan.sources, live=stderr_is_terminal())
        night.signals.connect(progress.step_finished, signal=step_finished)
        try:
            with progress:
                outcome = night.run()
        except (NightStopped, NightInterrupted) as stopped:
            self._name_the_log()
            print(stopped, file=sys.stderr)
            self.exitcode = stopped.exit_code
            return
        shown_log = (
            str(self.log_file)
            if self.log_file is not None and not is_stderr(self.log_file)
            else None
        )
        print("\n".join(summary_lines(outcome.report, log_file=shown_log)))
        self._name_the_log()
        if outcome.late_signal is not None:
            name = signal.Signals(outcome.late_signal).name
            print(
                f"{name} came while the night was publishing: it was finished first",
                file=sys.stderr,
            )
        self.exitcode = EXIT_CODES[outcome.status]

    def _name_the_log(self) -> None:
        """Where the whole story is: on stderr, so that stdout stays the summary alone."""
        if self.log_file is not None and not is_stderr(self.log_file):
            print(f"  {'log':<20} {self.log_file}", file=sys.stderr)


# What an --offline night keeps to itself, unless set with -s on its command line.
_OFFLINE_OWN = ("JOBSIEVE_FEEDS_DIR", "JOBSIEVE_STATE", "JOBSIEVE_CACHE_DIR")


def offline_folders(settings: Settings) -> None:
    """An --offline night's feeds, state and detail cache in ``JOBSIEVE_OFFLINE_FEEDS_DIR``, so
    that the shipped world's fictional postings never meet a live night's: each is moved there
    unless given with -s (tests and experiments point a night anywhere)."""
    command_line = SETTINGS_PRIORITIES["cmdline"]
    for name in _OFFLINE_OWN:
        if (settings.getpriority(name) or 0) < command_line:
            value = (
                settings.get("JOBSIEVE_OFFLINE_FEEDS_DIR") if name == "JOBSIEVE_FEEDS_DIR" else None
            )
            settings.set(name, value, priority="cmdline")
