"""Incremental nights: posting details served from a cache while their list says unchanged.

Plugged into Scrapy's own ``HttpCacheMiddleware`` (``HTTPCACHE_POLICY`` and ``HTTPCACHE_STORAGE``
in the settings), so a served detail goes through the spider's callback and every pipeline exactly
as a fetched one: the posting is seen tonight, keeps its status and lands in tonight's snapshot.

Only requests that carry a change marker (``scrapers.revisit.MARKER_META``, set by spiders on
detail requests) are cached; lists, searches, robots.txt and sitemaps are always fetched.

- Marker given: the cached detail is served without a request when it was stored under the same
  marker and is younger than its revisit age (``JOBSIEVE_REVISIT_DAYS``); else it is fetched.
- Empty marker (the list says nothing about versions): the request goes out with
  ``If-None-Match`` / ``If-Modified-Since`` from the cached response, and a 304 serves the cache.
- ``JOBSIEVE_INCREMENTAL = False`` (``crawlall --full``): nothing is served from the cache, every
  detail is fetched and the cache refreshed for the next night.

A detail the spider could not read (truncated JSON, a page gone) is dropped from the cache when
the spider closes (``JobSpider.forget_cached``), so the next night fetches it again.

The cache is one SQLite file per spider in ``JOBSIEVE_CACHE_DIR`` (default ``<feeds>/cache``);
entries no night has used for ``2 × JOBSIEVE_REVISIT_DAYS`` nights (at least 30) are pruned.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import zlib
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.http import Response
from scrapy.responsetypes import responsetypes

from scrapers.clock import CrawlClock
from scrapers.revisit import MARKER_META, revisit_due

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    marker TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    stored TEXT NOT NULL,     -- night (YYYY-MM-DD) the response was fetched
    last_used TEXT NOT NULL   -- last night it was fetched or served
) WITHOUT ROWID;
"""
_MIN_KEEP_DAYS = 30


def cache_dir(settings: BaseSettings) -> Path:
    configured = settings.get("JOBSIEVE_CACHE_DIR")
    return Path(configured) if configured else Path(settings.get("JOBSIEVE_FEEDS_DIR")) / "cache"


class ChangeMarkerPolicy:
    """Fresh = same marker (checked by the storage); no marker = revalidate with validators."""

    def __init__(self, settings: BaseSettings) -> None:
        self.incremental = settings.getbool("JOBSIEVE_INCREMENTAL", True)

    def should_cache_request(self, request: Request) -> bool:
        return MARKER_META in request.meta

    def should_cache_response(self, response: Response, request: Request) -> bool:
        return response.status == 200

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        if not self.incremental:
            return False
        if request.meta.get(MARKER_META):
            return True
        # Ask the server whether the page changed since: a 304 serves the cached copy.
        etag = cachedresponse.headers.get(b"ETag")
        modified = cachedresponse.headers.get(b"Last-Modified")
        if etag:
            request.headers[b"If-None-Match"] = etag
        if modified:
            request.headers[b"If-Modified-Since"] = modified
        return False

    def is_cached_response_valid(
        self, cachedresponse: Response, response: Response, request: Request
    ) -> bool:
        return self.incremental and response.status == 304


class SQLiteCacheStorage:
    """Cached detail responses by request fingerprint, with the marker they were fetched under.

    The cache only ever saves requests: a file that cannot be opened or written (corrupt, on a
    full disk, locked by another crawl for too long) is logged once and the crawl goes on as a
    full one — a detail is never lost because its copy could not be kept.
    """

    def __init__(self, settings: BaseSettings) -> None:
        self.folder = cache_dir(settings)
        self.revisit_days = settings.getint("JOBSIEVE_REVISIT_DAYS")
        self.night = CrawlClock.from_settings(settings).night_and_stamp()[0]
        self.db: sqlite3.Connection | None = None
        self.path: Path | None = None
        self.broken = False
        self.used: list[str] = []

    def open_spider(self, spider: Spider) -> None:
        self.spider = spider
        self.stats = spider.crawler.stats
        self.fingerprint = spider.crawler.request_fingerprinter.fingerprint
        self.path = self.folder / f"{spider.name}.sqlite3"

    def _connect(self) -> sqlite3.Connection | None:
        # Opened on first use: a spider that caches nothing leaves no file behind.
        if self.db is None and not self.broken:
            assert self.path is not None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                # A cache may lose its last writes in a power cut; it never serves a torn one.
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(_SCHEMA)
            except (OSError, sqlite3.Error) as error:
                self._give_up(error)
        return self.db

    def _give_up(self, error: Exception) -> None:
        logger.warning(
            "Detail cache %s unusable (%s): every detail is fetched this crawl", self.path, error
        )
        self.stats.inc_value("jobsieve/cache/unusable")
        self.broken = True
        if self.db is not None:
            self.db.close()
            self.db = None

    def close_spider(self, spider: Spider) -> None:
        if self.db is None:
            return
        keep = max(_MIN_KEEP_DAYS, 2 * self.revisit_days)
        cutoff = (date.fromisoformat(self.night) - timedelta(days=keep)).isoformat()
        forgotten = sorted(getattr(spider, "uncacheable", ()))
        try:
            with self.db:
                self.db.executemany(
                    "UPDATE responses SET last_used = ? WHERE key = ?",
                    [(self.night, key) for key in self.used],
                )
                # Details the spider could not read: fetched again next night
                # (JobSpider.forget_cached).
                self.db.executemany(
                    "DELETE FROM responses WHERE key = ?", [(k,) for k in forgotten]
                )
                pruned = self.db.execute("DELETE FROM responses WHERE last_used < ?", (cutoff,))
        except sqlite3.Error as error:
            self._give_up(error)
            return
        if forgotten:
            self.stats.inc_value("jobsieve/cache/forgotten", len(forgotten))
        if pruned.rowcount:
            self.stats.inc_value("jobsieve/cache/pruned", pruned.rowcount)
        self.db.close()
        self.db = None

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        db = self._connect()
        if db is None:
            return None
        key = self.fingerprint(request).hex()
        try:
            row = db.execute(
                "SELECT marker, url, status, headers, body, stored FROM responses WHERE key = ?",
                (key,),
            ).fetchone()
        except sqlite3.Error as error:
            self._give_up(error)
            return None
        if row is None:
            return None
        marker, url, status, headers, body, stored = row
        if marker != (request.meta.get(MARKER_META) or ""):
            self.stats.inc_value("jobsieve/cache/changed")
            return None
        if revisit_due(key, stored, self.night, self.revisit_days):
            self.stats.inc_value("jobsieve/cache/revisit")
            return None
        self.used.append(key)
        header_map = json.loads(headers)
        body = zlib.decompress(body)
        cls = responsetypes.from_args(headers=header_map, url=url, body=body)
        return cls(url=url, status=status, headers=header_map, body=body)

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        db = self._connect()
        if db is None:
            return
        headers = {
            name.decode("latin-1"): [v.decode("latin-1") for v in values]
            for name, values in response.headers.items()
        }
        try:
            db.execute(
                "INSERT OR REPLACE INTO responses "
                "(key, marker, url, status, headers, body, stored, last_used) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.fingerprint(request).hex(),
                    request.meta.get(MARKER_META) or "",
                    response.url,
                    response.status,
                    json.dumps(headers),
                    zlib.compress(response.body, 6),
                    self.night,
                    self.night,
                ),
            )
        except sqlite3.Error as error:
            self._give_up(error)
