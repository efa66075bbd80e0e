"""Workable career sites: `scrapy crawl workable [-a boards=kestrel-robotics,...]`.

The account's name, the job list page by page (a ``nextPage`` token until none), then each
job's detail for its body. When the first page of the list cannot be read, the account
widget's own unpaged job list stands in for it (counted under ``…/<board>/list_fallback``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from scrapers.extractors.workable import (
    ACCOUNT_SLUG,
    Account,
    account_url,
    job_url,
    jobs_query,
    jobs_url,
    parse_account,
    parse_job_detail,
    parse_jobs_page,
    widget_postings,
)
from scrapers.registry import PostingKey, Source
from scrapers.revisit import change_marker
from scrapers.spider import JobSpider, blocked_as, failure_reason

JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


class WorkableSpider(JobSpider):
    name = "workable"
    source = Source(
        kind="ats",
        domains=("apply.workable.com",),
        posting_key=PostingKey(
            domains=("workable.com",),
            path=r"/j/(?P<id>[0-9A-Za-z]+)$",
            key="workable:{id}",
            url="https://apply.workable.com/{board}/j/{id}",
        ),
    )
    board_pattern = ACCOUNT_SLUG
    board_hint = (
        "a Workable account slug (lower-case letters, digits and -, as in "
        "https://apply.workable.com/<slug>/)"
    )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.board_request(account_url(board), board, self.parse_account)

    def parse_account(self, response: Response, board: str) -> Iterator[scrapy.Request]:
        yield self.page_request(board, parse_account(response.body), token=None)

    def page_request(self, board: str, account: Account, token: str | None) -> scrapy.Request:
        return self.board_request(
            jobs_url(board),
            board,
            self.parse_page,
            method="POST",
            body=json.dumps(jobs_query(token)),
            headers=JSON_HEADERS,
            cb_kwargs={"account": account, "token": token},
            context=f"page token {token!r}",
            errback=self.page_failed,
        )

    def page_failed(self, failure: Failure) -> Iterator[Any]:
        """The first page of the list lost: the widget's list, read with the account, is the
        board's list instead; without one (or behind a bot wall, or a later page) the board
        fails as any list page does."""
        request = failure.request
        board, account = request.cb_kwargs["board"], request.cb_kwargs["account"]
        if request.cb_kwargs["token"] is not None or not account.jobs or blocked_as(failure):
            self.board_failed(failure)
            return
        self.board_count(board, "list_fallback")
        # INFO (scrapers/terminal.py): the widget's list is the board's list; counted.
        self.logger.info(
            "Board %r of workable: list not read (%s); reading the account widget's %d jobs",
            board,
            failure_reason(failure),
            len(account.jobs),
        )
        listed = widget_postings(slug=board, account=account, crawled_at=self.crawled_at())
        self.board_entries(board, listed)
        yield from self.detail_requests(board, account, listed.postings)

    def parse_page(
        self, response: Response, board: str, account: Account, token: str | None
    ) -> Iterator[Any]:
        page = parse_jobs_page(
            response.body, slug=board, account=account, crawled_at=self.crawled_at()
        )
        self.board_entries(board, page)
        if token is None and not page.postings:
            yield from self.board_items(board, [])  # counts the board as empty
            return
        yield from self.detail_requests(board, account, page.postings)
        # A token served twice would loop forever; the list's end is a page without one.
        if page.next_token and page.next_token != token and page.postings:
            yield self.page_request(board, account, page.next_token)

    def detail_requests(
        self, board: str, account: Account, postings: list[dict[str, Any]]
    ) -> Iterator[scrapy.Request]:
        for listed in postings:
            yield self.detail_request(
                job_url(board, listed["source_id"]),
                board,
                self.parse_job,
                cb_kwargs={"account": account},
                # A detail that fails keeps what the list shows of the job.
                listed=listed,
                marker=change_marker(listed),
                source_id=listed["source_id"],
            )

    def parse_job(
        self,
        response: Response,
        board: str,
        account: Account,
        listed: dict[str, Any] | None = None,
    ) -> Iterator[Any]:
        extracted = parse_job_detail(
            response.body, slug=board, account=account, crawled_at=self.crawled_at()
        )
        yield from self.detail_items(board, extracted, listed, response.url, missing="no job")
