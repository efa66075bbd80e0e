"""The baseline: a bare Scrapy spider fetching every recorded page of a world, no pipelines.

It requests each exchange of the world (method, URL and body as recorded, the header a recording
insists on included) through the same downloader stack as jobsieve's spiders — robots.txt,
WorldMiddleware replay, decompression, stats — and yields one raw item per response, with no
parsing beyond that and no item pipelines. What jobsieve's spiders, pipelines and export add on
top is the difference between this crawl and ``crawlall``.

    .venv/bin/scrapy runspider benchmarks/bare_spider.py -a world=/tmp/w/world \\
        -s JOBSIEVE_WORLD=/tmp/w/world
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from scrapers.world import World

STATS_ENV = "JOBSIEVE_BENCH_BARE_STATS"


def exchange_requests(world: str | Path) -> Iterator[dict[str, Any]]:
    """Method, URL, body and required headers of every recorded exchange but robots.txt (the
    robots middleware fetches it, as in a real crawl). Reads only the small metadata files."""
    for path in World(world).exchanges():
        data = json.loads(path.read_text(encoding="utf-8"))
        request = data["request"]
        if request["url"].endswith("/robots.txt"):
            continue
        headers = {}
        required = data.get("notes", {}).get("requires_header")
        if required:
            name, _, value = required.partition(":")
            headers[name.strip()] = value.strip()
        yield {
            "method": request["method"],
            "url": request["url"],
            "body": request.get("body") or "",
            "headers": headers,
        }


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings: ClassVar[dict[str, Any]] = {"ITEM_PIPELINES": {}}

    def __init__(self, world: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not world or not Path(world).is_dir():
            raise ValueError(f"bare spider: -a world={world!r} is not a world directory")
        self.world = world
        self.started = 0.0

    async def start(self) -> Any:
        self.started = time.perf_counter()
        for exchange in exchange_requests(self.world):
            yield scrapy.Request(
                exchange["url"],
                method=exchange["method"],
                body=exchange["body"],
                headers=exchange["headers"],
                dont_filter=True,
                callback=self.parse,
                errback=self.failed,
            )

    def parse(self, response: Response) -> dict[str, Any]:
        return {"url": response.url, "status": response.status, "bytes": len(response.body)}

    def failed(self, failure: Any) -> None:
        self.crawler.stats.inc_value("bare/failed")

    def closed(self, reason: str) -> None:
        target = os.environ.get(STATS_ENV)
        if not target:
            return
        stats = self.crawler.stats.get_stats()
        Path(target).write_text(
            json.dumps(
                {
                    "seconds": time.perf_counter() - self.started,
                    "responses": int(stats.get("response_received_count", 0)),
                    "requests": int(stats.get("downloader/request_count", 0)),
                    "items": int(stats.get("item_scraped_count", 0)),
                    "missing": int(stats.get("jobsieve/world/missing", 0)),
                    "finish_reason": reason,
                }
            ),
            encoding="utf-8",
        )
