"""Replay (``JOBSIEVE_WORLD``) and record (``JOBSIEVE_RECORD``) of HTTP exchanges for any spider.

A downloader middleware placed after every built-in one: a replayed response skips only the
network, so retries, redirects, decompression, robots.txt and stats treat it as a live one.
Both settings may name the same directory: what is recorded is replayed, the rest is fetched live
and recorded (handy when a source grows a new endpoint).
"""

from __future__ import annotations

import gzip
import logging
import zlib
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.responsetypes import responsetypes

from scrapers.world import Recording, World

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

REPLAYED_FLAG = "world"
MISSING_HEADER = b"X-Jobsieve-World"


class WorldMiddleware:
    def __init__(self, crawler: Crawler, replay: World | None, record: World | None) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.replay = replay
        self.record = record

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WorldMiddleware:
        replay_dir = crawler.settings.get("JOBSIEVE_WORLD")
        record_dir = crawler.settings.get("JOBSIEVE_RECORD")
        if not replay_dir and not record_dir:
            raise NotConfigured("live crawl: neither JOBSIEVE_WORLD nor JOBSIEVE_RECORD is set")
        if replay_dir and not Path(replay_dir).is_dir():
            raise ValueError(f"JOBSIEVE_WORLD={replay_dir!r} is not a directory")
        replay = World(replay_dir) if replay_dir else None
        record = World(record_dir) if record_dir else None
        if replay:
            logger.info("Replaying recorded world %s (no request leaves this machine)", replay.root)
        if record:
            logger.info("Recording live responses into %s", record.root)
        return cls(crawler, replay, record)

    def process_request(self, request: Request) -> Response | None:
        if self.replay is None:
            return None
        found = self.replay.lookup(request.method, request.url, request.body)
        if found is not None:
            self.stats.inc_value("jobsieve/world/replayed")
            refusal = _refusal(found, request) or _not_modified(found, request)
            return refusal if refusal is not None else _response_from(found, request)
        if self.record is not None:
            return None  # fetched live, then recorded in process_response
        self.stats.inc_value("jobsieve/world/missing")
        logger.warning(
            "No recording for %s %s in %s: answering 404",
            request.method,
            request.url,
            self.replay.root,
        )
        return Response(
            request.url,
            status=404,
            headers={MISSING_HEADER: b"missing"},
            request=request,
            flags=[REPLAYED_FLAG, "missing"],
        )

    def process_response(self, request: Request, response: Response) -> Response:
        # A response served from the detail cache was recorded (or replayed) when first fetched.
        if self.record is None or REPLAYED_FLAG in response.flags or "cached" in response.flags:
            return response
        self.record.save(_recording_from(request, response))
        self.stats.inc_value("jobsieve/world/recorded")
        return response


def _response_from(recording: Recording, request: Request) -> Response:
    headers: dict[str, list[str]] = {}
    for name, value in recording.headers:
        headers.setdefault(name, []).append(value)
    cls = responsetypes.from_args(headers=headers, url=request.url, body=recording.body)
    return cls(
        url=request.url,
        status=recording.status,
        headers=headers,
        body=recording.body,
        request=request,
        flags=[REPLAYED_FLAG],
    )


def _refusal(recording: Recording, request: Request) -> Response | None:
    """What the server answers a request lacking a header it insists on.

    A recording may say ``"requires_header": "Referer: https://…/"`` and
    ``"without_it": "403 <body>"`` in its notes (Algolia keys locked to a referrer do this), so
    replay refuses a request the live server would refuse, instead of hiding the bug.
    """
    required = recording.notes.get("requires_header")
    if not required:
        return None
    name, _, value = required.partition(":")
    sent = (request.headers.get(name.strip()) or b"").decode("latin-1")
    if sent == value.strip():
        return None
    status, _, body = recording.notes.get("without_it", "403").partition(" ")
    return Response(
        request.url,
        status=int(status),
        body=body.encode("utf-8"),
        request=request,
        flags=[REPLAYED_FLAG, "refused"],
    )


def _not_modified(recording: Recording, request: Request) -> Response | None:
    """304 to a conditional GET whose validators match the recording, as the server would."""
    if request.method not in {"GET", "HEAD"} or recording.status != 200:
        return None
    recorded = {name.lower(): value for name, value in recording.headers}
    etag = recorded.get("etag")
    asked = (request.headers.get(b"If-None-Match") or b"").decode("latin-1")
    if asked:
        # Weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter for a GET.
        tags = {t.strip().removeprefix("W/") for t in asked.split(",")}
        unchanged = etag is not None and ("*" in tags or etag.removeprefix("W/") in tags)
    else:
        since = _http_date(request.headers.get(b"If-Modified-Since"))
        modified = _http_date(recorded.get("last-modified"))
        unchanged = since is not None and modified is not None and modified <= since
    if not unchanged:
        return None
    kept = [
        (name, value)
        for name, value in recording.headers
        if name.lower() in {"etag", "last-modified", "cache-control", "date"}
    ]
    return Response(
        request.url,
        status=304,
        headers=dict(kept),
        request=request,
        flags=[REPLAYED_FLAG, "not_modified"],
    )


def _http_date(value: bytes | str | None) -> float | None:
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    try:
        return parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError):
        return None


def _recording_from(request: Request, response: Response) -> Recording:
    body = response.body
    headers: list[tuple[str, str]] = []
    encoding = (response.headers.get(b"Content-Encoding") or b"").decode("latin-1").lower()
    decoded = _decompress(body, encoding)
    for name, values in response.headers.items():
        key = name.decode("latin-1")
        if decoded is not None and key.lower() in {"content-encoding", "content-length"}:
            continue  # the body is stored decompressed, so a person can read it
        headers.extend((key, v.decode("latin-1")) for v in values)
    return Recording(
        method=request.method,
        url=request.url,
        status=response.status,
        headers=headers,
        body=decoded if decoded is not None else body,
        request_body=request.body,
    )


def _decompress(body: bytes, encoding: str) -> bytes | None:
    try:
        if encoding in {"gzip", "x-gzip"}:
            return gzip.decompress(body)
        if encoding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)
    except (OSError, zlib.error, EOFError):
        logger.warning("Could not decompress a %s body; recording it as received", encoding)
    return None if encoding not in {"", "identity"} else body
