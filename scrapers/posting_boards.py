"""Which board each exported posting came from, written beside the crawl's feed.

The item contract has no board, and must not grow one; yet a night expires postings per board
(``scrapers/completeness.py``). This extension writes one JSON line per exported posting,
``{"id": …, "board": …}``, the board taken from the request that brought the posting (its
``cb_kwargs["board"]``, set by every ``JobSpider`` request), and one per posting the spider held
(:data:`posting_held`: known live, its own page not read tonight), ``{"id", "board", "held"}``.

Off unless ``JOBSIEVE_POSTING_BOARDS`` names the file (``%(name)s`` is the spider's name):
``scrapy crawlall`` sets it to the night's staging folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Sent by a spider with ``board``, ``posting`` (the posting's id) and ``reason``: the posting is
# live but was not read tonight, so it must not expire.
posting_held = object()


def request_board(response: Any) -> str | None:
    """The board of the request behind ``response`` (a Response, or the Failure an errback got)."""
    request = getattr(response, "request", None)
    board = request.cb_kwargs.get("board") if request is not None else None
    return board if isinstance(board, str) else None


class SpiderLines:
    """A crawl's JSON Lines file beside its feed (``template``'s ``%(name)s`` is the spider's
    name), opened at its first line and closed with the spider."""

    def __init__(self, crawler: Crawler, template: str) -> None:
        self.crawler = crawler
        self.template = template
        self._file: IO[str] | None = None

    def write(self, line: dict[str, Any]) -> None:
        if self._file is None:
            name = self.crawler.spider.name if self.crawler.spider else "crawl"
            path = Path(self.template % {"name": name})
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file = path.open("w", encoding="utf-8")
        # ASCII: whatever an id holds, the line is written.
        self._file.write(json.dumps(line) + "\n")

    def close(self, **kwargs: Any) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class StagedLinesExtension:
    """An extension writing :class:`SpiderLines` to the file its ``setting`` names; off unless
    that setting is set (``crawlall`` sets it in the night's staging folder)."""

    setting: ClassVar[str]

    def __init__(self, crawler: Crawler, template: str) -> None:
        self.lines = SpiderLines(crawler, template)
        crawler.signals.connect(self.lines.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        template = crawler.settings.get(cls.setting)
        if not template:
            raise NotConfigured  # no message: off by default, nothing to warn about
        return cls(crawler, template)


class PostingBoardsExtension(StagedLinesExtension):
    setting = "JOBSIEVE_POSTING_BOARDS"

    def __init__(self, crawler: Crawler, template: str) -> None:
        super().__init__(crawler, template)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.held, signal=posting_held)

    def item_scraped(self, item: Any, response: Any, **kwargs: Any) -> None:
        board = request_board(response)
        posting = ItemAdapter(item).get("id")
        if board is not None and posting:
            self.lines.write({"id": posting, "board": board})

    def held(self, board: str, posting: str, reason: str, **kwargs: Any) -> None:
        self.lines.write({"id": posting, "board": board, "held": reason})
