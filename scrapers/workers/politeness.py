"""Politeness across workers: every worker of every machine spaces its requests to one site by
that site's delay, through Redis.

A board's requests all go through one worker, whose downloader keeps the site's delay
(``DOWNLOAD_DELAY``, longer when AutoThrottle says so) and one request at a time. But the boards
of one ATS share its domain: without this, N workers on N Greenhouse boards would send N requests
a delay. As each request leaves for the network, :class:`SharedDelayDownloader` reserves the
site's next free moment in Redis (one Lua script on Redis's own clock, so the machines' clocks do
not matter) and waits until then: across all workers, requests to one site start at least a
delay apart. A request answered from the recorded world or the cache never reaches it.

What it does not do: bound the requests in flight across workers (a slow answer may overlap the
next worker's request, as with one worker and ``DOWNLOAD_DELAY`` shorter than the answer).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from scrapers.politeness import PoliteDownloader

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Response

# Reserve the site's next moment: KEYS[1] holds the time (ms, Redis's clock) from which the next
# request may start; ARGV[1] the delay in ms. Returns how long to wait (ms) before this request.
_RESERVE = """
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now_ms, free)
local delay = tonumber(ARGV[1])
redis.call('SET', KEYS[1], start + delay, 'PX', start + delay - now_ms + 60000)
return start - now_ms
"""

KEY_PREFIX = "jobsieve:site-delay:"


class SiteDelays:
    """The sites' next free moments in Redis (``client``: a redis-py client)."""

    def __init__(self, client: Any, prefix: str = KEY_PREFIX) -> None:
        self._reserve = client.register_script(_RESERVE)
        self.prefix = prefix

    def reserve(self, site: str, delay: float) -> float:
        """Seconds to wait before a request to ``site`` may start, its slot then taken."""
        return int(self._reserve(keys=[self.prefix + site], args=[round(delay * 1000)])) / 1000


class SharedDelayDownloader(PoliteDownloader):
    """A worker's downloader (``scrapers/workers/worker.py``): each request, as it leaves for the
    network, first takes its site's next free moment in Redis. Taken here, after this worker's
    own slot has kept its delay, so the moments the requests really start are a delay apart;
    a downloader middleware runs before the slot's wait and could not promise that. What the
    recorded world or the cache answers is answered by middlewares and never comes here."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        url = crawler.settings.get("REDIS_URL")
        self.delays: SiteDelays | None = None
        if url:
            from scrapers.workers.names import connect

            self.delays = SiteDelays(connect(url))

    async def _download(self, slot: Slot, request: Request) -> Response:
        # The site's delay as this worker's slot keeps it (AutoThrottle's when longer).
        if self.delays is not None and slot.delay > 0:
            wait = self.delays.reserve(self.get_slot_key(request), slot.delay)
            if wait > 0:
                self.crawler.stats.inc_value("jobsieve/workers/site_delay_waits")
                await asyncio.sleep(wait)
        return await super()._download(slot, request)
