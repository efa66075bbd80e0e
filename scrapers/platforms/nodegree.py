"""Base spider for the NoDegree job board: listing pages (organisations', and optionally the
all-jobs listing) followed page by page through their ``rel="next"`` link, then each job page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.nodegree import (
    ORGANIZATION,
    PostingGone,
    all_jobs_url,
    job_url_parts,
    organization_jobs_url,
    parse_job_page,
    parse_listing,
)
from scrapers.spider import JobSpider, SpiderOption

# The all-jobs listing is counted as a board of its own in the stats and the report.
ALL_JOBS = "all-jobs"
DEFAULT_MAX_PAGES = 20
PAGE_LIMIT = 10_000


def _count(name: str, value: Any, *, minimum: int) -> int:
    """A spider argument or sources-file option that must be a whole number ≥ ``minimum``."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if number is None or not minimum <= number <= PAGE_LIMIT or isinstance(value, bool):
        raise ValueError(
            f"nodegree: {name}={value!r} is not a whole number from {minimum} to {PAGE_LIMIT}"
        )
    return number


class NodegreeSpider(JobSpider):
    """NoDegree listings and job pages; arguments and assumptions: ``spiders/nodegree.py``."""

    board_pattern = ORGANIZATION
    board_hint = "a NoDegree organisation slug (letters, digits, - and _)"
    allowed_domains: list[str] = ["jobs.nodegree.com"]  # noqa: RUF012

    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "max_pages": SpiderOption(partial(_count, "max_pages", minimum=1), DEFAULT_MAX_PAGES),
        "all_jobs_pages": SpiderOption(partial(_count, "all_jobs_pages", minimum=0), 0),
    }

    def __init__(
        self, *args: Any, organizations: str | None = None, boards: str | None = None, **kwargs: Any
    ) -> None:
        if organizations is not None and boards is not None:
            raise ValueError("nodegree: give -a organizations= or -a boards=, not both")
        super().__init__(*args, boards=organizations if boards is None else boards, **kwargs)

    def organizations(self) -> list[str]:
        # An all-jobs-only crawl needs no organisation: no warning about a missing list.
        if self.requested_boards is None and self.all_jobs_pages:
            config = self.source_config()
            if not (config and config.boards):
                return []
        return self.selected_boards()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for org in self.organizations():
            yield self.listing_request(organization_jobs_url(org), org, page=1)
        if self.all_jobs_pages:
            yield self.listing_request(all_jobs_url(), ALL_JOBS, page=1)

    def listing_request(self, url: str, board: str, page: int) -> scrapy.Request:
        return self.board_request(url, board, self.parse_listing, cb_kwargs={"page": page})

    def parse_listing(self, response: Response, board: str, page: int) -> Iterator[Any]:
        try:
            listing = parse_listing(response.body, response.url)
        except SourceFormatError as error:
            self.board_error(board, str(error))
            return
        if page == 1 and not listing.job_urls:
            yield from self.board_items(board, [])  # counts the board as empty
            return
        for url in listing.job_urls:
            # Jobs found on the all-jobs listing count for their own organisation.
            parts = job_url_parts(url) if board == ALL_JOBS else None
            org = parts[0] if parts else board
            yield self.job_page_request(
                url, org, self.parse_job, errback=self.job_failed, card=listing.cards.get(url, "")
            )
        cap = self.all_jobs_pages if board == ALL_JOBS else self.max_pages
        if listing.next_url and page < cap:
            yield self.listing_request(listing.next_url, board, page + 1)
        elif listing.next_url:
            self.board_count(board, "page_cap")
            self.logger.info("%s: stopped at the page cap (%d) of %r", self.name, cap, board)

    def parse_job(self, response: Response, board: str) -> Iterator[Any]:
        try:
            posting = parse_job_page(response.body, response.url, crawled_at=self.crawled_at())
        except PostingGone:
            # Gone now, maybe back later: the next night asks again rather than trusting this.
            self.forget_cached(response)
            self.job_expired(board, response.url)
            return
        except SourceFormatError as error:
            self.forget_cached(response)
            self.board_skipped(board, [str(error)])
            return
        yield from self.board_items(board, [posting])

    def job_failed(self, failure: Failure) -> None:
        board = failure.request.cb_kwargs["board"]
        # A job that closed between the listing and its own request may answer 404 or 410.
        if failure.check(HttpError) and failure.value.response.status in (404, 410):
            self.job_expired(board, failure.request.url)
        else:
            self.board_failed(failure)

    def job_expired(self, board: str, url: str) -> None:
        self.board_count(board, "expired")
        self.logger.info("%s: job no longer available: %s", self.name, url)
