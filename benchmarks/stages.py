"""Per-stage timing for the benchmark: each item pipeline, and the feed export, timed in the crawl.

``bench_crawl.py`` points ``ITEM_PIPELINES`` at ``benchmarks.stages.<PipelineClass>`` (a subclass
of the pipeline of that name a night's crawlers run, whose ``process_item`` is timed) and the
``jsonlines`` feed exporter at ``TimedJsonLinesItemExporter``. The totals are written at exit to
the JSON file named by ``JOBSIEVE_BENCH_STAGES``. Two ``perf_counter`` calls per item and stage
cost well under a microsecond, so the crawl measured is the crawl shipped.
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import time
from pathlib import Path
from typing import Any

from scrapy.exporters import JsonLinesItemExporter

from scrapers import settings as project_settings
from scrapers.night.crawl import night_pipelines

ENV = "JOBSIEVE_BENCH_STAGES"
# stage name -> [seconds, calls]
TOTALS: dict[str, list[float]] = {}
_CLASSES: dict[str, type] = {}


def stage_name(path: str) -> str:
    """``pipelines.normalise.NormalisePipeline`` -> ``normalise``."""
    return path.split(".")[-2]


def _add(stage: str, seconds: float) -> None:
    total = TOTALS.setdefault(stage, [0.0, 0])
    total[0] += seconds
    total[1] += 1


def _dump() -> None:
    target = os.environ.get(ENV)
    if target:
        Path(target).write_text(json.dumps(TOTALS, sort_keys=True), encoding="utf-8")


atexit.register(_dump)


def _timed(path: str) -> type:
    module, _, name = path.rpartition(".")
    base = getattr(importlib.import_module(module), name)
    stage = stage_name(path)

    def process_item(self: Any, item: Any) -> Any:
        started = time.perf_counter()
        try:
            return base.process_item(self, item)
        finally:
            # Dropped items (DropItem) cost time too: counted in the finally.
            _add(stage, time.perf_counter() - started)

    return type(name, (base,), {"process_item": process_item, "__module__": __name__})


def _pipelines() -> dict[str, int]:
    """The project's ITEM_PIPELINES as a night's crawlers run them."""
    return night_pipelines(project_settings.ITEM_PIPELINES)


def timed_pipelines() -> dict[str, int]:
    """A night's ITEM_PIPELINES, each pointing at its timed subclass here."""
    return {f"{__name__}.{path.rpartition('.')[2]}": order for path, order in _pipelines().items()}


def __getattr__(name: str) -> type:
    # Scrapy's load_object asks this module for the class by name.
    for path in _pipelines():
        if path.rpartition(".")[2] == name:
            if name not in _CLASSES:
                _CLASSES[name] = _timed(path)
            return _CLASSES[name]
    raise AttributeError(name)


class TimedJsonLinesItemExporter(JsonLinesItemExporter):
    def export_item(self, item: Any) -> None:
        started = time.perf_counter()
        try:
            super().export_item(item)
        finally:
            _add("export", time.perf_counter() - started)
