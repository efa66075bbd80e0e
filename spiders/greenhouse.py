"""Greenhouse job boards: `scrapy crawl greenhouse [-a boards=mercari,...]`.

One list request per board answers every job with its body; then each job's own endpoint, for
its pay ranges, which the list does not carry (``-a pay_ranges=false`` skips them).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from scrapers.extractors.greenhouse import (
    BOARD_TOKEN,
    board_jobs_url,
    job_detail_url,
    parse_board_jobs,
    parse_job_detail,
)
from scrapers.items import JobPosting
from scrapers.options import SpiderOption, flag
from scrapers.registry import PostingKey, Source
from scrapers.revisit import change_marker
from scrapers.spider import WHOLE_BOARD_MAXSIZE, JobSpider


class GreenhouseSpider(JobSpider):
    """``-a boards=token,...``; ``-a pay_ranges=false`` skips the per-job requests for pay."""

    name = "greenhouse"
    source = Source(
        kind="ats",
        domains=("boards-api.greenhouse.io",),
        posting_key=PostingKey(
            domains=("greenhouse.io",),
            path=r"/[^/]+/jobs/(?P<id>\d+)$",
            key="greenhouse:{id}",
            url="https://job-boards.greenhouse.io/{board}/jobs/{id}",
            # An employer's own careers page embedding Greenhouse names the job in gh_jid.
            query="gh_jid",
        ),
    )
    # The whole board in one answer, every description in it: a large employer's runs to tens of
    # MB, over the 32 MiB a job answer may otherwise be.
    custom_settings: ClassVar[dict[str, Any]] = {"DOWNLOAD_MAXSIZE": WHOLE_BOARD_MAXSIZE}
    board_pattern = BOARD_TOKEN
    board_hint = "a Greenhouse board token (letters, digits, - and _)"
    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "pay_ranges": SpiderOption(flag, True),
    }

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.board_request(board_jobs_url(board), board, self.parse_board)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        extracted = parse_board_jobs(response.body, crawled_at=self.crawled_at())
        for item in self.board_postings(board, extracted):
            if not self.pay_ranges:
                yield item
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
        return JobPosting(**parse_job_detail(response.body, crawled_at=self.crawled_at()))
