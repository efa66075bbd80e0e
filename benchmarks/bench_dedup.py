"""Cross-night dedup cost per posting and memory, with 10k / 100k / 1M postings in state.

Targets (issue 8): <= 0.5 ms per posting and <= 1 GB RSS with 1M postings in state.
Run by hand from the project root:

    .venv/bin/python benchmarks/bench_dedup.py                         # 10k, 100k and 1M
    .venv/bin/python benchmarks/bench_dedup.py --sizes 10000 --night 2000

For each size a SQLite state is seeded (once, kept in --workdir) with that many postings from
synthetic companies (most small, a few with thousands of postings, as real employers are), each
with a 150-300-word body. Then a *separate process* runs one night of --night postings through
exactly what `scrapy crawlall` runs after its crawlers (NightLedger.prefetch/observe/finish, then
the commit into a copy of the state): half already known (unchanged), a quarter new, a quarter
copies of known postings on an aggregator (linked by original_url, or by content only). It reports
milliseconds per posting (observe + finish + commit) and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers.dedup.ids import content_fingerprint  # noqa: E402
from scrapers.dedup.signature import Signature  # noqa: E402
from scrapers.state import open_store  # noqa: E402
from scrapers.state.ledger import NightLedger  # noqa: E402
from scrapers.state.rows import state_row  # noqa: E402

SEED = 8
# A small vocabulary on purpose: bodies of one company then share many shingles, as templates do.
WORDS = [
    *("build", "ship", "maintain", "design", "review", "services", "data", "platform"),
    *("customers", "teams", "reliable", "scalable", "payments", "search", "ranking", "mobile"),
    *("backend", "frontend", "cloud", "infrastructure", "security", "analytics", "pipelines"),
    *("product", "growth", "quality", "testing", "automation", "observability", "latency"),
    *("storage", "queue", "models", "experiments", "dashboards", "partners", "suppliers"),
    *("logistics", "warehouse", "orders", "pricing", "fraud", "compliance", "onboarding"),
    *("support", "documentation", "mentoring", "hiring", "roadmap", "strategy", "operations"),
]
TITLES = [
    *("Backend Engineer", "Frontend Engineer", "Data Engineer", "Product Manager"),
    *("Product Designer", "Data Analyst", "Site Reliability Engineer", "Account Executive"),
    *("Recruiter", "Finance Analyst"),
]
LEVELS = ("", "Senior ", "Junior ", "Staff ", "Lead ")
CITIES = ("Berlin", "Paris", "London", "Madrid", "Lisbon", "Amsterdam", "Austin", "Seattle")
NIGHT = "2026-11-22"
NOW = "2026-11-22T03:00:00Z"


def _company(index: int) -> str:
    # Every 500th company is large (about 2,000 postings); the rest hold about 20.
    return f"Company {index // 2000 if index % 500 == 0 else index // 20} GmbH"


def posting(index: int, source: str = "lever") -> dict[str, Any]:
    rng = random.Random(SEED * 1_000_003 + index)
    body = "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30)))
        for _ in range(rng.randint(8, 12))
    )
    item = {
        "id": f"{source}:{index:08d}",
        "source": source,
        "url": f"https://jobs.lever.co/bench/{index:08d}-0000-4000-8000-000000000000",
        "original_url": None,
        "apply_url": None,
        "title": rng.choice(LEVELS) + rng.choice(TITLES),
        "company": _company(index),
        "location_raw": rng.choice(CITIES),
        "locations": [],
        "description": body,
        "remote": None,
        "seniority": None,
        "salary": None,
        "department": None,
        "valid_through": None,
        "status": "new",
        "first_seen": "2026-11-21T03:00:00Z",
    }
    item["fingerprint"] = content_fingerprint(item["title"], item["company"], body)
    return item


def seed_state(path: Path, size: int) -> None:
    if path.exists():
        return
    started = time.perf_counter()
    store = open_store(path.with_suffix(".partial"))
    batch = []
    for index in range(size):
        item = posting(index)
        sig = Signature.of(item)
        batch.append(
            state_row(
                item,
                sig,
                night="2026-11-21",
                now=item["first_seen"],
                cluster=item["id"],
                last_changed=item["first_seen"],
            )
        )
        if len(batch) == 20_000:
            store.commit_night("2026-11-21", batch)
            batch = []
    store.commit_night("2026-11-21", batch)
    store.close()
    path.with_suffix(".partial").rename(path)
    print(f"  seeded {size} postings in {time.perf_counter() - started:.0f}s", file=sys.stderr)


def tonight(size: int, count: int) -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    known = rng.sample(range(size), count // 2 + count // 4)
    items = [posting(i) for i in known[: count // 2]]
    items += [posting(size + i) for i in range(count // 4)]
    for number, index in enumerate(known[count // 2 :]):
        copy = posting(index, source="nodegree")
        if number % 2:
            copy["original_url"] = posting(index)["url"]
        copy["url"] = f"https://jobs.nodegree.com/organizations/bench/jobs/{index}"
        items.append(copy)
    return items


def run_night(state: Path, count: int, size: int) -> dict[str, Any]:
    """The child process: one night against a copy of the seeded state."""
    items = tonight(size, count)
    for item in items:
        item.pop("status")
        item.pop("first_seen")
    work = state.with_name(f"{state.stem}-night.sqlite3")
    shutil.copy(state, work)
    store = open_store(work)
    started = time.perf_counter()
    night = NightLedger(store, NIGHT, NOW)
    night.prefetch(item["id"] for item in items)
    for item in sorted(items, key=lambda i: (i["source"], i["id"])):
        night.observe(item)
    result = night.finish(["lever", "nodegree"])
    store.commit_night(NIGHT, result.rows)
    elapsed = time.perf_counter() - started
    store.close()
    work.unlink()
    return {
        "state_postings": size,
        "night_postings": count,
        "ms_per_posting": round(elapsed * 1000 / count, 3),
        "duplicates_found": sum(result.duplicates.values()),
        "copies_planted": count - count // 2 - count // 4,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--night", type=int, default=4000, help="postings crawled tonight")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/jobsieve-bench-dedup"))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        print(json.dumps(run_night(opts.child, opts.night, opts.size)))
        return 0
    opts.workdir.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in opts.sizes.split(",")):
        state = opts.workdir / f"state-{size}.sqlite3"
        seed_state(state, size)
        child = subprocess.run(
            [
                *(sys.executable, __file__, "--child", str(state)),
                *("--size", str(size), "--night", str(opts.night)),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(child.stdout)
        figures["state_file_mb"] = round(state.stat().st_size / 2**20, 1)
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
