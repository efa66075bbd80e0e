"""Teal job listings: `scrapy crawl teal [-a query="data engineer"] [-a pages=3]`.

Teal (tealhq.com) aggregates jobs: the listing page by page, then each job's page (the embedded
state, else the visible page; see scrapers/extractors/teal.py). It has no company boards: the
crawl is one search, and its faults are counted under the board named after the query (``all``
without one): ``jobsieve/source/teal/<query>/…``.

Unverified (no public source documents these; the most plausible real behaviour was chosen): the
listing is https://www.tealhq.com/jobs?query=…&page=N, ten jobs a page with a rel="next" link
while more follow; job pages embed ``window.__REACT_QUERY_STATE__`` (its employment types under
``employment_types``) and show the ATS link as an icon; Teal answers some non-browser clients
with HTTP 403, which is counted (``jobsieve/blocked`` and ``…/<query>/blocked``), never parsed.

A job page that cannot be read (5xx after the retries, a timeout, a block, an answer that is not
a job page) is counted as ``…/<query>/detail_error``, and the job's listing card (title,
company, age, pay, workplace) is exported as its posting, without a body; a card without a title
leaves the job held (it does not expire tonight). A page that is gone (404, 410) exports nothing.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from scrapers.extractors.base import ExpectedSkip
from scrapers.extractors.teal import job_id_from_url, listing_url, parse_job_page, parse_listing
from scrapers.options import SpiderOption, whole_number, words
from scrapers.registry import Source
from scrapers.spider import JobSpider, is_gone

MAX_PAGES = 50
DEFAULT_PAGES = 5
MAX_QUERY = 100


class TealSpider(JobSpider):
    """``-a query="data engineer"`` (default: every job), ``-a pages=N`` (listing pages to read,
    1–50, default 5); both also as ``query``/``pages`` in the ``[teal]`` table of sources.toml."""

    name = "teal"
    source = Source(kind="board", domains=("www.tealhq.com",))
    board_pattern = None
    board_hint = "choose the jobs with -a query=..."
    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "query": SpiderOption(words("query", MAX_QUERY, required=True)),
        "pages": SpiderOption(whole_number("pages", 1, MAX_PAGES), DEFAULT_PAGES),
    }

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
            cb_kwargs={"page": page},
        )

    def parse_listing(self, response: Response, board: str, page: int) -> Iterator[Any]:
        listing = parse_listing(response.body, url=response.url, crawled_at=self.crawled_at())
        self.board_skipped(board, listing.skipped)
        if page == 1 and not listing.job_urls:
            yield from self.board_items(board, [])  # counts the listing as empty
        for url in listing.job_urls:
            yield self.job_page_request(
                url,
                board,
                self.parse_job,
                errback=self.job_failed,
                card=listing.cards.get(url, ""),
                listed=listing.postings.get(url),
            )
        if listing.has_next and listing.job_urls and page < self.pages:
            yield self.listing_request(page + 1)
        elif listing.has_next and listing.job_urls:
            # The query's later pages were not read: a job that slid past the cap is not gone.
            self.board_incomplete(board, f"stopped at the page cap ({self.pages}) of the listing")

    def parse_job(
        self, response: Response, board: str, listed: dict[str, Any] | None = None
    ) -> Iterator[Any]:
        # ``listed`` (the card's fields) is for job_failed: the page, once read, says more.
        page = parse_job_page(response.body, url=response.url, crawled_at=self.crawled_at())
        if page.state_problem:
            # INFO (scrapers/terminal.py): the visible page gives the posting; counted.
            self.board_count(board, "malformed_state")
            self.logger.info("%s: %s; read the visible page", response.url, page.state_problem)
        yield from self.board_items(board, [page.posting])

    def job_failed(self, failure: Failure) -> list[Any]:
        """A job page that is gone (404, 410) is skipped; one blocked, failed or unreadable costs
        only its page: what the listing card shows is exported (a card without a title leaves the
        job held); the listing goes on."""
        if is_gone(failure):
            board = failure.request.cb_kwargs.get("board", "?")
            gone = f"{failure.getErrorMessage()} ({failure.request.url})"
            self.board_skipped(board, [ExpectedSkip(gone)])
            return []
        return self.job_page_missing(failure, job_id_from_url(failure.request.url))
