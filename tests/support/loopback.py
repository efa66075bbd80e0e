"""A test-only Scrapy download handler that sends every http and https request to one port on
127.0.0.1 (the fault server, ``tests/support/faultserver/``), as plain HTTP with the URL's own
``Host``; the spider, and every middleware, see the URL it asked for.

Only the last step changes: the request goes through Scrapy's scheduler, downloader slots (one
per original host), retry, redirect, robots.txt, decompression and jobsieve's middlewares as in a
live crawl, and Scrapy's own HTTP/1.1 handler downloads it over a real socket. Plugged in by
settings (:func:`loopback_settings`), in the test process or on a ``scrapy`` command line::

    DOWNLOAD_HANDLERS = {"https": "tests.support.loopback.LoopbackHandler", "http": ...}
    LOOPBACK_PORT = <the server's port>

(``LOOPBACK_PORT`` is not a ``JOBSIEVE_*`` setting: it is the tests', not the product's.)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

HANDLER = "tests.support.loopback.LoopbackHandler"
PORT_SETTING = "LOOPBACK_PORT"


def loopback_settings(port: int) -> dict[str, Any]:
    """The settings that send a crawl's downloads to ``port`` on 127.0.0.1."""
    return {"DOWNLOAD_HANDLERS": {"https": HANDLER, "http": HANDLER}, PORT_SETTING: port}


def loopback_arguments(port: int) -> list[str]:
    """The same, as ``-s`` options of a ``scrapy`` command line."""
    return [
        *("-s", f"DOWNLOAD_HANDLERS={json.dumps({'https': HANDLER, 'http': HANDLER})}"),
        *("-s", f"{PORT_SETTING}={port}"),
    ]


class LoopbackHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.port = crawler.settings.getint(PORT_SETTING)
        if not self.port:
            raise NotConfigured(f"{PORT_SETTING} is not set")

    async def download_request(self, request: Request) -> Response:
        parts = urlsplit(request.url)
        local = urlunsplit(("http", f"127.0.0.1:{self.port}", parts.path or "/", parts.query, ""))
        headers = request.headers.copy()
        headers[b"Host"] = parts.netloc.encode("ascii")
        # A proxy from the environment would carry the request off this machine.
        meta = {k: v for k, v in request.meta.items() if k != "proxy"}
        sent = request.replace(url=local, headers=headers, meta=meta)
        try:
            response = await super().download_request(sent)
        except Exception as error:
            # Errors name the URL the spider asked for, as they would in a live crawl.
            error.args = tuple(
                a.replace(local, request.url) if isinstance(a, str) else a for a in error.args
            )
            raise
        finally:
            # AutoThrottle reads the latency from the request the engine knows.
            if "download_latency" in sent.meta:
                request.meta["download_latency"] = sent.meta["download_latency"]
        return response.replace(url=request.url)
