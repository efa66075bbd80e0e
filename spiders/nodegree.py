"""NoDegree job board: `scrapy crawl nodegree [-a organizations=farfetch,...]`.

Listing pages (organisations', and optionally the all-jobs listing) followed page by page
through their ``rel="next"`` link, then each job page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from scrapers.extractors.nodegree import (
    ORGANIZATION,
    PostingGone,
    all_jobs_url,
    job_url_parts,
    organization_jobs_url,
    parse_job_page,
    parse_listing,
)
from scrapers.options import SpiderOption, whole_number
from scrapers.registry import Source
from scrapers.spider import JobSpider, is_gone

# The all-jobs listing is counted as a board of its own in the stats and the report.
ALL_JOBS = "all-jobs"
DEFAULT_MAX_PAGES = 20
PAGE_LIMIT = 10_000


class NodegreeSpider(JobSpider):
    """NoDegree (https://jobs.nodegree.com), a board showing employers' postings.

    Arguments (each also an option of the ``[nodegree]`` table of sources.toml; an argument wins;
    a bad value stops the crawl at start):

    - ``organizations=farfetch,...`` (or ``boards=``): organisation slugs, as in
      ``/organizations/<slug>/jobs``; default: the table's ``boards``.
    - ``max_pages=N`` (1-10000, default 20): listing pages read per organisation at most.
    - ``all_jobs_pages=N`` (0-10000, default 0 = off): also read the first N pages of the
      all-jobs listing ``/jobs?page=N`` and every job they link to.

    Assumed, not verified (NoDegree documents nothing; see scrapers/extractors/nodegree.py):
    listings are server-rendered, paged by ``?page=N`` with a ``rel="next"`` link; a job page
    holds the employer's text in its own container and links the employer's posting as "+ Show
    Original Job Post" (``original_url``, also ``apply_url``: the board has no form of its own);
    some job pages (not the seed's) carry a JSON-LD ``JobPosting``, which then wins for title,
    company, body, date, employment type and pay, the markup giving the rest; otherwise the chip
    texts ("2 weeks ago", "Mid-Level") are the raw values and the sidebar's category is the
    department. A closed job answers 200 "This job is no longer available": counted as
    ``jobsieve/source/nodegree/<org>/expired``, no item (404/410 too). robots.txt disallows
    search queries, not listings, paging or job pages.

    A job page that cannot be read (5xx after the retries, a timeout, a block, an answer that is
    not a job page) is counted as ``…/<org>/detail_error``, and the job's listing card (title,
    company, place, age) is exported as its posting, without a body; a card without a title
    leaves the job held (it does not expire tonight).
    """

    name = "nodegree"
    source = Source(kind="board", domains=("jobs.nodegree.com",))
    board_pattern = ORGANIZATION
    board_hint = "a NoDegree organisation slug (letters, digits, - and _)"
    board_aliases = ("organizations",)
    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "max_pages": SpiderOption(whole_number("max_pages", 1, PAGE_LIMIT), DEFAULT_MAX_PAGES),
        "all_jobs_pages": SpiderOption(whole_number("all_jobs_pages", 0, PAGE_LIMIT), 0),
    }

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
        listing = parse_listing(response.body, response.url, crawled_at=self.crawled_at())
        if page == 1 and not listing.job_urls:
            yield from self.board_items(board, [])  # counts the board as empty
            return
        for url in listing.job_urls:
            # Jobs found on the all-jobs listing count for their own organisation.
            parts = job_url_parts(url) if board == ALL_JOBS else None
            org = parts[0] if parts else board
            yield self.job_page_request(
                url,
                org,
                self.parse_job,
                errback=self.job_failed,
                card=listing.cards.get(url, ""),
                listed=listing.postings.get(url),
            )
        cap = self.all_jobs_pages if board == ALL_JOBS else self.max_pages
        if listing.next_url and page < cap:
            yield self.listing_request(listing.next_url, board, page + 1)
        elif listing.next_url:
            self.board_count(board, "page_cap")
            self.logger.info("%s: stopped at the page cap (%d) of %r", self.name, cap, board)
            # The later pages were not read: a job on them is not gone.
            self.board_incomplete(board, f"stopped at the page cap ({cap})")

    def parse_job(
        self, response: Response, board: str, listed: dict[str, Any] | None = None
    ) -> Iterator[Any]:
        # ``listed`` (the card's fields) is for job_failed: the page, once read, says more.
        try:
            posting = parse_job_page(response.body, response.url, crawled_at=self.crawled_at())
        except PostingGone:
            # Gone now, maybe back later: the next night asks again rather than trusting this.
            self.forget_cached(response)
            self.job_expired(board, response.url)
            return
        yield from self.board_items(board, [posting])

    def job_failed(self, failure: Failure) -> list[Any]:
        """A job that closed between the listing and its own request may answer 404 or 410:
        expired. A page blocked, failed or unreadable costs only its page: what the listing card
        shows is exported (a card without a title leaves the job held)."""
        if is_gone(failure):
            self.job_expired(failure.request.cb_kwargs["board"], failure.request.url)
            return []
        parts = job_url_parts(failure.request.url)
        return self.job_page_missing(failure, parts[1] if parts else None)

    def job_expired(self, board: str, url: str) -> None:
        self.board_count(board, "expired")
        self.logger.info("%s: job no longer available: %s", self.name, url)
