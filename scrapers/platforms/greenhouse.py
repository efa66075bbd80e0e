"""Base spider for Greenhouse job boards: one list request per board (every job with its body),
then each job's own endpoint for its pay ranges, which the list does not carry."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.greenhouse import (
    BOARD_TOKEN,
    board_jobs_url,
    job_detail_url,
    parse_board_jobs,
    parse_job_detail,
)
from scrapers.items import JobPosting
from scrapers.revisit import change_marker
from scrapers.spider import JobSpider

_FALSE = {"0", "false", "no", "off"}


class GreenhouseSpider(JobSpider):
    """``-a boards=token,...``; ``-a pay_ranges=false`` skips the per-job requests for pay."""

    board_pattern = BOARD_TOKEN
    board_hint = "a Greenhouse board token (letters, digits, - and _)"
    allowed_domains: list[str] = ["boards-api.greenhouse.io"]  # noqa: RUF012

    def __init__(self, *args: Any, pay_ranges: str = "true", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pay_ranges = str(pay_ranges).strip().lower() not in _FALSE

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.board_request(board_jobs_url(board), board, self.parse_board)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        try:
            extracted = parse_board_jobs(response.body, crawled_at=self.crawled_at())
        except SourceFormatError as error:
            self.board_error(board, f"{error} ({response.url})")
            return
        self.board_skipped(board, extracted.skipped)
        for item in self.board_items(board, extracted.postings):
            if not self.pay_ranges:
                yield self.post_process_item(item, response)
                continue
            # Pay ranges live only in the detail; editing them bumps the list's updated_at.
            version = extracted.versions.get(item.source_id or "", "")
            yield self.detail_request(
                job_detail_url(board, item.source_id),
                board,
                self.parse_job,
                listed=item,
                marker=f"{version}|{change_marker(asdict(item))}",
            )

    def parse_job(self, response: Response, board: str, listed: JobPosting) -> Any:
        try:
            posting = parse_job_detail(response.body, crawled_at=self.crawled_at())
        except SourceFormatError as error:
            self.forget_cached(response)
            return self.detail_missing(board, listed, f"{error} ({response.url})")
        return self.post_process_item(JobPosting(**posting), response)
