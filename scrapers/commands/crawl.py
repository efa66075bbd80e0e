"""`scrapy crawl`, as Scrapy's own, but bad input stops it before anything starts and its exit code
says whether any board was read (codes: ``scrapers/crawl_outcome.py``).

Before the crawl: the spider's name, the ``JOBSIEVE_*`` settings (``scrapers/settings_check.py``),
the spider's arguments and its table in the sources file are checked — the spider is built once on
a crawler that never starts, exactly as the crawl will build it — and whatever cannot be right is
one line and exit code 2, never a traceback. After the crawl: exit code 3 when every board failed.
"""

from __future__ import annotations

import argparse
import difflib
import logging
from typing import Any

from scrapy import Spider
from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from scrapers.crawl_outcome import EXIT_EVERY_BOARD_FAILED, board_errors, every_board_failed
from scrapers.settings_check import check_settings
from scrapers.spider import check_spider_builds

logger = logging.getLogger(__name__)


class Command(ScrapyCrawlCommand):
    crawler: Crawler | None = None

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        try:
            check_settings(self.settings)
        except ValueError as error:
            raise UsageError(str(error), print_help=False) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1:
            self._check_start(self._spider_class(args[0]), opts.spargs)
        super().run(args, opts)
        crawler = self.crawler
        if self.exitcode == 0 and crawler is not None and crawler.spider is not None:
            name, stats = crawler.spider.name, crawler.stats.get_stats()
            if every_board_failed(name, stats):
                boards, _ = board_errors(name, stats)
                logger.error(
                    "%s: every board failed (%s) and nothing was scraped",
                    name,
                    ", ".join(sorted(boards)),
                )
                self.exitcode = EXIT_EVERY_BOARD_FAILED

    def _spider_class(self, name: str) -> type[Spider]:
        assert self.crawler_process is not None
        loader = self.crawler_process.spider_loader
        known = sorted(loader.list())
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            message = f"no spider named {name!r} ({hint}known: {', '.join(known)})"
            raise UsageError(message, print_help=False)
        return loader.load(name)

    def _check_start(self, spidercls: type[Spider], arguments: dict[str, Any]) -> None:
        """Build the spider as the crawl will, on a crawler that never runs: a ValueError there
        (an argument, an option, the sources file) is the user's input, said in one line."""
        assert self.settings is not None
        try:
            check_spider_builds(spidercls, self.settings, **arguments)
        except ValueError as error:
            raise UsageError(str(error), print_help=False) from None

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler
