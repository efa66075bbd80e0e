"""Test-only: die as `kill -9` would at a named point of a `crawlall` night, with nothing cleaned
up, to prove that a killed night run again equals a clean one.

``CRASH_AT`` says where: ``items:N`` (a crawler's N-th item scraped), ``staged`` (the feeds
written to staging, none published), ``published:N`` (N files renamed into place) or
``committed`` (the state committed, staging not yet removed). :class:`CrashAt` is both a Scrapy
extension (``EXTENSIONS``, for ``items:N``) and a night observer (``JOBSIEVE_NIGHT_OBSERVERS``,
for the rest); :func:`crash_settings` gives the ``-s`` options that load it.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

from scrapy import signals

from scrapers import settings as project_settings
from scrapers.night import signals as night_signals

_NAME = f"{__name__}.CrashAt"
# The night step after which each point kills.
_AFTER_STEP = {"staged": "stage", "committed": "commit"}


def crash_settings(point: str) -> list[str]:
    """``-s`` options for a `scrapy crawlall` killed at ``point``."""
    extensions = {**project_settings.EXTENSIONS, _NAME: 0}
    return [
        *("-s", f"CRASH_AT={point}"),
        *("-s", f"EXTENSIONS={json.dumps(extensions)}"),
        *("-s", f"JOBSIEVE_NIGHT_OBSERVERS={_NAME}"),
    ]


def _kill() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class CrashAt:
    def __init__(self, point: str | None) -> None:
        kind, _, count = (point or "").partition(":")
        self.kind = kind
        self.count = int(count) if count else 0
        self.items = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrashAt:
        extension = cls(crawler.settings.get("CRASH_AT"))
        if extension.kind == "items":
            crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        return extension

    @classmethod
    def from_night(cls, night: Any) -> CrashAt:
        observer = cls(night.settings.get("CRASH_AT"))
        night.signals.connect(observer.step_finished, signal=night_signals.step_finished)
        night.signals.connect(observer.file_published, signal=night_signals.file_published)
        return observer

    def item_scraped(self, **kwargs: Any) -> None:
        self.items += 1
        if self.items >= self.count:
            _kill()

    def step_finished(self, step: str, **kwargs: Any) -> None:
        if _AFTER_STEP.get(self.kind) == step:
            _kill()

    def file_published(self, path: Path, number: int, **kwargs: Any) -> None:
        if self.kind == "published" and number == self.count:
            _kill()
