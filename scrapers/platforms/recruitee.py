"""Base spider for Recruitee careers sites: one request per company, every offer with its body."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.recruitee import COMPANY, offers_url, parse_offers
from scrapers.spider import JobSpider


class RecruiteeSpider(JobSpider):
    """``-a boards=company,...``: the subdomain in https://<company>.recruitee.com."""

    board_pattern = COMPANY
    board_hint = (
        "a Recruitee company subdomain (letters, digits and -, as in <company>.recruitee.com)"
    )
    # Every company is its own subdomain; the offsite filter allows subdomains of this.
    allowed_domains: list[str] = ["recruitee.com"]  # noqa: RUF012

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.board_request(offers_url(board), board, self.parse_board)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        yield from self.board_postings(
            response,
            board,
            lambda: parse_offers(response.body, company=board, crawled_at=self.crawled_at()),
        )
