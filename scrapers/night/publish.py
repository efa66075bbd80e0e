"""Step 4, publish: the staged files renamed into the night's folder, ``report.json`` last, so
its presence says the night is complete (no Scrapy import)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from scrapers.night.files import fsync_dir
from scrapers.night.plan import FEEDS, REPORT, NightPlan


def publish(plan: NightPlan, published: Callable[[Path, int], None]) -> None:
    """Rename every staged file into place; ``published(path, number)`` after each rename."""
    out, staging = plan.out, plan.staging
    out.mkdir(parents=True, exist_ok=True)
    (out / REPORT).unlink(missing_ok=True)
    moves = [
        *(Path("sources") / f"{n}.jsonl" for n in plan.sources),
        *(Path("deadletter") / f"{n}.jsonl" for n in plan.sources),
        *map(Path, FEEDS),
        Path(REPORT),
    ]
    # A file tonight did not write must not survive from an earlier run of the same night.
    for relative in moves:
        if not (staging / relative).exists():
            (out / relative).unlink(missing_ok=True)
    present = [m for m in moves if (staging / m).exists()]
    for done, relative in enumerate(present, start=1):
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, target)
        published(relative, done)
    for folder in {out, out / "sources", out / "deadletter"}:
        if folder.is_dir():
            fsync_dir(folder)
