"""A worker of a night: one crawler per source, each fed boards from Redis when it is idle.

Each source's spider class is run as a subclass with :class:`BoardFeed`, built on scrapy-redis's
``RedisMixin``: its ``spider_idle`` hook asks Redis for more work whenever the crawler has none
and keeps the spider open (``DontCloseSpider``) until the source's boards are all done. What
jobsieve changes in it:

- ``fetch_data`` claims boards under a lease (``scrapers/workers/lease.py``) instead of scrapy-
  redis's LRANGE + LTRIM, which hands an entry out once and forgets it;
- ``make_request_from_data`` turns a board into the requests the spider's own ``async def
  start()`` yields for it (``-a boards=<board>``, as ``scrapy crawl`` would start): the shim,
  since scrapy-redis feeds synchronously (:func:`start_requests_of`);
- ``spider_idle`` first publishes the batch of boards just finished (idle means every request of
  them came back), then closes the spider once no board of its source is left anywhere.

A batch's results — its items as the feed exporter writes them, its dead letters, the board of
each posting, its per-board stats and the crawl counters since the last batch — are sent in one
step with the boards' acknowledgement. A worker killed mid-batch sends nothing; its lease runs
out and another worker crawls the boards whole.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy_redis.spiders import RedisMixin

from scrapers.completeness import HELD, INCOMPLETE
from scrapers.deadletter import dead_lettered
from scrapers.posting_boards import posting_held, request_board
from scrapers.posting_signatures import encoded_item, signature_line
from scrapers.start_requests import start_requests_of
from scrapers.workers.lease import Claim, Heartbeat, Leases

logger = logging.getLogger(__name__)

# A unit of work: one board of a source ("board:<name>"), or the whole source for a spider
# without boards (a career-site crawl, a Teal query) or with none configured.
WHOLE_SOURCE = "source"
BOARD_UNIT = "board:"
# Test-only: "<source>/<board>" — the worker SIGKILLs itself after the first item of that board,
# on the board's first delivery (tests/test_workers.py: a worker killed mid-board).
KILL_HOOK = "JOBSIEVE_TEST_KILL_WORKER"
# Stats that are gauges, not counters: never summed across batches.
_NOT_COUNTERS = ("memusage/",)


def board_unit(board: str | None) -> str:
    return WHOLE_SOURCE if board is None else f"{BOARD_UNIT}{board}"


def unit_board(unit: str) -> str | None:
    return unit.removeprefix(BOARD_UNIT) if unit.startswith(BOARD_UNIT) else None


class WorkerContext:
    """What a worker process's crawlers share: its Redis client, the lease and its heartbeat."""

    def __init__(self, leases: Leases, batch: int, parts: int = 1) -> None:
        self.leases = leases
        self.batch = batch
        self.parts = parts  # the night's local workers: a claim takes at most 1/(2 parts)
        self.heartbeat = Heartbeat(leases)
        self.name = f"{socket.gethostname()}:{os.getpid()}"


