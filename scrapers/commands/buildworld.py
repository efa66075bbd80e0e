"""`scrapy buildworld`: render posting records into a recorded world.

The builder is ``world.builder`` of a checkout, found through the project directory Scrapy puts
on ``sys.path``; an installed jobsieve has no world to build, and says so.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

NO_BUILDER = (
    "scrapy buildworld: the world builder is not installed with jobsieve; "
    "run it in a checkout of the repository (world/builder/ next to scrapy.cfg)"
)


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[--records DIR] [--generated PATH] [--out DIR]"

    def short_desc(self) -> str:
        return "Build a recorded world from posting records (default: the shipped world)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--records", default=None, help="default: world/records")
        parser.add_argument(
            "--generated",
            default=None,
            help="generated companies: a TOML file or a directory of them "
            "(default: world/generated)",
        )
        parser.add_argument("--out", default=None, help="default: JOBSIEVE_SHIPPED_WORLD")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        try:
            from world import builder
        except ModuleNotFoundError as error:
            if error.name not in ("world", "world.builder"):
                raise
            print(NO_BUILDER, file=sys.stderr)
            self.exitcode = 1
            return
        out = opts.out or self.settings.get("JOBSIEVE_SHIPPED_WORLD")
        try:
            records = builder.world_records(
                builder.RECORDS_DIR if opts.records is None else opts.records,
                builder.GENERATED_DIR if opts.generated is None else opts.generated,
            )
            written = builder.build_world(records, out)
        except (ValueError, FileExistsError, OSError) as error:
            raise UsageError(str(error), print_help=False) from error
        print(f"Built {len(written)} recorded exchanges from {len(records)} records into {out}")
