"""Ashby job boards: `scrapy crawl ashby [-a boards=backmarket,...]`.

A board is the name in ``https://jobs.ashbyhq.com/<board>``: one request per board answers every
job with its body. Company names come from ``companies`` in the ``[ashby]`` table of the sources
file, since the API does not give them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.ashby import BOARD, job_board_url, parse_job_board
from scrapers.registry import UUID, PostingKey, Source
from scrapers.spider import JobSpider


class AshbySpider(JobSpider):
    name = "ashby"
    source = Source(
        kind="ats",
        domains=("api.ashbyhq.com",),
        posting_key=PostingKey(
            domains=("ashbyhq.com",),
            path=rf"/[^/]+/(?P<id>{UUID})$",
            ignore_case=True,
            key="ashby:{id}",
            url="https://jobs.ashbyhq.com/{board}/{id}",
        ),
        fetches_details=False,
    )
    board_pattern = BOARD
    board_hint = "an Ashby job board name (letters, digits, ., - and _)"
    board_company_names = True  # `companies` in the sources file

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.companies = self.board_companies()
        for board in self.selected_boards():
            # Ashby answers an unknown board with 404 per some reports and an empty board per
            # others (unverified): both end up counted, as an error or as empty.
            yield self.board_request(job_board_url(board), board, self.parse_board)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        yield from self.board_postings(
            board,
            parse_job_board(
                response.body,
                board=board,
                crawled_at=self.crawled_at(),
                company=self.companies.get(board),
            ),
        )