class BoardFeed(RedisMixin):
    """Mixed in before a source's spider class (:func:`worker_spider`)."""

    context: ClassVar[WorkerContext]
    # scrapy-redis: never close for having been idle; :meth:`spider_idle` decides.
    max_idle_time = 0

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        spider = super().from_crawler(crawler, *args, **kwargs)
        leases = cls.context.leases
        spider.redis_key = leases.key("queue", spider.name)
        spider.redis_batch_size = cls.context.batch
        spider.setup_redis(crawler)
        spider.fetch_data = spider._claim
        spider._batch = None
        spider._counted: dict[str, int] = {}
        spider._reset_results()
        spider._kill_at = os.environ.get(KILL_HOOK)
        crawler.signals.connect(spider._item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(spider._dead_lettered, signal=dead_lettered)
        crawler.signals.connect(spider._held, signal=posting_held)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    async def start(self) -> AsyncIterator[Any]:
        # Boards come from Redis when the crawler is idle, which it is at once.
        return
        yield

    # --- scrapy-redis's hooks ----------------------------------------------------------------

    def _claim(self, key: str, count: int) -> list[str]:
        claim = self.context.leases.claim(self.name, count, self.context.parts)
        if claim is None:
            return []
        self._batch = claim
        self.context.heartbeat.hold(claim)
        self.logger.info("%s: crawling %s", self.name, ", ".join(claim.units))
        return list(claim.units)

    def next_requests(self) -> list[Any]:
        """The requests the spider's own ``start()`` yields for the boards claimed, all at once
        (``-a boards=a,b``), as a spider starts with every board of its run."""
        units = self.fetch_data(self.redis_key, self.redis_batch_size)
        if not units:
            return []
        boards = [unit_board(unit) for unit in units]
        self.requested_boards = None if None in boards else boards
        return start_requests_of(super().start())

    def spider_idle(self) -> None:
        if self._batch is not None:
            self._publish()
        if self.context.leases.left(self.name) == 0:
            return  # every board of the source is done, here or elsewhere: close
        super().spider_idle()  # claims more (or waits for a lease to run out): DontCloseSpider

    # --- a batch's results -------------------------------------------------------------------

    def _reset_results(self) -> None:
        self._items: list[str] = []
        self._dead: list[dict[str, Any]] = []
        self._boards: list[dict[str, str]] = []
        # One per item, in the items' order (None: an item without id).
        self._signatures: list[dict[str, Any] | None] = []

    def _item_scraped(self, item: Any, response: Any, **kwargs: Any) -> None:
        fields = ItemAdapter(item).asdict()
        line = encoded_item(fields)
        self._items.append(line)
        # Here, on this worker's core, not in the coordinator's post-pass.
        self._signatures.append(signature_line(line))
        board = request_board(response)
        if board is not None and fields.get("id"):
            self._boards.append({"id": fields["id"], "board": board})
        if self._kill_at and self._kill_at == f"{self.name}/{board}" and self._first_delivery():
            self.logger.warning("%s set: killing this worker (SIGKILL)", KILL_HOOK)
            logging.shutdown()
            os.kill(os.getpid(), signal.SIGKILL)

    def _first_delivery(self) -> bool:
        return self._batch is not None and all(n == 1 for n in self._batch.deliveries.values())

    def _dead_lettered(self, record: dict[str, Any], board: str | None, **kwargs: Any) -> None:
        self._dead.append(record)

    def _held(self, board: str, posting: str, reason: str, **kwargs: Any) -> None:
        self._boards.append({"id": posting, "board": board, "held": reason})

    def _batch_stats(self) -> dict[str, Any]:
        """The per-board stats of the batch's boards (taken out of the crawler's: a board
        crawled again here starts afresh), and the counters since the last batch."""
        stats = self.crawler.stats.get_stats()
        per_board = f"jobsieve/source/{self.name}/"
        taken: dict[str, Any] = {}
        kept: dict[str, Any] = {}
        for key, value in stats.items():
            if key.startswith(per_board) or key in (INCOMPLETE, HELD):
                taken[key] = value
            else:
                kept[key] = value
        self.crawler.stats.set_stats(kept)
        counters = {}
        for key, value in kept.items():
            if type(value) is int and not key.startswith(_NOT_COUNTERS):
                if value != self._counted.get(key, 0):
                    counters[key] = value - self._counted.get(key, 0)
                self._counted[key] = value
        return {"boards": taken, "counters": counters}

    def _publish(self) -> None:
        claim: Claim = self._batch
        self._batch = None
        self.report_unanswered("finished")
        self._board_postings.clear()
        result = {
            "source": self.name,
            "units": list(claim.units),
            "worker": self.context.name,
            "items": self._items,
            "deadletter": self._dead,
            "boards": self._boards,
            "signatures": self._signatures,
            "stats": self._batch_stats(),
        }
        self._reset_results()
        self.context.heartbeat.drop(claim)
        payload = json.dumps(result, ensure_ascii=False, default=str)
        if self.context.leases.ack(claim, payload):
            self.logger.info("%s: published %s", self.name, ", ".join(claim.units))
        else:
            self.logger.warning(
                "%s: the lease of %s ran out before they were done; another worker crawls them, "
                "these results are dropped",
                self.name,
                ", ".join(claim.units),
            )

    def _closed(self, reason: str, **kwargs: Any) -> None:
        claim = self._batch
        if claim is not None:  # stopped mid-batch: the boards go back at once
            self._batch = None
            self.context.heartbeat.drop(claim)
            released = self.context.leases.release(claim)
            self.logger.info("%s stopped (%s): %d board(s) given back", self.name, reason, released)


def worker_spider(spidercls: type, context: WorkerContext) -> type:
    """``spidercls`` fed with boards from Redis."""
    return type(
        f"{spidercls.__name__}Worker",
        (BoardFeed, spidercls),
        {"context": context, "__module__": spidercls.__module__},
    )


# --- the night's configuration, as the coordinator leaves it in Redis ---------------------------

# Settings a worker takes from the coordinator: what changes what a crawl reads or exports.
FORWARDED = (
    "JOBSIEVE_CRAWL_TIME",
    "JOBSIEVE_INCREMENTAL",
    "JOBSIEVE_REVISIT_DAYS",
    "JOBSIEVE_RETRY_AFTER_MAX",
    "JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS",
    "JOBSIEVE_LANGDETECT_SEED",
    "JOBSIEVE_WORKER_LEASE",
    "JOBSIEVE_WORKER_BOARDS",
    "HTTPCACHE_ENABLED",
)
NIGHT_STATE_PIPELINES = (
    "pipelines.state.CrawlStatePipeline",
    "pipelines.state.NightStatusPipeline",
)


def worker_settings(settings: Any, config: dict[str, Any], redis_url: str) -> None:
    """The worker's crawl settings from the night's ``config``: the same world, clock, sources
    and detail cache as the coordinator's; no feed files (results go through Redis) and no state
    (statuses are settled by the coordinator)."""
    for name, value in config["settings"].items():
        settings.set(name, value, priority="cmdline")
    sources = Path(tempfile.mkdtemp(prefix="jobsieve-worker-")) / "sources.toml"
    sources.write_text(config["sources_text"], encoding="utf-8")
    settings.set("JOBSIEVE_SOURCES", str(sources), priority="cmdline")
    world = config.get("world")
    if world and not Path(world).is_dir() and config.get("offline"):
        world = settings.get("JOBSIEVE_SHIPPED_WORLD")  # another machine: its own checkout's
    settings.set("JOBSIEVE_WORLD", world, priority="cmdline")
    if config.get("cache_dir"):
        settings.set("JOBSIEVE_CACHE_DIR", config["cache_dir"], priority="cmdline")
    settings.set("FEEDS", {}, priority="cmdline")
    settings.set("JOBSIEVE_DEADLETTER", os.devnull, priority="cmdline")
    settings.set("JOBSIEVE_POSTING_BOARDS", None, priority="cmdline")
    settings.set("JOBSIEVE_POSTING_SIGNATURES", None, priority="cmdline")
    pipelines = {
        path: order
        for path, order in settings.getdict("ITEM_PIPELINES").items()
        if path not in NIGHT_STATE_PIPELINES
    }
    settings.set("ITEM_PIPELINES", pipelines, priority="cmdline")
    settings.set("REDIS_URL", redis_url, priority="cmdline")
    # Every worker's requests to one site a delay apart (scrapers/workers/politeness.py).
    settings.set("DOWNLOADER", "scrapers.workers.politeness.SharedDelayDownloader", "cmdline")


class WorkerError(Exception):
    """The worker cannot take part (no Redis, no such night): one line."""


def run_worker(process: Any, url: str) -> int:
    """Take part in the night of the join ``url`` with ``process``'s crawlers until every board
    of it is done. Returns the exit code: 0 when every crawler finished."""
    from scrapers.workers.names import RUNNING, connect, parse_join_url, prefix, shown

    try:
        redis_url, night = parse_join_url(url)
        client = connect(redis_url)
    except ValueError as error:
        raise WorkerError(str(error)) from None
    if night is None:  # a standing worker (deploy/jobsieve-worker@.service): the next night
        logger.info("waiting for a night at %s", shown(redis_url))
        while not (running := sorted(client.smembers(RUNNING))):
            time.sleep(5)
        night = running[0].decode("utf-8")
    raw = client.get(f"{prefix(night)}:config")
    if raw is None:
        raise WorkerError(f"no night {night} at {shown(redis_url)} (over, or not started)")
    config = json.loads(raw)
    settings = process.settings
    worker_settings(settings, config, redis_url)
    lease = float(config["settings"].get("JOBSIEVE_WORKER_LEASE") or 60)
    batch = int(config["settings"].get("JOBSIEVE_WORKER_BOARDS") or 1)
    parts = int(config.get("workers") or 1)
    context = WorkerContext(Leases(client, prefix(night), lease), batch, parts)
    context.heartbeat.start()
    logger.info("worker %s joins night %s (%s)", context.name, night, ", ".join(config["sources"]))
    crawlers = []
    try:
        for name in config["sources"]:
            spidercls = worker_spider(process.spider_loader.load(name), context)
            crawler = process.create_crawler(spidercls)
            crawlers.append(crawler)
            process.crawl(crawler)
        process.start()
    finally:
        context.heartbeat.stop()
    reasons = {c.stats.get_value("finish_reason") for c in crawlers}
    logger.info("worker %s done (%s)", context.name, ", ".join(map(str, sorted(reasons, key=str))))
    return 0 if reasons == {"finished"} else 1
