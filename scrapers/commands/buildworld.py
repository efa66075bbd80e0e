"""`scrapy buildworld`: render posting records into a recorded world."""

from __future__ import annotations

import argparse

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from scrapers.paths import PROJECT_ROOT
from scrapers.worldbuild import build_world, world_records


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[--records DIR] [--out DIR]"

    def short_desc(self) -> str:
        return "Build a recorded world from posting records (default: the shipped world)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--records", default=str(PROJECT_ROOT / "world" / "records"))
        parser.add_argument(
            "--generated",
            default=str(PROJECT_ROOT / "world" / "generated"),
            help="generated companies: a TOML file or a directory of them",
        )
        parser.add_argument("--out", default=None, help="default: JOBSIEVE_SHIPPED_WORLD")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        out = opts.out or self.settings.get("JOBSIEVE_SHIPPED_WORLD")
        try:
            records = world_records(opts.records, opts.generated)
            written = build_world(records, out)
        except (ValueError, FileExistsError, OSError) as error:
            raise UsageError(str(error), print_help=False) from error
        print(f"Built {len(written)} recorded exchanges from {len(records)} records into {out}")
