"""A spider's callbacks run in-process on saved responses, city-scrapers style.

``spider_for`` builds the spider on a real Scrapy crawler with the project's settings and a frozen
clock, and runs its ``start()`` so per-crawl state (boards, company names) is set as in a crawl;
``file_response`` turns a saved exchange (of a recorded world, or given inline) into the response
Scrapy would hand the callback; ``run_callback`` calls it and splits what it yields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.misc import arg_to_iter
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from scrapers.items import JobPosting
from scrapers.spider import JobSpider
from scrapers.world import Recording, World

# The seeds' clock: relative ages ("2 weeks ago") on the seed pages resolve against it.
CRAWL_TIME = "2026-11-22T03:00:00Z"
ROOT = Path(__file__).resolve().parents[2]
SHIPPED_WORLD = ROOT / "world" / "recorded"


def spider_class(name: str) -> type[JobSpider]:
    return SpiderLoader.from_settings(get_project_settings()).load(name)


def drain(start: AsyncIterator[Any]) -> list[Any]:
    """Everything an async ``start()`` yields; it awaits nothing, so no event loop is needed."""
    out: list[Any] = []
    while True:
        step = start.__anext__()
        try:
            step.send(None)
        except StopIteration as done:
            out.append(done.value)
        except StopAsyncIteration:
            return out


def spider_for(
    name: str, *, settings: dict[str, Any] | None = None, start: bool = True, **arguments: Any
) -> JobSpider:
    """Spider ``name`` with ``-a`` ``arguments`` on a crawler with the project's settings, the
    frozen clock and ``settings``; its ``start()`` has run (its requests are in ``.started``)."""
    cls = spider_class(name)
    values = get_project_settings().copy_to_dict()
    values.update({"JOBSIEVE_CRAWL_TIME": CRAWL_TIME, **(settings or {})})
    crawler = get_crawler(cls, values)
    spider = cls.from_crawler(crawler, **arguments)
    crawler.spider = spider
    spider.started = drain(spider.start()) if start else []  # type: ignore[attr-defined]
    return spider


def recording(url: str, method: str = "GET", body: bytes = b"", world: Path = SHIPPED_WORLD):
    found = World(world).lookup(method, url, body)
    assert found is not None, f"no recording of {method} {url} in {world}"
    return found


def file_response(
    saved: Recording,
    *,
    callback: Any = None,
    cb_kwargs: dict[str, Any] | None = None,
    meta: dict[str, Any] | None = None,
) -> Response:
    """The response Scrapy would hand a callback for the saved exchange ``saved``."""
    request = Request(
        saved.url,
        method=saved.method,
        body=saved.request_body,
        callback=callback,
        cb_kwargs=cb_kwargs or {},
        meta=meta or {},
        dont_filter=True,
    )
    headers = dict(saved.headers)
    cls = responsetypes.from_args(headers=headers, url=saved.url, body=saved.body)
    return cls(
        url=saved.url, status=saved.status, headers=headers, body=saved.body, request=request
    )


@dataclasses.dataclass
class Output:
    items: list[JobPosting]
    requests: list[Request]


def run_callback(spider: JobSpider, callback: str, response: Response, **cb_kwargs: Any) -> Output:
    """Call ``spider.<callback>(response, **cb_kwargs)`` and split what it yields."""
    results: Iterable[Any] = arg_to_iter(getattr(spider, callback)(response, **cb_kwargs))
    out = Output([], [])
    for result in results:
        (out.requests if isinstance(result, Request) else out.items).append(result)
    return out


def jobsieve_stats(spider: JobSpider) -> dict[str, int]:
    """The spider's own counters (``jobsieve/…``), sorted."""
    stats = spider.crawler.stats.get_stats()
    return {k: v for k, v in sorted(stats.items()) if k.startswith("jobsieve/")}
