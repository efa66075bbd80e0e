"""Base spider for Greenhouse job boards: one list request per board (every job with its body),
then each job's own endpoint for its pay ranges, which the list does not carry."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.greenhouse import (
    BOARD_TOKEN,
    board_jobs_url,
    job_detail_url,
    parse_board_jobs,
    parse_job_detail,
)
from scrapers.items import JobPosting
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
            yield self.board_request(
                job_detail_url(board, item.source_id),
                board,
                self.parse_job,
                errback=self.job_failed,
                cb_kwargs={"listed": item},
            )

    def parse_job(self, response: Response, board: str, listed: JobPosting) -> Any:
        try:
            posting = parse_job_detail(response.body, crawled_at=self.crawled_at())
        except SourceFormatError as error:
            self._detail_missing(board, listed, f"{error} ({response.url})")
            return self.post_process_item(listed, response)
        return self.post_process_item(JobPosting(**posting), response)

    def job_failed(self, failure: Failure) -> Any:
        # A job closed between the list and its own request: the listed posting still counts.
        listed: JobPosting = failure.request.cb_kwargs["listed"]
        self._detail_missing(failure.request.cb_kwargs["board"], listed, failure.getErrorMessage())
        return self.post_process_item(listed, None)

    def _detail_missing(self, board: str, listed: JobPosting, reason: str) -> None:
        self.crawler.stats.inc_value(f"jobsieve/source/{self.name}/{board}/detail_error")
        self.logger.warning(
            "Greenhouse job %s of board %r: no pay ranges (%s); keeping the listed posting",
            listed.source_id,
            board,
            reason,
        )

    def post_process_item(self, item: JobPosting, response: Response | None) -> Any:
        """Hook for a company-specific spider; the default keeps the item as it is."""
        return item
