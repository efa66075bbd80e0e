"""Workable career sites: `scrapy crawl workable [-a boards=kestrel-robotics,...]`.

The account's name, the job list page by page (a ``nextPage`` token until none), then each
job's detail for its body.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

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
)
from scrapers.registry import PostingKey, Source
from scrapers.revisit import change_marker
from scrapers.spider import JobSpider

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
        )

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
        for listed in page.postings:
            yield self.detail_request(
                job_url(board, listed["source_id"]),
                board,
                self.parse_job,
                cb_kwargs={"account": account},
                marker=change_marker(listed),
                source_id=listed["source_id"],
            )
        # A token served twice would loop forever; the list's end is a page without one.
        if page.next_token and page.next_token != token and page.postings:
            yield self.page_request(board, account, page.next_token)

    def parse_job(self, response: Response, board: str, account: Account) -> Iterator[Any]:
        extracted = parse_job_detail(
            response.body, slug=board, account=account, crawled_at=self.crawled_at()
        )
        self.board_entries(board, extracted)
        # Only a detail holding its job counts: an empty board is told by the list, not here.
        if extracted.postings:
            yield from self.board_items(board, extracted.postings)
