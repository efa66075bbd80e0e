"""Polite under faults: a server's ``Retry-After`` is obeyed, robots.txt binds every request, and
a site gets no more requests at once than CONCURRENT_REQUESTS_PER_DOMAIN allows.

Two of Scrapy's downloader middlewares and its downloader, each replaced by a subclass in the
settings:

- :class:`RetryAfterMiddleware` (for Scrapy's ``RetryMiddleware``): a 429 or 503 carrying
  ``Retry-After`` (seconds or an HTTP-date) is retried no earlier than it asks, and the whole
  download slot (the domain) waits with it, so no other request of that site goes out meanwhile.
  A wait over ``JOBSIEVE_RETRY_AFTER_MAX`` seconds is not retried at all: the request fails with
  the answer, its message saying why (``scrapers.spider.failure_reason``). Counted as
  ``jobsieve/retry_after/honoured`` and ``jobsieve/retry_after/over_cap``. Without the header,
  Scrapy's own retry applies.
- :class:`RobotsTxtMiddleware` (for Scrapy's): in Scrapy 2.19 every request that arrives while a
  host's robots.txt is being fetched awaits the same Deferred through ``Deferred.asFuture``, which
  consumes its result: the first waiter gets the parser, every later one gets None and goes out
  unchecked. Here each waiter gets a Deferred of its own, fired with the parser.
- :class:`PoliteDownloader` (``DOWNLOADER``): Scrapy 2.19 marks a request as transferring only
  once its download task runs, so with no download delay its queue loop sends every queued
  request of a site at once, whatever CONCURRENT_REQUESTS_PER_DOMAIN says. Here a request counts
  against its slot from the moment it is taken off the queue.
"""

from __future__ import annotations

import logging
from time import monotonic
from typing import TYPE_CHECKING, Any

from scrapy.core.downloader import Downloader, Slot
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxt
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _schedule_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from scrapers.received import RETRY_AFTER_STATUSES, retry_after_seconds

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)

CAP_SETTING = "JOBSIEVE_RETRY_AFTER_MAX"
# Request.meta key: the Retry-After (seconds) of an answer not retried because it asked for
# longer than the cap; the failure's message says so.
OVER_CAP_META = "jobsieve_retry_after_over_cap"


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        self.cap = crawler.settings.getfloat(CAP_SETTING)
        self._held_until: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if (
            response.status in RETRY_AFTER_STATUSES
            and response.status in self.retry_http_codes
            and not request.meta.get("dont_retry", False)
        ):
            header = response.headers.get("Retry-After")
            wait = retry_after_seconds(header.decode("latin-1") if header else None)
            if wait is not None:
                return self._retry_after(request, response, wait)
        return super().process_response(request, response)

    def _retry_after(self, request: Request, response: Response, wait: float) -> Request | Response:
        stats = self.crawler.stats
        if wait > self.cap:
            stats.inc_value("jobsieve/retry_after/over_cap")
            request.meta[OVER_CAP_META] = wait
            logger.warning(
                "%s answered HTTP %d with Retry-After %.0f s, over %s (%.0f s): not retried",
                request.url,
                response.status,
                wait,
                CAP_SETTING,
                self.cap,
            )
            return response
        retry = self._retry(request, f"{response.status} with Retry-After {wait:.0f} s")
        if retry is None:
            return response
        stats.inc_value("jobsieve/retry_after/honoured")
        self._hold_slot(request, wait)
        logger.info(
            "%s answered HTTP %d with Retry-After %.0f s: its site waits that long",
            request.url,
            response.status,
            wait,
        )
        return retry

    def _hold_slot(self, request: Request, wait: float) -> None:
        """No request of ``request``'s download slot leaves before ``wait`` seconds from now.

        The downloader sends a slot's queue when its ``latercall`` fires (a pending one is what
        spaces requests by DOWNLOAD_DELAY); a later one holds the queue, and what it then runs
        still keeps the normal delay. ``lastseen`` moved ahead keeps the slot from being
        collected as idle while it waits."""
        engine = self.crawler.engine
        if engine is None:
            return
        downloader = engine.downloader
        key = downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is None:
            return
        until = monotonic() + wait
        if until <= self._held_until.get(key, 0.0):
            return
        self._held_until[key] = until
        slot.lastseen = max(slot.lastseen, until)
        if slot.latercall is not None:
            slot.latercall.cancel()
        slot.latercall = call_later(wait, downloader._latercall, slot)


class RobotsTxtMiddleware(ScrapyRobotsTxt):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        mine: Deferred[Any] = Deferred()

        def relay(parser: Any) -> Any:
            mine.callback(parser)
            return parser

        pending.addCallback(relay)
        return await maybe_deferred_to_future(mine)


class PoliteDownloader(Downloader):
    def _process_queue(self, slot: Slot) -> None:
        # Scrapy 2.19's own, but for the request added to ``slot.transferring`` before its task
        # is scheduled (``_download`` adds it again and removes it when done).
        if slot.latercall:
            return
        now = monotonic()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            slot.lastseen = now
            request, queue_dfd = slot.queue.popleft()
            slot.transferring.add(request)
            _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
            if delay:
                self._process_queue(slot)
                break
