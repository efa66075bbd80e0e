"""Base spider for Workable accounts: the account's name, the job list page by page, then each
job's detail for its body."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.base import SourceFormatError
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
from scrapers.revisit import change_marker
from scrapers.spider import JobSpider

JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


class WorkableSpider(JobSpider):
    board_pattern = ACCOUNT_SLUG
    board_hint = (
        "a Workable account slug (lower-case letters, digits and -, as in "
        "https://apply.workable.com/<slug>/)"
    )
    allowed_domains: list[str] = ["apply.workable.com"]  # noqa: RUF012

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.board_request(account_url(board), board, self.parse_account)

    def parse_account(self, response: Response, board: str) -> Iterator[scrapy.Request]:
        try:
            account = parse_account(response.body)
        except SourceFormatError as error:
            self.board_error(board, f"{error} ({response.url})")
            return
        yield self.page_request(board, account, token=None)

    def page_request(self, board: str, account: Account, token: str | None) -> scrapy.Request:
        return self.board_request(
            jobs_url(board),
            board,
            self.parse_page,
            method="POST",
            body=json.dumps(jobs_query(token)),
            headers=JSON_HEADERS,
            cb_kwargs={"account": account, "token": token},
        )

    def parse_page(
        self, response: Response, board: str, account: Account, token: str | None
    ) -> Iterator[Any]:
        try:
            page = parse_jobs_page(
                response.body, slug=board, account=account, crawled_at=self.crawled_at()
            )
        except SourceFormatError as error:
            self.board_error(board, f"{error} ({response.url}, page token {token!r})")
            return
        self.board_skipped(board, page.skipped)
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
            )
        # A token served twice would loop forever; the list's end is a page without one.
        if page.next_token and page.next_token != token and page.postings:
            yield self.page_request(board, account, page.next_token)

    def parse_job(self, response: Response, board: str, account: Account) -> Iterator[Any]:
        try:
            extracted = parse_job_detail(
                response.body, slug=board, account=account, crawled_at=self.crawled_at()
            )
        except SourceFormatError as error:
            self.forget_cached(response)
            self.board_skipped(board, [f"{error} ({response.url})"])
            return
        self.board_skipped(board, extracted.skipped)
        # Only a detail holding its job counts: an empty board is told by the list, not here.
        if extracted.postings:
            for item in self.board_items(board, extracted.postings):
                yield self.post_process_item(item, response)
