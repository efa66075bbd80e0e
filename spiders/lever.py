"""Lever sites: `scrapy crawl lever [-a boards=farfetch,eu:backmarket,...]`.

A board is the site name in ``https://jobs.lever.co/<site>`` (``farfetch``). Sites on Lever's
EU instance (``https://jobs.eu.lever.co/<site>``, API ``api.eu.lever.co``) are written with an
``eu:`` prefix: ``eu:backmarket``. Pages of 100 postings, each with its body, until a short page.
Company names come from ``companies`` in the ``[lever]`` table of the sources file, since the
API does not give them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.lever import BOARD, PAGE_SIZE, parse_postings_page, postings_url
from scrapers.registry import UUID, PostingKey, Source
from scrapers.spider import JobSpider


class LeverSpider(JobSpider):
    name = "lever"
    source = Source(
        kind="ats",
        domains=("api.lever.co", "api.eu.lever.co"),
        posting_key=PostingKey(
            domains=("lever.co",),
            path=rf"/[^/]+/(?P<id>{UUID})$",
            ignore_case=True,
            key="lever:{id}",
            url="https://{host}/{board}/{id}",
            # Sites on Lever's EU instance are on jobs.eu.lever.co.
            url_defaults=(("host", "jobs.lever.co"),),
        ),
        fetches_details=False,
    )
    board_pattern = BOARD
    board_hint = "a Lever site (letters, digits, - and _), prefixed eu: for Lever's EU instance"
    board_company_names = True  # `companies` in the sources file
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
        extracted = parse_postings_page(
            response.body,
            board=board,
            crawled_at=self.crawled_at(),
            company=self.companies.get(board),
        )
        ids = {p["source_id"] for p in extracted.postings}
        if ids and ids <= self.seen_ids[board]:
            self.board_error(board, f"page skip={skip} repeats earlier postings ({response.url})")
            return
        self.seen_ids[board] |= ids
        # An empty page after full ones only ends the board; it is not an empty board.
        if extracted.postings or skip == 0:
            yield from self.board_postings(board, extracted)
        else:
            self.board_entries(board, extracted)
        if len(extracted.postings) + len(extracted.skipped) >= self.page_size:
            yield self.page_request(board, skip + self.page_size)
