"""Base spider for Personio job feeds: one XML request per company feed, every position."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.personio import BOARD, Feed, parse_feed
from scrapers.spider import JobSpider


class PersonioSpider(JobSpider):
    """``-a boards=acme,acme:en,acme.jobs.personio.com:en``: the company subdomain, optionally
    the .com host, optionally the feed's language (German when none is given)."""

    board_pattern = BOARD
    board_hint = (
        "a Personio company, optionally with its host and the feed's language "
        "(acme, acme:en, acme.jobs.personio.com:en)"
    )
    # Every company is its own subdomain; the offsite filter allows subdomains of these.
    allowed_domains: list[str] = ["jobs.personio.de", "jobs.personio.com"]  # noqa: RUF012

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            feed = Feed.parse(board)
            yield self.board_request(feed.url, board, self.parse_feed, cb_kwargs={"feed": feed})

    def parse_feed(self, response: Response, board: str, feed: Feed) -> Iterator[Any]:
        yield from self.board_postings(
            response,
            board,
            lambda: parse_feed(response.body, feed=feed, crawled_at=self.crawled_at()),
        )
