"""Test-only: stop a `crawlall` night at a named point, to prove what a stopped night leaves.

``CRASH_AT`` says where: ``opened`` (a crawler's spider opened, its engine not yet running:
the crawlers are still starting), ``items:N`` (a crawler's N-th item scraped), ``crawled``,
``settled``, ``staged`` (the feeds written to staging), ``published`` (the night's folder
renamed into place, the state not yet committed) or ``committed`` (the state committed). A night
is published in one rename, so ``published`` is one point (it was one per file renamed).

What happens there: ``CRASH_SIGNAL`` sent to the night's own process (``SIGKILL`` unless said
otherwise: die as `kill -9` would, with nothing cleaned up; ``SIGTERM`` / ``SIGINT`` as systemd's
stop or Ctrl-C), or with ``CRASH_HOLD=<path>`` the night waits there (writing ``<path>.reached``)
until ``<path>`` exists. :class:`CrashAt` is both a Scrapy extension (``EXTENSIONS``, for
``items:N``) and a night observer (``JOBSIEVE_NIGHT_OBSERVERS``, for the rest);
:func:`crash_settings` gives the ``-s`` options that load it.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Any

from scrapy import signals

from scrapers import settings as project_settings
from scrapers.night import signals as night_signals

_NAME = f"{__name__}.CrashAt"
# The night step after which each point stops.
_AFTER_STEP = {
    "crawled": "crawl",
    "settled": "settle",
    "staged": "stage",
    "published": "publish",
    "committed": "commit",
}


def crash_settings(
    point: str, signum: signal.Signals = signal.SIGKILL, hold: Path | None = None
) -> list[str]:
    """``-s`` options for a `scrapy crawlall` stopped at ``point`` by ``signum``, or held there
    until the file ``hold`` exists."""
    extensions = {**project_settings.EXTENSIONS, _NAME: 0}
    return [
        *("-s", f"CRASH_AT={point}"),
        *("-s", f"CRASH_SIGNAL={signum.name}"),
        *(("-s", f"CRASH_HOLD={hold}") if hold else ()),
        *("-s", f"EXTENSIONS={json.dumps(extensions)}"),
        *("-s", f"JOBSIEVE_NIGHT_OBSERVERS={_NAME}"),
    ]


class CrashAt:
    # Each crawler has its own extension: the night stops once, at the first to reach the point
    # (a second SIGTERM would stop it at once).
    stopped = False

    def __init__(self, settings: Any) -> None:
        kind, _, count = (settings.get("CRASH_AT") or "").partition(":")
        self.kind = kind
        self.count = int(count) if count else 0
        self.signum = signal.Signals[settings.get("CRASH_SIGNAL") or "SIGKILL"]
        self.hold = Path(settings["CRASH_HOLD"]) if settings.get("CRASH_HOLD") else None
        self.items = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrashAt:
        extension = cls(crawler.settings)
        if extension.kind == "items":
            crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        elif extension.kind == "opened":
            crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        return extension

    @classmethod
    def from_night(cls, night: Any) -> CrashAt:
        observer = cls(night.settings)
        night.signals.connect(observer.step_finished, signal=night_signals.step_finished)
        return observer

    def item_scraped(self, **kwargs: Any) -> None:
        self.items += 1
        if self.items == self.count:
            self._stop()

    def spider_opened(self, **kwargs: Any) -> None:
        self._stop()

    def step_finished(self, step: str, **kwargs: Any) -> None:
        if _AFTER_STEP.get(self.kind) == step:
            self._stop()

    def _stop(self) -> None:
        if CrashAt.stopped:
            return
        CrashAt.stopped = True
        if self.hold is None:
            os.kill(os.getpid(), self.signum)
            return
        Path(f"{self.hold}.reached").write_text(str(os.getpid()))
        deadline = time.monotonic() + 120
        while not self.hold.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
