"""Every item that does not reach the feed is written to a dead-letter JSON Lines file.

Listens to Scrapy's ``item_dropped`` (a pipeline raised DropItem) and ``item_error`` (a pipeline
crashed on the item) signals, so no pipeline has to remember to do it, and to
:data:`posting_failed`: a spider's extractor raised on one entry of a list, so there is no item,
only the raw entry, its id and the cause (reason ``error``; the rest of the board went on). The
file is opened on the first drop only, and flushed per line so a killed crawl keeps what it
already rejected.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals

from scrapers.drops import RejectItem
from scrapers.posting_boards import request_board

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

# Sent by a spider with ``board``, ``posting`` (what the dead letter says of the entry: its
# ``source``, ``source_id`` and ``id`` as far as known), ``cause`` (one line) and ``raw`` (the
# entry as the source sent it, cut short).
posting_failed = object()
# Sent with ``record`` (the dead letter as written) and ``board`` (the board of the request
# behind it, or None) for every dead letter: a night's worker collects them per board
# (``scrapers/workers/worker.py``).
dead_lettered = object()


def deadletter_path(template: str, spider_name: str, now: datetime) -> Path:
    params = {"name": spider_name, "time": now.strftime("%Y-%m-%dT%H-%M-%S")}
    return Path(template % params)


class DeadLetterExtension:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.template: str = crawler.settings.get("JOBSIEVE_DEADLETTER")
        self.path: Path | None = None
        self._file: IO[str] | None = None
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.item_error, signal=signals.item_error)
        crawler.signals.connect(self.posting_failed, signal=posting_failed)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DeadLetterExtension:
        return cls(crawler)

    def item_dropped(self, item: Any, response: Any, exception: Exception, **kwargs: Any) -> None:
        if isinstance(exception, RejectItem):
            reason, details = exception.reason, exception.details
        else:
            reason, details = "dropped", []
        self._write(item, reason, str(exception), details, request_board(response))

    def item_error(self, item: Any, response: Any, failure: Failure, **kwargs: Any) -> None:
        details = [{"type": failure.type.__name__}]
        self._write(item, "error", failure.getErrorMessage(), details, request_board(response))

    def posting_failed(
        self, board: str, posting: dict[str, Any], cause: str, raw: str, **kwargs: Any
    ) -> None:
        self._write(posting, "error", cause, [{"board": board, "raw": raw}], board)

    def _write(
        self,
        item: Any,
        reason: str,
        message: str,
        details: list[dict[str, Any]],
        board: str | None = None,
    ) -> None:
        self.crawler.stats.inc_value(f"jobsieve/dropped/{reason}")
        record = {
            "reason": reason,
            "message": message,
            "details": details,
            "spider": self.crawler.spider.name if self.crawler.spider else None,
            "dropped_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "item": ItemAdapter(item).asdict(),
        }
        handle = self._open()
        handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        handle.flush()
        self.crawler.signals.send_catch_log(dead_lettered, record=record, board=board)

    def _open(self) -> IO[str]:
        if self._file is None:
            name = self.crawler.spider.name if self.crawler.spider else "crawl"
            self.path = deadletter_path(self.template, name, datetime.now(UTC))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("w", encoding="utf-8")
            self.crawler.stats.set_value("jobsieve/deadletter/path", str(self.path))
            logger.info("Dropped items go to %s", self.path)
        return self._file

    def spider_closed(self, **kwargs: Any) -> None:
        if self._file is not None:
            self._file.close()
            logger.warning(
                "%s item(s) were dropped; see %s",
                sum(
                    v
                    for k, v in self.crawler.stats.get_stats().items()
                    if k.startswith("jobsieve/dropped/")
                ),
                self.path,
            )
