"""Recruitee careers sites: `scrapy crawl recruitee [-a boards=company,...]`.

A board is the subdomain in ``https://<company>.recruitee.com``: one request per company answers
every offer with its body.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.recruitee import COMPANY, offers_url, parse_offers
from scrapers.registry import PostingKey, Source
from scrapers.spider import JobSpider


class RecruiteeSpider(JobSpider):
    name = "recruitee"
    source = Source(
        kind="ats",
        # Every company is its own subdomain; the offsite filter allows subdomains of this.
        domains=("recruitee.com",),
        posting_key=PostingKey(
            domains=("recruitee.com",),
            path=r"/o/(?P<id>[^/]+)$",
            key="recruitee:{tenant}:{id}",
            url="https://{board}.recruitee.com/o/{id}",
        ),
        fetches_details=False,
    )
    board_pattern = COMPANY
    board_hint = (
        "a Recruitee company subdomain (letters, digits and -, as in <company>.recruitee.com)"
    )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.board_request(offers_url(board), board, self.parse_board)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        yield from self.board_postings(
            board, parse_offers(response.body, company=board, crawled_at=self.crawled_at())
        )
