"""`scrapy crawlall`: the nightly crawl of every enabled source, in one process.

Writes ``feeds/<YYYY-MM-DD>/postings.jsonl`` (every valid posting), ``deadletter.jsonl`` (every
dropped one, with why) and ``report.json``, then prints a short summary.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from scrapers.report import build_report, summary_lines, write_report
from scrapers.sources import load_sources


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[--offline] [--sources NAME,...] [--night YYYY-MM-DD]"

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
        frozen = settings.get("JOBSIEVE_CRAWL_TIME")
        now = datetime.fromisoformat(frozen) if frozen else datetime.now(UTC)
        self.night = opts.night or now.astimezone(UTC).strftime("%Y-%m-%d")
        try:
            datetime.strptime(self.night, "%Y-%m-%d")
        except ValueError:
            message = f"--night {self.night!r} is not YYYY-MM-DD"
            raise UsageError(message, print_help=False) from None
        self.out = Path(settings.get("JOBSIEVE_FEEDS_DIR")) / self.night
        feeds = {
            str(self.out / "sources" / "%(name)s.jsonl"): {
                "format": "jsonlines",
                "encoding": "utf-8",
                "overwrite": True,
            }
        }
        settings.set("FEEDS", feeds, priority="cmdline")
        settings.set(
            "JOBSIEVE_DEADLETTER",
            str(self.out / "deadletter" / "%(name)s.jsonl"),
            priority="cmdline",
        )

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
        finished = datetime.now(UTC)

        postings = _merge_jsonl(
            [self.out / "sources" / f"{n}.jsonl" for n in names],
            self.out / "postings.jsonl",
            key=lambda line: (line.get("source") or "", line.get("id") or ""),
        )
        deadletter = _merge_jsonl(
            [self.out / "deadletter" / f"{n}.jsonl" for n in names],
            self.out / "deadletter.jsonl",
            key=lambda line: (line.get("spider") or "", json.dumps(line["item"], sort_keys=True)),
        )
        report = build_report(
            night=self.night,
            started=started,
            finished=finished,
            world=self.settings.get("JOBSIEVE_WORLD"),
            sources={name: c.stats.get_stats() for name, c in crawlers.items()},
            files={
                "postings": str(postings),
                "deadletter": str(deadletter),
                "report": str(self.out / "report.json"),
            },
        )
        write_report(self.out / "report.json", report)
        print("\n".join(summary_lines(report)))
        if self.crawler_process.bootstrap_failed or any(
            c.stats.get_value("finish_reason") != "finished" for c in crawlers.values()
        ):
            self.exitcode = 1


def _merge_jsonl(parts: list[Path], target: Path, key: Any) -> Path:
    """One file from the per-source parts, sorted so the same night gives the same bytes."""
    lines = []
    for part in parts:
        if part.exists():
            lines.extend(
                json.loads(raw)
                for raw in part.read_text(encoding="utf-8").splitlines()
                if raw.strip()
            )
    lines.sort(key=key)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return target
