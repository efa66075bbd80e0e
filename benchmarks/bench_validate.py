"""Speed of contract validation on the lines of a real feed (run by hand).

    scrapy crawlall --offline -s JOBSIEVE_FEEDS_DIR=/tmp/valfeeds \\
        -s JOBSIEVE_CRAWL_TIME=2026-11-22T03:00:00Z
    python benchmarks/bench_validate.py /tmp/valfeeds/2026-11-22/postings.jsonl [--rounds 7]

Every line of an exported feed is valid, the case a crawl spends its validation time on. Timed:
the full jsonschema validator (what validate_posting ran on every item before the fast checker),
validate_posting (fast checker first, jsonschema only on what it rejects), and the fast checker
alone. Median over rounds of CPU ms per item on one core (`time.thread_time`, so other
processes do not count); the first round of each also pays for the compile and is not counted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers import contract  # noqa: E402


def _ms_per_item(
    run: Callable[[dict[str, Any]], Any], items: list[dict[str, Any]], rounds: int
) -> float:
    run(items[0])  # compiles the checker / builds the validator outside the timing
    times = []
    for _ in range(rounds):
        start = time.thread_time()
        for item in items:
            run(item)
        times.append((time.thread_time() - start) * 1000 / len(items))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feed", type=Path, help="a postings.jsonl feed")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    items = [json.loads(line) for line in args.feed.read_text(encoding="utf-8").splitlines()]

    full = contract._validator()
    fast = contract.fast_checker()
    if fast is None:
        sys.exit("the schema does not compile to the fast checker (see the warning above)")
    full_valid = sum(full.is_valid(item) for item in items)
    fast_valid = sum(map(fast, items))
    agree = sum(full.is_valid(item) == fast(item) for item in items)
    print(f"{len(items)} items: {full_valid} valid by jsonschema, {fast_valid} by the fast checker")
    print(f"verdicts agree on {agree}/{len(items)}")

    rows = [
        ("full validator (iter_errors)", lambda item: list(full.iter_errors(item))),
        ("validate_posting", contract.validate_posting),
        ("fast checker alone", fast),
    ]
    baseline = None
    for name, run in rows:
        ms = _ms_per_item(run, items, args.rounds)
        baseline = baseline or ms
        print(f"{name:30s} {ms:8.4f} ms/item  ({baseline / ms:5.1f}x)")


if __name__ == "__main__":
    main()
