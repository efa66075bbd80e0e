"""Personio job feeds: `scrapy crawl personio [-a boards=acme,acme:en,...]`.

One XML request per company feed answers every position with its body.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.personio import BOARD, Feed, parse_feed
from scrapers.registry import PostingKey, Source
from scrapers.spider import JobSpider


class PersonioSpider(JobSpider):
    """``-a boards=acme,acme:en,acme.jobs.personio.com:en``: the company subdomain, optionally
    the .com host, optionally the feed's language (German when none is given)."""

    name = "personio"
    source = Source(
        kind="ats",
        # Every company is its own subdomain; the offsite filter allows subdomains of these.
        domains=("jobs.personio.de", "jobs.personio.com"),
        posting_key=PostingKey(
            domains=("jobs.personio.de", "jobs.personio.com"),
            path=r"/job/(?P<id>\d+)$",
            key="personio:{tenant}:{id}",
            url="https://{board}.jobs.personio.de/job/{id}",
        ),
        fetches_details=False,
    )
    board_pattern = BOARD
    board_hint = (
        "a Personio company, optionally with its host and the feed's language "
        "(acme, acme:en, acme.jobs.personio.com:en)"
    )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.selected_boards():
            feed = Feed.parse(board)
            yield self.board_request(feed.url, board, self.parse_feed, cb_kwargs={"feed": feed})

    def parse_feed(self, response: Response, board: str, feed: Feed) -> Iterator[Any]:
        yield from self.board_postings(
            board, parse_feed(response.body, feed=feed, crawled_at=self.crawled_at())
        )
