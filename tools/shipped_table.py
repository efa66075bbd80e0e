"""The command line of a tool that builds a data file jobsieve ships (tools/build_*.py): write
it, or with ``--check`` say whether the shipped file is what a fresh build gives (exit 1 if not).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(
    table: Path, build: Callable[[], bytes], description: str, argv: list[str] | None = None
) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true")
    opts = parser.parse_args(argv)
    built = build()
    if opts.check:
        same = table.exists() and table.read_bytes() == built
        print(f"{table.name} is up to date" if same else f"{table.name} differs: rebuild it")
        return 0 if same else 1
    table.write_bytes(built)
    print(f"wrote {table.relative_to(ROOT)}: {len(built):,} bytes")
    return 0
