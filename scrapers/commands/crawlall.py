"""`scrapy crawlall`: the nightly crawl of every enabled source, in one process.

Writes under ``feeds/<YYYY-MM-DD>/``: ``postings.jsonl`` (every valid posting, with status and
duplicate_of), ``jobs.jsonl`` (one line per live job: its canonical posting plus ``sources``),
``delta.jsonl`` (jobs new or updated tonight), ``expired.jsonl`` (postings that went away),
``deadletter.jsonl`` (every dropped item, with why) and ``report.json``, then prints a summary.

Incremental: each crawler serves posting details from the detail cache while their lists show
them unchanged (``scrapers/detail_cache.py``); ``--full`` (``JOBSIEVE_INCREMENTAL = False``)
fetches every detail again. ``report.json`` counts the requests sent and the details served.

Crash safety: the crawlers and the post-pass write into ``feeds/.<night>.partial/``; the files are
fsynced, then renamed into ``feeds/<night>/`` with ``report.json`` last (its presence says the
night is complete), and only then is the state committed, in one transaction. A night killed at
any point and run again exports every posting once and leaves the state as one clean run would.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from scrapers.report import PostingFigures, build_report, summary_lines
from scrapers.sources import load_sources
from scrapers.state import night_clock, open_store, state_location
from scrapers.state.ledger import NightLedger
from scrapers.state.results import NightResult, Sighting

# Published in this order; report.json last, so its presence means the night is complete.
_FEEDS = ("postings.jsonl", "jobs.jsonl", "delta.jsonl", "expired.jsonl", "deadletter.jsonl")


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[--offline] [--full] [--sources NAME,...] [--night YYYY-MM-DD]"

    def short_desc(self) -> str:
        return "Run every enabled source and write tonight's feeds and report"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--offline",
            action="store_true",
            help="replay the world shipped with jobsieve instead of the network",
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="fetch every posting's detail again, even where the list says it is unchanged",
        )
        parser.add_argument(
            "--sources", default=None, help="comma-separated subset of the enabled sources"
        )
        parser.add_argument(
            "--night", default=None, help="date of the feeds folder (default: today, UTC)"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        settings = self.settings
        assert settings is not None
        if opts.offline:
            world = settings.get("JOBSIEVE_SHIPPED_WORLD")
            if not Path(world).is_dir():
                raise UsageError(f"--offline: no shipped world at {world}; run `scrapy buildworld`")
            settings.set("JOBSIEVE_WORLD", world, priority="cmdline")
        if opts.full:
            settings.set("JOBSIEVE_INCREMENTAL", False, priority="cmdline")
        frozen = settings.get("JOBSIEVE_CRAWL_TIME")
        now = datetime.fromisoformat(frozen) if frozen else datetime.now(UTC)
        self.night = opts.night or now.astimezone(UTC).strftime("%Y-%m-%d")
        try:
            datetime.strptime(self.night, "%Y-%m-%d")
        except ValueError:
            message = f"--night {self.night!r} is not YYYY-MM-DD"
            raise UsageError(message, print_help=False) from None
        feeds_dir = Path(settings.get("JOBSIEVE_FEEDS_DIR"))
        self.out = feeds_dir / self.night
        # A killed night's leftovers are never reused: tonight starts its staging afresh.
        self.staging = feeds_dir / f".{self.night}.partial"
        shutil.rmtree(self.staging, ignore_errors=True)
        feeds = {
            str(self.staging / "sources" / "%(name)s.jsonl"): {
                "format": "jsonlines",
                "encoding": "utf-8",
                "overwrite": True,
            }
        }
        settings.set("FEEDS", feeds, priority="cmdline")
        settings.set(
            "JOBSIEVE_DEADLETTER",
            str(self.staging / "deadletter" / "%(name)s.jsonl"),
            priority="cmdline",
        )
        settings.set("JOBSIEVE_NIGHTLY", True, priority="cmdline")
        self.state = state_location(settings.get("JOBSIEVE_STATE"), feeds_dir)
        self.now = night_clock(frozen)[1]

    def _sources(self, opts: argparse.Namespace) -> list[str]:
        assert self.settings is not None and self.crawler_process is not None
        try:
            configured = load_sources(self.settings.get("JOBSIEVE_SOURCES"))
        except ValueError as error:
            raise UsageError(str(error), print_help=False) from error
        known = set(self.crawler_process.spider_loader.list())
        unknown = sorted(set(configured) - known)
        if unknown:
            raise UsageError(
                f"sources file names unknown spider(s): {', '.join(unknown)}", print_help=False
            )
        names = [name for name, config in configured.items() if config.enabled]
        if opts.sources:
            wanted = [s.strip() for s in opts.sources.split(",") if s.strip()]
            missing = sorted(set(wanted) - known)
            if missing:
                raise UsageError(
                    f"--sources: unknown spider(s) {', '.join(missing)}", print_help=False
                )
            names = wanted
        if not names:
            raise UsageError("no enabled source to crawl", print_help=False)
        return sorted(names)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None and self.settings is not None
        names = self._sources(opts)
        started = datetime.now(UTC)
        crawlers: dict[str, Crawler] = {}
        for name in names:
            crawler = self.crawler_process.create_crawler(name)
            crawlers[name] = crawler
            self.crawler_process.crawl(crawler)
        self.crawler_process.start()
        stats = {name: c.stats.get_stats() for name, c in crawlers.items()}
        # A source that failed or lost a board tonight says nothing about its postings going away.
        complete = [
            n for n, s in stats.items() if s.get("finish_reason") == "finished" and not _errors(s)
        ]
        store = open_store(self.state)
        try:
            result = self._settle(store, names, complete)
            self._stage(names, result, stats, started)
            _crash_point(self.settings, "staged")
            self._publish(names)
            store.commit_night(self.night, result.rows)
            _crash_point(self.settings, "committed")
        finally:
            store.close()
        shutil.rmtree(self.staging, ignore_errors=True)
        report = json.loads((self.out / "report.json").read_text(encoding="utf-8"))
        print("\n".join(summary_lines(report)))
        if self.crawler_process.bootstrap_failed or any(
            s.get("finish_reason") != "finished" for s in stats.values()
        ):
            self.exitcode = 1

    def _settle(self, store: Any, names: list[str], complete: list[str]) -> NightResult:
        """Statuses and clusters over every source at once, in a fixed order: same night, same
        answer, whichever crawler finished first.

        Only a sighting of each posting is kept, and where its line is in the staged files: the
        feeds re-read the items from there (``_stage``), so the night never holds every body."""
        parts = [self.staging / "sources" / f"{n}.jsonl" for n in names]
        sightings: list[tuple[tuple[str, str], Sighting, int, int]] = []
        for number, part in enumerate(parts):
            for offset, item in _scan_jsonl(part):
                key = (item.get("source") or "", item.get("id") or "")
                sightings.append((key, Sighting.of(item), number, offset))
        sightings.sort(key=lambda entry: entry[0])
        # The last line of an id is the item the night keeps for it.
        self._lines = _StagedLines(parts, {s.id: (n, at) for _, s, n, at in sightings})
        night = NightLedger(
            store, self.night, self.now, expire_after=self.settings.getint("JOBSIEVE_EXPIRE_AFTER")
        )
        night.prefetch(sighting.id for _, sighting, _, _ in sightings)
        for _, sighting, _, _ in sightings:
            night.see(sighting)
        return night.finish(complete)

    def _stage(
        self, names: list[str], result: NightResult, stats: dict[str, Any], started: datetime
    ) -> None:
        staging = self.staging
        figures = _stage_postings(staging, names, result, self._lines)
        _write_jsonl(staging / "expired.jsonl", result.expired)
        deadletter = _read_jsonl([staging / "deadletter" / f"{n}.jsonl" for n in names])
        deadletter.sort(
            key=lambda line: (line.get("spider") or "", json.dumps(line["item"], sort_keys=True))
        )
        _write_jsonl(staging / "deadletter.jsonl", deadletter)
        report = build_report(
            night=self.night,
            started=started,
            finished=datetime.now(UTC),
            world=self.settings.get("JOBSIEVE_WORLD"),
            sources=stats,
            files={name: str(self.out / name) for name in (*_FEEDS, "report.json")},
            postings=figures,
            night_counts={
                "jobs": len(result.jobs),
                "delta": len(result.delta),
                "expired": len(result.expired),
                "duplicates": sum(result.duplicates.values()),
            },
            state=self.state,
        )
        _write_text(
            staging / "report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n"
        )

    def _publish(self, names: list[str]) -> None:
        """Rename the staged files into place, report.json last."""
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / "report.json").unlink(missing_ok=True)
        moves = [
            *(Path("sources") / f"{n}.jsonl" for n in names),
            *(Path("deadletter") / f"{n}.jsonl" for n in names),
            *map(Path, _FEEDS),
            Path("report.json"),
        ]
        for relative in moves:
            if not (self.staging / relative).exists():
                (self.out / relative).unlink(missing_ok=True)
        present = [m for m in moves if (self.staging / m).exists()]
        for done, relative in enumerate(present, start=1):
            target = self.out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.staging / relative, target)
            _crash_point(self.settings, f"published:{done}")
        for folder in {self.out, self.out / "sources", self.out / "deadletter"}:
            if folder.is_dir():
                _fsync_dir(folder)


def _errors(stats: dict[str, Any]) -> bool:
    return any(k.startswith("jobsieve/source/") and k.endswith("/error") for k in stats)


def _crash_point(settings: Any, point: str) -> None:
    # Test-only (JOBSIEVE_TEST_CRASH_AT): die as `kill -9` would, with nothing cleaned up.
    if settings.get("JOBSIEVE_TEST_CRASH_AT") == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _read_jsonl(parts: list[Path]) -> list[dict[str, Any]]:
    lines = []
    for part in parts:
        if part.exists():
            lines.extend(
                json.loads(raw)
                for raw in part.read_text(encoding="utf-8").splitlines()
                if raw.strip()
            )
    return lines


def _write_jsonl(target: Path, lines: Iterable[dict[str, Any]]) -> None:
    _write_text(target, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))


def _write_text(target: Path, text: str) -> None:
    """Written and fsynced: once renamed into place, the file survives a crash or power cut."""
    with _durable(target) as handle:
        handle.write(text)


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# --- the post-pass, streamed -------------------------------------------------------------------


def _scan_jsonl(part: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each line of a JSON Lines file with its byte offset, one at a time (blank lines skipped)."""
    if not part.exists():
        return
    with part.open("rb") as handle:
        offset = 0
        for raw in handle:
            text = raw.decode("utf-8")
            if text.strip():
                yield offset, json.loads(text)
            offset += len(raw)


