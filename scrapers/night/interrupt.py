"""SIGINT and SIGTERM during a night (no Scrapy import).

What the first signal does depends on where the night is:

- **crawling**: the crawlers are asked to stop (Scrapy's graceful shutdown, through the
  ``stop_crawl(signum)`` callback); when they have, the night raises :class:`NightInterrupted`;
- **between steps, settling or staging**: :class:`NightInterrupted` is raised at once;
- **publishing or committing** (a rename and one transaction): the night finishes first, so the
  feeds and the state stay in step; :attr:`Interruption.late` says a signal came.

A second signal stops the process at once, by that signal: nothing is cleaned up, and the next
night starts afresh as after ``kill -9``.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import Any

from scrapers.night.status import NightInterrupted

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interruption:
    """The night's handler of ``SIGNALS``, installed from ``__enter__`` to ``__exit__``."""

    def __init__(self, night: str, stop_crawl: Callable[[int], None]) -> None:
        self.night = night
        self.stop_crawl = stop_crawl
        self.signum: int | None = None  # the first signal received
        self._where = "between steps"
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Interruption:
        for signum in SIGNALS:
            self._previous[signum] = signal.signal(signum, self._received)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def check(self) -> None:
        """Raise :class:`NightInterrupted` if a signal came."""
        if self.signum is not None:
            raise NightInterrupted(self.night, self.signum)

    @contextmanager
    def crawling(self) -> Iterator[None]:
        """While the crawlers run: a signal stops them; raised once they have stopped."""
        self.check()
        self._where = "crawling"
        try:
            yield
        finally:
            self._where = "between steps"
        self.check()

    def publishing(self) -> None:
        """From here on the night is published and committed: a signal no longer stops it, the
        night finishes first (see :attr:`late`)."""
        self.check()
        self._where = "publishing"

    @property
    def late(self) -> bool:
        """A signal came once the night was publishing: it was finished first."""
        return self.signum is not None and self._where == "publishing"

    def _received(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is not None:
            # Written straight to the descriptor: logging from a signal handler may re-enter a
            # stream the interrupted code was writing to.
            name = signal.Signals(signum).name
            os.write(2, f"jobsieve: {name} again, stopping at once\n".encode())
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self.signum = signum
        if self._where == "crawling":
            self.stop_crawl(signum)
        elif self._where == "between steps":
            raise NightInterrupted(self.night, signum)
