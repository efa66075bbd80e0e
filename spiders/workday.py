"""Workday career sites: `scrapy crawl workday [-a boards=kestrel/wd5/Kestrel_Careers,...]`.

Search pages by offset, then every posting's detail. Paging trusts the first page's ``total``
(later pages of real tenants say ``total: 0``), and also stops on an empty page or a page that
lists nothing new: some tenants answer an offset past the end by serving a page again, and a
crawl that trusted only full pages would loop on it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.extractors.workday import (
    BOARD,
    PAGE_SIZE,
    Board,
    SearchPage,
    detail_url,
    parse_detail,
    parse_search,
    search_body,
    search_url,
)
from scrapers.registry import PostingKey, Source
from scrapers.revisit import change_marker
from scrapers.spider import JobSpider

_POST_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
_GET_HEADERS = {"Accept": "application/json"}


class WorkdaySpider(JobSpider):
    """``-a boards=tenant/wdN/site,...`` (``kestrel/wd5/Kestrel_Careers``)."""

    name = "workday"
    source = Source(
        kind="ats",
        domains=("myworkdayjobs.com",),
        posting_key=PostingKey(
            domains=("myworkdayjobs.com",),
            path=r"/job/(?:.+/)?[^/]*_(?P<id>[A-Za-z0-9-]+)$",
            key="workday:{tenant}:{id}",
            url="https://{board}.{instance}.myworkdayjobs.com/{site}/job/{where}/{slug}_{id}",
            url_defaults=(("instance", "wd5"),),
        ),
    )
    board_pattern = BOARD
    board_hint = "a Workday board: tenant/wdN/site, e.g. kestrel/wd5/Kestrel_Careers"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # externalPaths each board listed so far: a page adding none ends that board's paging.
        self._listed: dict[str, set[str]] = {}

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for name in self.selected_boards():
            self._listed.setdefault(name, set())
            yield self.search_request(name, offset=0, total=None)

    def search_request(self, name: str, *, offset: int, total: int | None) -> scrapy.Request:
        return self.board_request(
            search_url(Board.parse(name)),
            name,
            self.parse_search_page,
            method="POST",
            body=search_body(offset),
            headers=_POST_HEADERS,
            cb_kwargs={"offset": offset, "total": total},
            context=f"offset {offset}",
        )

    def parse_search_page(
        self, response: Response, board: str, offset: int, total: int | None
    ) -> Iterator[Any]:
        page = parse_search(response.body, board=Board.parse(board), crawled_at=self.crawled_at())
        self.board_entries(board, page)
        if offset == 0:
            total = page.total
            if not page.postings:
                self.board_items(board, [])  # counts and logs the empty board
                return
        elif self._stop_paging(board, page, offset):
            return
        listed = self._listed[board]
        for path, posting in zip(page.paths, page.postings, strict=True):
            if path not in listed:  # a tenant may list a posting twice
                listed.add(path)
                yield self.posting_request(board, path, posting)
        if self._more(offset, total, page):
            yield self.search_request(board, offset=offset + PAGE_SIZE, total=total)

    def _stop_paging(self, board: str, page: SearchPage, offset: int) -> bool:
        if not page.postings:
            reason = "empty_page"
        elif self._listed[board].issuperset(page.paths):
            reason = "repeated_page"
        else:
            return False
        self.board_count(board, reason)
        # INFO (scrapers/terminal.py): where Workday's list ends, its API answers an empty page or
        # its last page again; counted.
        self.logger.info(
            "Board %r of %s: page at offset %d is a %s; stopped paging there",
            board,
            self.name,
            offset,
            reason.replace("_", " "),
        )
        return True

    @staticmethod
    def _more(offset: int, total: int | None, page: SearchPage) -> bool:
        # Without a first-page total, only a full page says that another may follow.
        if total:
            return offset + PAGE_SIZE < total
        return len(page.postings) + len(page.skipped) >= PAGE_SIZE

    def posting_request(self, board: str, path: str, listed: dict[str, Any]) -> scrapy.Request:
        return self.detail_request(
            detail_url(Board.parse(board), path),
            board,
            self.parse_job,
            listed=listed,
            headers=_GET_HEADERS,
            # "Posted 3 Days Ago" changes every night; the posting does not.
            marker=change_marker(listed, ignore=("date_posted_raw",)),
        )

    def parse_job(self, response: Response, board: str, listed: dict[str, Any]) -> Any:
        posting = parse_detail(response.body, crawled_at=self.crawled_at(), listed=listed)
        return self.board_items(board, [posting])[0]