class _StagedLines:
    """Tonight's items where the crawlers staged them, read back one at a time by id."""

    def __init__(self, parts: list[Path], where: dict[str, tuple[int, int]]) -> None:
        self.parts = parts
        self.where = where  # id -> (part, byte offset)
        self.handles: dict[int, BinaryIO] = {}

    def item(self, posting: str) -> dict[str, Any]:
        number, offset = self.where[posting]
        if number not in self.handles:
            self.handles[number] = self.parts[number].open("rb")
        handle = self.handles[number]
        handle.seek(offset)
        return json.loads(handle.readline().decode("utf-8"))

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()


@contextmanager
def _durable(target: Path) -> Iterator[TextIO]:
    """A file written line by line and fsynced when done: once renamed into place, it survives a
    crash or power cut."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def _stage_postings(
    staging: Path, names: list[str], result: NightResult, lines: _StagedLines
) -> dict[str, dict[str, Any]]:
    """postings.jsonl, the per-source files, jobs.jsonl and delta.jsonl, one item in memory at a
    time; returns the report's per-source posting figures.

    postings.jsonl is in (source, id) order and jobs.jsonl in id order: each job line is written
    once, beside its head's posting line, to a scratch file, then copied over in id order.
    """
    settled = staging / "settled"
    heads = {job.head: job for job in result.jobs}
    job_at: dict[str, int] = {}
    figures = PostingFigures()
    with ExitStack() as stack:
        stack.callback(lines.close)
        outputs = {
            name: stack.enter_context(_durable(settled / f"{name}.jsonl"))
            for name in dict.fromkeys(names)
        }
        postings = stack.enter_context(_durable(staging / "postings.jsonl"))
        scratch = stack.enter_context((settled / "jobs.scratch").open("w+b"))
        for posting in result.order:
            item = result.posting(lines.item(posting))
            text = json.dumps(item, ensure_ascii=False) + "\n"
            postings.write(text)
            source = item.get("source")
            if isinstance(source, str) and source in outputs:
                outputs[source].write(text)
            figures.add(item)
            job = heads.get(posting)
            if job is not None:
                job_at[posting] = scratch.tell()
                line = json.dumps(result.job_line(job, item), ensure_ascii=False) + "\n"
                scratch.write(line.encode("utf-8"))
        jobs = stack.enter_context(_durable(staging / "jobs.jsonl"))
        delta = stack.enter_context(_durable(staging / "delta.jsonl"))
        for job in result.jobs:
            scratch.seek(job_at[job.head])
            text = scratch.readline().decode("utf-8")
            jobs.write(text)
            if job.status != "unchanged":
                delta.write(text)
    # Only now: the per-source files were the items' source until the last job line.
    for name in dict.fromkeys(names):
        target = staging / "sources" / f"{name}.jsonl"
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(settled / f"{name}.jsonl", target)
    shutil.rmtree(settled)
    return figures.figures()
