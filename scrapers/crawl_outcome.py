"""How a `scrapy crawl` ended, from its stats: its exit code (no Scrapy import).

0   the crawl ran and read at least one board (a failed board is logged and counted, not fatal)
1   Scrapy's own: the crawl failed to start for an unforeseen reason (a traceback says which)
2   a usage error: an unknown spider, argument, setting or sources-file key, or a value that
    cannot be right; one line says which, and nothing was crawled
4   every board the crawl tried failed (``jobsieve/source/<spider>/<board>/error``, or
    ``…/blocked``) and no item was scraped: the crawl failed, as a ``crawlall`` night with nothing
    read in full does

The numbers are ``crawlall``'s (``scrapers/night/status.py``), so a script reads both alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scrapers.night.status import EXIT_FAILED, EXIT_USAGE

__all__ = ["EXIT_EVERY_BOARD_FAILED", "EXIT_USAGE", "board_errors", "every_board_failed"]

EXIT_EVERY_BOARD_FAILED = EXIT_FAILED


def board_errors(spider: str, stats: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(the boards the crawl counted anything of, those with an error)."""
    prefix = f"jobsieve/source/{spider}/"
    boards: set[str] = set()
    failed: set[str] = set()
    for key, value in stats.items():
        if key.startswith(prefix):
            board, _, what = key.removeprefix(prefix).rpartition("/")
            boards.add(board)
            # A board's list behind a bot wall is as lost as one that failed.
            if what in ("error", "blocked") and value:
                failed.add(board)
    return boards, failed


def every_board_failed(spider: str, stats: Mapping[str, Any]) -> bool:
    boards, failed = board_errors(spider, stats)
    return bool(boards) and failed == boards and not stats.get("item_scraped_count")
