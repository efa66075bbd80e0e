"""Base spider for Greenhouse job boards: one request per board, every job with its body."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.greenhouse import BOARD_TOKEN, board_jobs_url, parse_board_jobs
from scrapers.items import JobPosting
from scrapers.spider import JobSpider


class GreenhouseSpider(JobSpider):
    board_pattern = BOARD_TOKEN
    board_hint = "a Greenhouse board token (letters, digits, - and _)"
    allowed_domains: list[str] = ["boards-api.greenhouse.io"]  # noqa: RUF012

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.board_request(board_jobs_url(board), board, self.parse_board)

    def parse_board(self, response: Response, board: str) -> Iterator[JobPosting]:
        try:
            extracted = parse_board_jobs(response.body, crawled_at=self.crawled_at())
        except SourceFormatError as error:
            self.board_error(board, f"{error} ({response.url})")
            return
        self.board_skipped(board, extracted.skipped)
        for item in self.board_items(board, extracted.postings):
            yield self.post_process_item(item, response)

    def post_process_item(self, item: JobPosting, response: Response) -> Any:
        """Hook for a company-specific spider; the default keeps the item as it is."""
        return item
