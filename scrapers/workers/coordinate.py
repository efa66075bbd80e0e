"""Step 1 of a night with workers: queue every board in Redis, start N local workers, and write
what they publish into the night's staging folder as a single-process crawl would (no Scrapy
crawl here; the post-pass runs after, once, in this process).

Each acknowledged batch of boards brings its items, dead letters, the board of each posting and
its stats; they are appended to ``sources/<name>.jsonl``, ``deadletter/<name>.jsonl`` and
``boards/<name>.jsonl`` of the staging folder, and the stats merged per source: counters summed,
per-board stats taken from the run that acknowledged the board (the only run of it that is ever
published). A source is finished when every one of its boards has been acknowledged.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from scrapers.completeness import HELD, INCOMPLETE, add_reason
from scrapers.night.crawl import Crawled
from scrapers.night.plan import NightPlan
from scrapers.night.settle import staged_posting_boards, staged_posting_signatures
from scrapers.progress import NightProgress
from scrapers.sources import load_sources
from scrapers.workers.lease import Leases
from scrapers.workers.names import RUNNING, join_url, night_id, prefix, shown
from scrapers.workers.worker import FORWARDED, WHOLE_SOURCE, board_unit

logger = logging.getLogger(__name__)

# How many times local workers that died are replaced, per worker asked for.
RESPAWNS_PER_WORKER = 3


def units_of(name: str, spidercls: type, sources: dict[str, Any]) -> list[str]:
    """The units of work of a source: its boards, or the whole source for a spider without
    boards (or none configured)."""
    config = sources.get(name)
    boards = list(config.boards) if config is not None else []
    if getattr(spidercls, "board_pattern", None) is None or not boards:
        return [WHOLE_SOURCE]
    return [board_unit(board) for board in dict.fromkeys(boards)]


class Staging:
    """The staging files of the crawl, written as results arrive; the stats merged per source."""

    def __init__(self, plan: NightPlan) -> None:
        self.plan = plan
        self.handles: dict[Path, IO[str]] = {}
        self.stats: dict[str, dict[str, Any]] = {name: {} for name in plan.sources}
        self.seen: dict[str, set[str]] = {name: set() for name in plan.sources}
        self.boards_of: dict[str, str] = {}
        for name in plan.sources:  # a crawl's feed file exists even when it exported nothing
            self._handle(plan.staged_items(name))

    def _handle(self, path: Path) -> IO[str]:
        handle = self.handles.get(path)
        if handle is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = self.handles[path] = path.open("w", encoding="utf-8")
        return handle

    def add(self, result: dict[str, Any]) -> None:
        name = result["source"]
        stats = self.stats.setdefault(name, {})
        seen = self.seen.setdefault(name, set())
        items = self._handle(self.plan.staged_items(name))
        signatures = self._handle(staged_posting_signatures(self.plan, name))
        # A worker of an earlier release sends none: the post-pass computes them.
        staged = result.get("signatures") or [None] * len(result["items"])
        dropped = []
        for line, signature in zip(result["items"], staged, strict=True):
            item = json.loads(line)
            posting = item.get("id")
            if posting and posting in seen:
                # Two boards of a source listing one posting: exported once, as a single
                # crawl's RepeatedIdPipeline does across its boards.
                dropped.append(_repeated(name, item))
                continue
            if posting:
                seen.add(posting)
            items.write(line + "\n")
            if signature is not None:
                signatures.write(json.dumps(signature) + "\n")
        for record in [*result["deadletter"], *dropped]:
            deadletter = self._handle(self.plan.staged_deadletter(name))
            deadletter.write(json.dumps(record, ensure_ascii=False) + "\n")
        boards = self._handle(staged_posting_boards(self.plan, name))
        for line in result["boards"]:
            if not line.get("held"):
                if line["id"] in self.boards_of:
                    continue
                self.boards_of[line["id"]] = line["board"]
            boards.write(json.dumps(line) + "\n")
        for key, value in result["stats"]["counters"].items():
            stats[key] = stats.get(key, 0) + value
        if dropped:
            for key in ("jobsieve/dedup/same_id", "jobsieve/dropped/duplicate"):
                stats[key] = stats.get(key, 0) + len(dropped)
            stats["item_scraped_count"] = stats.get("item_scraped_count", 0) - len(dropped)
            stats["item_dropped_count"] = stats.get("item_dropped_count", 0) + len(dropped)
        for key, value in result["stats"]["boards"].items():
            if key in (INCOMPLETE, HELD):
                notes = stats.setdefault(key, {})
                for board, reasons in value.items():
                    for reason in reasons:
                        add_reason(notes, board, reason)
            else:
                stats[key] = value

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()


def _repeated(source: str, item: dict[str, Any]) -> dict[str, Any]:
    return {
        "reason": "duplicate",
        "message": f"{item.get('id')} was already exported",
        "details": [],
        "spider": source,
        "dropped_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "item": item,
    }


class LocalWorkers:
    """``scrapy worker URL`` processes on this machine, each logging to its own file."""

    def __init__(self, url: str, count: int, log_dir: Path | None, log_level: str) -> None:
        self.url = url
        self.count = count
        self.log_dir = log_dir
        self.log_level = log_level
        self.started = 0
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self) -> None:
        self.started += 1
        command = [sys.executable, "-m", "scrapy", "worker", self.url]
        log: Any = subprocess.DEVNULL
        if self.log_dir is not None:
            path = self.log_dir / f"worker-{self.started}.log"
            path.parent.mkdir(parents=True, exist_ok=True)
            command += ["-s", f"LOG_FILE={path}", "-s", f"LOG_LEVEL={self.log_level}"]
            log = path.open("ab")
        else:
            command.append("--nolog")
        self.processes.append(
            subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        )
        if log is not subprocess.DEVNULL:
            log.close()

    def alive(self) -> list[subprocess.Popen[bytes]]:
        return [p for p in self.processes if p.poll() is None]

    def failed(self) -> list[subprocess.Popen[bytes]]:
        return [p for p in self.processes if p.returncode not in (None, 0)]

    def stop(self, grace: float = 30.0) -> None:
        for process in self.alive():
            process.terminate()
        deadline = time.monotonic() + grace
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def night_config(plan: NightPlan, settings: Any, offline: bool) -> dict[str, Any]:
    sources_file = settings.get("JOBSIEVE_SOURCES") or str(Path("sources.toml").absolute())
    cache = settings.get("JOBSIEVE_CACHE_DIR") or str(plan.feeds_dir / "cache")
    return {
        "night": plan.night,
        "now": plan.now,
        "sources": list(plan.sources),
        "sources_text": Path(sources_file).read_text(encoding="utf-8"),
        "world": str(Path(plan.world).absolute()) if plan.world else None,
        "offline": offline,
        # How many workers share the boards (those started here): a claim takes no more than
        # 1/(2 workers) of a source's queue, so the last boards are not all one worker's.
        "workers": plan.workers,
        "cache_dir": str(Path(cache).absolute()),
        "settings": forwarded_settings(settings),
    }


# The coordinator's own, or sent to the workers otherwise (the sources' text, the world, the
# cache): never forwarded as settings.
_NOT_FORWARDED = frozenset(
    {
        "JOBSIEVE_FEEDS_DIR",
        "JOBSIEVE_OFFLINE_FEEDS_DIR",
        "JOBSIEVE_STATE",
        "JOBSIEVE_CACHE_DIR",
        "JOBSIEVE_SOURCES",
        "JOBSIEVE_WORLD",
        "JOBSIEVE_NIGHT_OBSERVERS",
        "JOBSIEVE_POSTING_BOARDS",
        "JOBSIEVE_POSTING_SIGNATURES",
        "JOBSIEVE_DEADLETTER",
        "JOBSIEVE_REDIS_URL",
        "FEEDS",
        "LOG_FILE",
        "LOG_ENABLED",
    }
)


def forwarded_settings(settings: Any) -> dict[str, Any]:
    """What the workers crawl with beside their defaults: the night's own (``FORWARDED``), and
    every setting given on crawlall's command line (``-s DOWNLOAD_DELAY=2`` holds in every
    worker as it would in one process), in JSON."""
    chosen = {name: settings.get(name) for name in FORWARDED}
    command_line = SETTINGS_PRIORITIES["cmdline"]
    for name in settings:
        if name in _NOT_FORWARDED or settings.getpriority(name) != command_line:
            continue
        value = settings.get(name)
        chosen[name] = value.copy_to_dict() if isinstance(value, BaseSettings) else value
    return json.loads(json.dumps(chosen, default=str))


def crawl_with_workers(
    plan: NightPlan,
    settings: Any,
    client: Any,
    spider_class: Callable[[str], type],
    stopping: threading.Event,
) -> Crawled:
    """Every source's boards crawled by ``plan.workers`` local workers (and any that join from
    elsewhere), their results staged; returns the sources' merged stats."""
    redis_url = settings.get("JOBSIEVE_REDIS_URL")
    night = night_id(plan.night, plan.feeds_dir, plan.state)
    leases = Leases(client, prefix(night), settings.getfloat("JOBSIEVE_WORKER_LEASE"))
    leases.clear()  # what a killed coordinator of this night left
    offline = (
        bool(plan.world)
        and Path(plan.world).absolute() == Path(settings.get("JOBSIEVE_SHIPPED_WORLD")).absolute()
    )
    client.set(leases.key("config"), json.dumps(night_config(plan, settings, offline)))
    client.sadd(RUNNING, night)
    sources = load_sources(settings.get("JOBSIEVE_SOURCES"))
    # Each source's units not yet staged: a unit's results are staged once (a lease that ran out
    # has its results refused), so a source whose set is empty is crawled.
    unstaged: dict[str, set[str]] = {}
    for name in plan.sources:
        units = units_of(name, spider_class(name), sources)
        unstaged[name] = set(units)
        leases.put(name, units)
    url = join_url(redis_url, night)
    logger.info(
        "night %s: %d worker(s) here; more join with: scrapy worker %s",
        plan.night,
        plan.workers,
        shown(url),
    )
    log_file = settings.get("LOG_FILE")
    log_dir = (
        Path(log_file).with_suffix("") if log_file and settings.getbool("LOG_ENABLED") else None
    )
    workers = LocalWorkers(url, plan.workers, log_dir, settings.get("LOG_LEVEL"))
    staging = Staging(plan)
    started = time.monotonic()
    # When each source's last board was staged, in seconds from the start: its crawl's duration.
    crawled_in: dict[str, float] = {}
    progress = NightProgress.current

    def stage(raw: bytes) -> None:
        result = json.loads(raw)
        staging.add(result)
        name = result["source"]
        unstaged[name].difference_update(result["units"])
        if name not in crawled_in and not unstaged[name]:
            crawled_in[name] = round(time.monotonic() - started, 3)
        if progress is not None:
            progress.staged(staging.stats, crawled_in)

    not_started: dict[str, str] = {}
    budget = plan.workers * (1 + RESPAWNS_PER_WORKER)
    left: dict[str, int] = {}
    try:
        for _ in range(plan.workers):
            workers.start()
        while not stopping.is_set():
            raw = leases.next_result(timeout=0.5)
            if raw is not None:
                stage(raw)
                continue
            if progress is not None:
                progress.refresh()  # the elapsed time, while the workers crawl
            if all(leases.left(name) == 0 for name in plan.sources):
                while (raw := leases.next_result()) is not None:
                    stage(raw)
                break
            alive = workers.alive()
            if len(alive) < plan.workers and workers.started < budget:
                exits = [p.returncode for p in workers.processes if p.poll() is not None]
                logger.warning("a worker ended (exit %s); starting another", exits[-1:])
                workers.processes = alive
                workers.start()
            elif not alive and not any(leases.leased(name) for name in plan.sources):
                not_started["workers"] = (
                    "every local worker ended before the night's boards were done "
                    f"(see {log_dir or 'their logs'})"
                )
                break
    finally:
        workers.stop()
        staging.close()
        left = {name: leases.left(name) for name in plan.sources}
        client.srem(RUNNING, night)
        leases.clear()
    elapsed = round(time.monotonic() - started, 3)
    stats = staging.stats
    for name in plan.sources:
        done = left.get(name) == 0 and not stopping.is_set() and not not_started
        stats[name]["finish_reason"] = "finished" if done else "shutdown"
        stats[name]["elapsed_time_seconds"] = crawled_in.get(name, elapsed)
    failed = any(s.get("finish_reason") != "finished" for s in stats.values())
    if not_started:
        return Crawled({}, True, not_started)
    return Crawled(stats, failed)
