"""Speed of the boilerplate stage on real crawl inputs (run by hand).

    python benchmarks/bench_boilerplate.py capture OUT.pickle [scrapy crawlall -s options...]
    python benchmarks/bench_boilerplate.py time OUT.pickle [--rounds 7] [--profile]

``capture`` runs ``scrapy crawlall`` with an extra pipeline just before ``BoilerplatePipeline``
that pickles every item as it arrives (the stage's real inputs, in crawl order). Without options
it crawls the shipped world offline; pass e.g. ``-s JOBSIEVE_WORLD=... -s JOBSIEVE_SOURCES=...``
for a generated one (benchmarks/worlds.py). Captured inputs stay fixed while the code changes.

``time`` feeds those items through ``BoilerplatePipeline.process_item`` (sanitise, strip,
template memory: the whole stage) in crawl order with a fresh pipeline and empty module caches
each round, as a fresh crawl would, and prints the median over rounds of CPU ms per posting on
one core (``time.thread_time``, so other processes do not count).
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scrapy.settings import Settings  # noqa: E402

import scrapers.boilerplate  # noqa: E402
from scrapers import settings as project_settings  # noqa: E402
from scrapers import textblocks  # noqa: E402

CAPTURE_ENV = "JOBSIEVE_BENCH_CAPTURE"
CRAWL_TIME = "2026-11-22T03:00:00Z"
_BOILERPLATE = "pipelines.boilerplate.BoilerplatePipeline"


class CapturePipeline:
    """Appends each item, as the boilerplate stage would receive it, to the capture file."""

    def __init__(self) -> None:
        self._out = Path(os.environ[CAPTURE_ENV]).open("ab")  # noqa: SIM115

    def process_item(self, item: Any) -> Any:
        pickle.dump(copy.deepcopy(item), self._out)
        return item

    def close_spider(self) -> None:
        self._out.close()


def capture(out: Path, crawl_options: list[str]) -> int:
    out.unlink(missing_ok=True)
    pipelines = dict(project_settings.ITEM_PIPELINES)
    pipelines["benchmarks.bench_boilerplate.CapturePipeline"] = pipelines[_BOILERPLATE] - 1
    with tempfile.TemporaryDirectory() as feeds:
        args = [
            *(sys.executable, "-m", "scrapy", "crawlall"),
            *(crawl_options or ["--offline"]),
            *("-s", f"JOBSIEVE_FEEDS_DIR={feeds}", "-s", f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}"),
            *("-s", f"ITEM_PIPELINES={json.dumps(pipelines)}", "-s", "LOG_LEVEL=WARNING"),
        ]
        env = {**os.environ, CAPTURE_ENV: str(out), "PYTHONHASHSEED": "0"}
        done = subprocess.run(args, cwd=ROOT, env=env, check=False)
    print(f"{len(load(out))} items -> {out}")
    return done.returncode


def load(path: Path) -> list[Any]:
    items = []
    with path.open("rb") as f:
        while True:
            try:
                items.append(pickle.load(f))
            except EOFError:
                return items


def _clear_caches() -> None:
    # Every functools cache of the stage's modules, whatever they are named: a fresh crawl.
    stage = scrapers.boilerplate.__name__
    modules: list[ModuleType] = [textblocks]
    modules += [m for name, m in sys.modules.items() if name.startswith(f"{stage}.")]
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


def _pipeline() -> Any:
    from pipelines.boilerplate import BoilerplatePipeline

    stats = SimpleNamespace(counts=Counter())
    stats.inc_value = lambda key, count=1: stats.counts.update({key: count})
    return BoilerplatePipeline(SimpleNamespace(settings=Settings(), stats=stats))


def _round(items: list[Any]) -> float:
    """CPU seconds of one crawl-order pass (the inputs are copied outside the timing)."""
    fresh = copy.deepcopy(items)
    _clear_caches()
    pipeline = _pipeline()
    start = time.thread_time()
    for item in fresh:
        pipeline.process_item(item)
    return time.thread_time() - start


def time_stage(path: Path, rounds: int, profile: bool) -> int:
    items = load(path)
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(rounds):
            _round(items)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return 0
    _round(items)  # imports and regex compilation are not a per-posting cost
    runs = [_round(items) for _ in range(rounds)]
    per = [s * 1000 / len(items) for s in runs]
    print(
        f"{len(items)} postings, {rounds} rounds: boilerplate stage median "
        f"{statistics.median(per):.3f} ms/posting (min {min(per):.3f}, max {max(per):.3f})"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    cap = sub.add_parser("capture")
    cap.add_argument("out", type=Path)
    tim = sub.add_parser("time")
    tim.add_argument("inputs", type=Path)
    tim.add_argument("--rounds", type=int, default=7)
    tim.add_argument("--profile", action="store_true")
    args, rest = parser.parse_known_args()
    if args.cmd == "capture":
        return capture(args.out, rest)
    if rest:
        parser.error(f"unknown arguments: {rest}")
    return time_stage(args.inputs, args.rounds, args.profile)


if __name__ == "__main__":
    sys.exit(main())
