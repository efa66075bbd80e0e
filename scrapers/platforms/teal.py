"""Base spider for Teal (tealhq.com), a job aggregator: the job listing page by page, then each
job's page (the embedded state, else the visible page; see scrapers/extractors/teal.py).

Teal has no company boards: the crawl is one search, and its faults are counted under the board
named after the query (``all`` without one): ``jobsieve/source/teal/<query>/…``.
Unverified: Teal answers some non-browser clients with HTTP 403; such a page is counted
(``jobsieve/blocked`` and ``…/<query>/blocked``) and skipped, never parsed.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.teal import listing_url, parse_job_page, parse_listing
from scrapers.spider import JobSpider, SpiderOption

MAX_PAGES = 50
DEFAULT_PAGES = 5
MAX_QUERY = 100


def parse_pages(value: Any) -> int:
    """How many listing pages to read: a whole number from 1 to MAX_PAGES."""
    try:
        pages = int(str(value).strip())
    except ValueError:
        pages = 0
    if not 1 <= pages <= MAX_PAGES:
        raise ValueError(f"teal: pages={value!r} is not a number of pages from 1 to {MAX_PAGES}")
    return pages


def parse_query(value: Any) -> str:
    """Search words, whitespace collapsed: printable, 1 to MAX_QUERY characters."""
    query = " ".join(str(value).split())
    if not query or len(query) > MAX_QUERY or not query.isprintable():
        raise ValueError(f"teal: query={value!r} is not 1 to {MAX_QUERY} printable characters")
    return query


class TealSpider(JobSpider):
    """``-a query="data engineer"`` (default: every job), ``-a pages=N`` (listing pages to read,
    1–50, default 5); both also as ``query``/``pages`` in the ``[teal]`` table of sources.toml."""

    allowed_domains: list[str] = ["www.tealhq.com"]  # noqa: RUF012
    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "query": SpiderOption(parse_query),
        "pages": SpiderOption(parse_pages, DEFAULT_PAGES),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("boards") is not None:
            raise ValueError("teal: has no boards; choose the jobs with -a query=...")
        super().__init__(*args, **kwargs)

    @property
    def board(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.query.lower()).strip("-") if self.query else "all"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self.listing_request(1)

    def listing_request(self, page: int) -> scrapy.Request:
        return self.board_request(
            listing_url(self.query, page),
            self.board,
            self.parse_listing,
            errback=self.listing_failed,
            cb_kwargs={"page": page},
        )

    def parse_listing(self, response: Response, board: str, page: int) -> Iterator[Any]:
        try:
            listing = parse_listing(response.body, url=response.url)
        except SourceFormatError as error:
            self.board_error(board, f"{error} ({response.url})")
            return
        self.board_skipped(board, listing.skipped)
        if page == 1 and not listing.job_urls:
            yield from self.board_items(board, [])  # counts the listing as empty
        for url in listing.job_urls:
            yield self.job_page_request(
                url, board, self.parse_job, errback=self.job_failed, card=listing.cards.get(url, "")
            )
        if listing.has_next and listing.job_urls and page < self.pages:
            yield self.listing_request(page + 1)

    def parse_job(self, response: Response, board: str) -> Iterator[Any]:
        try:
            page = parse_job_page(response.body, url=response.url, crawled_at=self.crawled_at())
        except SourceFormatError as error:
            self.forget_cached(response)
            self.board_skipped(board, [f"{error} ({response.url})"])
            return
        if page.state_problem:
            self.board_count(board, "malformed_state")
            self.logger.warning("%s: %s; read the visible page", response.url, page.state_problem)
        for item in self.board_items(board, [page.posting]):
            yield self.post_process_item(item, response)

    def listing_failed(self, failure: Failure) -> None:
        self._count_blocked(failure)
        self.board_failed(failure)

    def job_failed(self, failure: Failure) -> None:
        """A blocked or vanished job page is one job skipped; the listing goes on."""
        if self._count_blocked(failure):
            return
        board = failure.request.cb_kwargs.get("board", "?")
        self.board_skipped(board, [f"{failure.getErrorMessage()} ({failure.request.url})"])

    def _count_blocked(self, failure: Failure) -> bool:
        if not (failure.check(HttpError) and failure.value.response.status == 403):
            return False
        self.blocked(failure.request.cb_kwargs.get("board", "?"), failure.request.url, "HTTP 403")
        return True
