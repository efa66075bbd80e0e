"""Base spider for Lever sites: pages of 100 postings per site until a short page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.base import SourceFormatError
from scrapers.extractors.lever import BOARD, PAGE_SIZE, parse_postings_page, postings_url
from scrapers.spider import JobSpider


class LeverSpider(JobSpider):
    board_pattern = BOARD
    board_hint = "a Lever site (letters, digits, - and _), prefixed eu: for Lever's EU instance"
    allowed_domains: list[str] = ["api.lever.co", "api.eu.lever.co"]  # noqa: RUF012
    page_size = PAGE_SIZE

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.companies = self.board_companies()
        # Posting ids seen per board: a server that ignores `skip` would otherwise page forever.
        self.seen_ids: dict[str, set[str]] = {}
        for board in self.selected_boards():
            self.seen_ids[board] = set()
            yield self.page_request(board, skip=0)

    def page_request(self, board: str, skip: int) -> scrapy.Request:
        url = postings_url(board, skip, self.page_size)
        return self.board_request(url, board, self.parse_page, cb_kwargs={"skip": skip})

    def parse_page(self, response: Response, board: str, skip: int) -> Iterator[Any]:
        try:
            extracted = parse_postings_page(
                response.body,
                board=board,
                crawled_at=self.crawled_at(),
                company=self.companies.get(board),
            )
        except SourceFormatError as error:
            self.board_error(board, f"{error} ({response.url})")
            return
        ids = {p["source_id"] for p in extracted.postings}
        if ids and ids <= self.seen_ids[board]:
            self.board_error(board, f"page skip={skip} repeats earlier postings ({response.url})")
            return
        self.seen_ids[board] |= ids
        self.board_skipped(board, extracted.skipped)
        # An empty page after full ones only ends the board; it is not an empty board.
        if extracted.postings or skip == 0:
            for item in self.board_items(board, extracted.postings):
                yield self.post_process_item(item, response)
        if len(extracted.postings) + len(extracted.skipped) >= self.page_size:
            yield self.page_request(board, skip + self.page_size)
