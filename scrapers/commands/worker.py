"""`scrapy worker URL`: take part in a night run by `scrapy crawlall --workers N` on this or
another machine, until every board of it is done (``scrapers/workers/``, docs/scaling.md).

``URL`` is the one the coordinator logs: ``redis://host:6379/0?night=<id>``. The night's
sources, clock and world come from Redis; the worker crawls boards whole and sends their results
back through Redis, so it needs no shared disk. Exit codes: 0 done, 1 a crawler did not finish,
2 usage error (no such night, no Redis).
"""

from __future__ import annotations

import argparse

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "redis://host:6379/0?night=<id>"

    def short_desc(self) -> str:
        return "Crawl boards of a night run by `crawlall --workers N` (here or on another machine)"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give the night's URL, as `crawlall --workers` logs it")
        self.exitcode = join_night(self.crawler_process, args[0])


def join_night(process, url: str) -> int:
    from scrapers.workers.worker import WorkerError, run_worker

    try:
        return run_worker(process, url)
    except WorkerError as error:
        raise UsageError(str(error), print_help=False) from None
