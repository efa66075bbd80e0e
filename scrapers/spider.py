"""What every jobsieve spider shares: choosing boards, the crawl clock, faults per board."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapers.items import JobPosting
from scrapers.sources import load_sources


def utc_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class JobSpider(scrapy.Spider):
    """Base of every source spider.

    Subclasses set ``board_pattern`` (what a board name of this source looks like) and yield
    requests from :meth:`board_request`; a board that fails is logged with its name and counted
    under ``jobsieve/source/<spider>/<board>/error`` while the other boards go on.
    """

    board_pattern: ClassVar[re.Pattern[str]] = re.compile(r"^\S+$")
    board_hint: ClassVar[str] = "a board name"

    def __init__(self, *args: Any, boards: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requested_boards = self._parse_boards(boards) if boards is not None else None

    def _parse_boards(self, value: str) -> list[str]:
        boards = [b.strip() for b in value.split(",") if b.strip()]
        if not boards:
            raise ValueError(f"{self.name}: -a boards= is empty")
        bad = [b for b in boards if not self.board_pattern.match(b)]
        if bad:
            raise ValueError(f"{self.name}: {', '.join(map(repr, bad))} is not {self.board_hint}")
        return boards

    def selected_boards(self) -> list[str]:
        """The -a boards= argument, else this source's boards in the sources file."""
        if self.requested_boards is not None:
            return self.requested_boards
        sources = load_sources(self.settings.get("JOBSIEVE_SOURCES"))
        config = sources.get(self.name)
        boards = self._parse_boards(",".join(config.boards)) if config and config.boards else []
        if not boards:
            self.logger.warning("No boards for %s in the sources file or -a boards=", self.name)
        return boards

    def crawled_at(self) -> str:
        frozen = self.settings.get("JOBSIEVE_CRAWL_TIME")
        return (
            utc_timestamp(datetime.fromisoformat(frozen))
            if frozen
            else utc_timestamp(datetime.now(UTC))
        )

    def board_request(
        self, url: str, board: str, callback: Callable[..., Any], **kwargs: Any
    ) -> scrapy.Request:
        cb_kwargs = {"board": board, **kwargs.pop("cb_kwargs", {})}
        kwargs.setdefault("errback", self.board_failed)
        return scrapy.Request(url, callback=callback, cb_kwargs=cb_kwargs, **kwargs)

    def board_failed(self, failure: Failure) -> None:
        board = failure.request.cb_kwargs.get("board", "?")
        if failure.check(HttpError):
            response: Response = failure.value.response
            reason = f"HTTP {response.status} from {response.url}"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        self.board_error(board, reason)

    def board_error(self, board: str, reason: str) -> None:
        self.crawler.stats.inc_value(f"jobsieve/source/{self.name}/{board}/error")
        self.logger.error("Board %r of %s failed: %s", board, self.name, reason)

    def board_skipped(self, board: str, reasons: list[str]) -> None:
        for reason in reasons:
            self.crawler.stats.inc_value(f"jobsieve/source/{self.name}/{board}/skipped")
            self.logger.warning("Board %r of %s: skipped an entry: %s", board, self.name, reason)

    def board_items(self, board: str, postings: list[dict[str, Any]]) -> list[JobPosting]:
        if not postings:
            self.crawler.stats.inc_value(f"jobsieve/source/{self.name}/{board}/empty")
            self.logger.warning("Board %r of %s lists no jobs", board, self.name)
        self.crawler.stats.inc_value(f"jobsieve/source/{self.name}/{board}/postings", len(postings))
        return [JobPosting(**posting) for posting in postings]
