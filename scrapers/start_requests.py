"""A spider's first requests, collected without an event loop (no Scrapy import)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any


def start_requests_of(start: AsyncIterator[Any]) -> list[Any]:
    """Everything an ``async def start()`` yields, collected synchronously.

    jobsieve's spiders yield their first requests from an async generator that awaits nothing;
    a worker (scrapy-redis feeds a spider from its synchronous ``spider_idle`` handler) and the
    tests' in-process spiders need them without an event loop. Stepping it by hand is exact for
    such a generator; one that does await raises, saying so, rather than losing requests."""
    found = []
    while True:
        step = start.__anext__()
        try:
            step.send(None)
        except StopIteration as yielded:
            found.append(yielded.value)
            continue
        except StopAsyncIteration:
            return found
        step.close()
        raise RuntimeError("start() awaits: its requests cannot be collected without a loop")
