"""Boards that fail, for every source with boards: the world they need and where they are.

The board-fault contract (``tests/test_board_faults.py``) asks the same of every source: a board
the source does not know (HTTP 404), a board answering something that is not the source's format
and a board listing no job are each counted and named, and the source's good boards still yield
every posting. Each source says how such boards look on it in its own module here
(``<source>.py`` with ``FAULTS = Faults(...)``); the shared fault night
(``tests/support/nights.py``) crawls all of them in one ``scrapy crawlall``.

A source's own oddities (paging that repeats, a detail that vanished, a bot wall) are extra
boards of its ``Faults``, with their recordings beside the contract's, and are checked in the
source's own test module against the same night.
"""

from __future__ import annotations

import importlib
import pkgutil

from tests.support.faults.base import Faults


def _collect() -> dict[str, Faults]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if isinstance(getattr(module, "FAULTS", None), Faults):
            found[info.name] = module.FAULTS
    return dict(sorted(found.items()))


FAULTS: dict[str, Faults] = _collect()
