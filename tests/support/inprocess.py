"""A spider's callbacks run in-process on saved responses, city-scrapers style.

``spider_for`` builds the spider on a real Scrapy crawler with the project's settings and a frozen
clock, and runs its ``start()`` so per-crawl state (boards, company names) is set as in a crawl;
``file_response`` turns a saved exchange (of a recorded world, or given inline) into the response
Scrapy would hand the callback; ``run_callback`` calls it and splits what it yields.

``crawl`` runs a whole real crawl in the test process (Scrapy's engine on the reactor that
pytest-twisted runs), over the shipped world or ``world_with`` a few answers changed: no
subprocess, nothing imitated.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Request, signals
from scrapy.crawler import CrawlerRunner
from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.misc import arg_to_iter
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from scrapers.items import JobPosting
from scrapers.spider import JobSpider
from scrapers.start_requests import start_requests_of
from scrapers.world import Recording, World, host_dir

# The seeds' clock: relative ages ("2 weeks ago") on the seed pages resolve against it.
CRAWL_TIME = "2026-11-22T03:00:00Z"
ROOT = Path(__file__).resolve().parents[2]
SHIPPED_WORLD = ROOT / "world" / "recorded"


def spider_class(name: str) -> type[JobSpider]:
    return SpiderLoader.from_settings(get_project_settings()).load(name)


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
    spider.started = start_requests_of(spider.start()) if start else []  # type: ignore[attr-defined]
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
    """The spider's own counters (``jobsieve/…``), sorted; not the reasons kept beside them
    (``jobsieve/incomplete``, ``jobsieve/held``: see ``reasons``)."""
    return _counters(spider.crawler.stats.get_stats(), "jobsieve/")


def _counters(stats: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {
        k: v
        for k, v in sorted(stats.items())
        if k.startswith(prefix) and not isinstance(v, dict | list)
    }


# --- real crawls in the test process -------------------------------------------------------------


def world_with(root: Path, *changes: Recording, base: Path = SHIPPED_WORLD) -> Path:
    """``base`` with some answers changed or added, at ``root``: a host without a change is
    linked, a changed host copied and overwritten, so a test world costs what it changes."""
    root.mkdir(parents=True, exist_ok=True)
    changed = {host_dir(change.url) for change in changes}
    for host in base.iterdir():
        if host.name in changed:
            shutil.copytree(host, root / host.name)
        else:
            (root / host.name).symlink_to(host.resolve(), target_is_directory=host.is_dir())
    world = World(root)
    for change in changes:
        world.save(change)
    return root


@dataclasses.dataclass
class Crawl:
    """What one real crawl did: items as exported (after every pipeline), the requests the engine
    got an answer for (robots.txt included; answered by the network or the recorded world), its
    stats and its log messages."""

    items: list[dict[str, Any]]
    sent: list[Request]
    stats: dict[str, Any]
    log: list[str]

    def counters(self, prefix: str = "jobsieve/") -> dict[str, Any]:
        """The crawl's counters under ``prefix`` (not the reasons kept beside them)."""
        return _counters(self.stats, prefix)

    def reasons(self, kind: str = "incomplete") -> dict[str, list[str]]:
        """Why each board was not read completely (``incomplete``) or held postings (``held``)."""
        return dict(self.stats.get(f"jobsieve/{kind}") or {})


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


async def crawl(
    name: str,
    *,
    world: Path = SHIPPED_WORLD,
    feeds: Path,
    settings: dict[str, Any] | None = None,
    **arguments: Any,
) -> Crawl:
    """A real `scrapy crawl <name> -a …` in this process: Scrapy's engine, every middleware and
    pipeline of the project, the recorded ``world`` and the frozen clock; the state and the detail
    cache live in ``feeds``. Await it in a test run by pytest-twisted."""
    values = get_project_settings()
    values.setdict(
        {
            "JOBSIEVE_WORLD": str(world),
            "JOBSIEVE_CRAWL_TIME": CRAWL_TIME,
            "JOBSIEVE_FEEDS_DIR": str(feeds),
            "JOBSIEVE_DEADLETTER": str(feeds / "deadletter-%(name)s.jsonl"),
            # Replayed answers need no politeness delay.
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "LOGSTATS_INTERVAL": 0,
            **(settings or {}),
        },
        priority="cmdline",
    )
    runner = CrawlerRunner(values)
    crawler = runner.create_crawler(name)
    done = Crawl([], [], {}, [])

    def scraped(item: Any) -> None:
        done.items.append(json.loads(json.dumps(ItemAdapter(item).asdict(), default=str)))

    def answered(response: Any, request: Request) -> None:
        done.sent.append(request)

    crawler.signals.connect(scraped, signal=signals.item_scraped)
    # The recorded world answers in a downloader middleware, before a request reaches the
    # downloader: every answer is a response_received.
    crawler.signals.connect(answered, signal=signals.response_received)
    root, messages = logging.getLogger(), _Messages()
    level = root.level
    root.setLevel(logging.INFO)  # CrawlerRunner sets up no logging of its own
    root.addHandler(messages)
    try:
        await runner.crawl(crawler, **arguments)
    finally:
        root.removeHandler(messages)
        root.setLevel(level)
    done.stats = crawler.stats.get_stats()
    done.log = messages.lines
    return done
