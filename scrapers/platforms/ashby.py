"""Base spider for Ashby job boards: one request per board, every job with its body."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.ashby import BOARD, job_board_url, parse_job_board
from scrapers.spider import JobSpider


class AshbySpider(JobSpider):
    board_pattern = BOARD
    board_hint = "an Ashby job board name (letters, digits, ., - and _)"
    allowed_domains: list[str] = ["api.ashbyhq.com"]  # noqa: RUF012

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.companies = self.board_companies()
        for board in self.selected_boards():
            # Ashby answers an unknown board with 404 per some reports and an empty board per
            # others (unverified): both end up counted, as an error or as empty.
            yield self.board_request(job_board_url(board), board, self.parse_board)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        yield from self.board_postings(
            response,
            board,
            lambda: parse_job_board(
                response.body,
                board=board,
                crawled_at=self.crawled_at(),
                company=self.companies.get(board),
            ),
        )
