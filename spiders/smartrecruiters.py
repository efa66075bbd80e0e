"""SmartRecruiters companies: `scrapy crawl smartrecruiters [-a boards=LumenBank,...]`.

The postings list a hundred at a time, then each posting's detail for its body and public URL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.smartrecruiters import (
    COMPANY_IDENTIFIER,
    parse_posting_detail,
    parse_postings_page,
    posting_url,
    postings_url,
)
from scrapers.registry import PostingKey, Source
from scrapers.revisit import change_marker
from scrapers.spider import JobSpider


class SmartRecruitersSpider(JobSpider):
    name = "smartrecruiters"
    source = Source(
        kind="ats",
        domains=("api.smartrecruiters.com",),
        posting_key=PostingKey(
            domains=("smartrecruiters.com",),
            path=r"/[^/]+/(?P<id>\d{6,})(?:-[^/]*)?$",
            key="smartrecruiters:{id}",
            url="https://jobs.smartrecruiters.com/{board}/{id}-{slug}",
        ),
    )
    board_pattern = COMPANY_IDENTIFIER
    board_hint = (
        "a SmartRecruiters company identifier (letters, digits, - and _, case-sensitive, as in "
        "https://jobs.smartrecruiters.com/<Company>)"
    )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            yield self.page_request(board, 0)

    def page_request(self, board: str, offset: int) -> scrapy.Request:
        return self.board_request(
            postings_url(board, offset), board, self.parse_page, cb_kwargs={"offset": offset}
        )

    def parse_page(self, response: Response, board: str, offset: int) -> Iterator[Any]:
        page = parse_postings_page(response.body, crawled_at=self.crawled_at())
        self.board_entries(board, page)
        if offset == 0 and not page.postings:
            # An unknown company answers like an empty one, 200 with totalFound 0 (unverified).
            yield from self.board_items(board, [])
            return
        for listed in page.postings:
            yield self.detail_request(
                posting_url(board, listed["source_id"]),
                board,
                self.parse_posting,
                # A detail that fails keeps what the list shows: title, place, contract, date.
                listed=listed,
                marker=change_marker(listed),
                source_id=listed["source_id"],
            )
        following = page.next_offset
        # Never go backwards or stand still, whatever offset the response claims.
        if following is not None and following > offset:
            yield self.page_request(board, following)

    def parse_posting(
        self, response: Response, board: str, listed: dict[str, Any] | None = None
    ) -> Iterator[Any]:
        extracted = parse_posting_detail(response.body, crawled_at=self.crawled_at())
        yield from self.detail_items(board, extracted, listed, response.url)
