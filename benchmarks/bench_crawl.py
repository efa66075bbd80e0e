"""The crawl benchmark: jobsieve's nightly crawl against a bare Scrapy crawl of the same pages.

Run by hand from the project root (results: docs/benchmarks.md):

    .venv/bin/python benchmarks/bench_crawl.py                      # 1k and 10k postings
    .venv/bin/python benchmarks/bench_crawl.py --sizes 1000,10000,100000
    .venv/bin/python benchmarks/bench_crawl.py --sizes 10000 --profile   # + pyinstrument

For each size it builds a world of N generated postings over every source (benchmarks/worlds.py,
the shipped world's builder), then runs, each in its own process:

- ``bare``: benchmarks/bare_spider.py requesting every recorded page, no pipelines;
- ``crawlall``: ``scrapy crawlall`` over that world and its sources.toml (every source, every
  pipeline, the feeds, the state), with each pipeline and the feed export timed in place
  (benchmarks/stages.py).

It reports pages/s and items/s of both and their ratio (the headline; target >= 0.85), the cost
per item of each stage in ms, CPU ms per item, and each process's peak RSS, then how those change
with N. ``--json`` writes everything measured.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bare_spider import STATS_ENV  # noqa: E402
from benchmarks.stages import ENV as STAGES_ENV  # noqa: E402
from benchmarks.stages import stage_name, timed_pipelines  # noqa: E402
from benchmarks.worlds import make_world  # noqa: E402
from scrapers import settings as project_settings  # noqa: E402

NIGHT = "2026-11-22"
NIGHTS = ("2026-11-22", "2026-11-23", "2026-11-24")
# Night 3's world: this share of postings edited, this share removed (issue 9's scenario).
CHANGED, REMOVED = 0.05, 0.02
TARGET_RATIO = 0.85
# Every key a run reports (the smoke test checks them all).
RUN_KEYS = (
    "postings",
    "build_seconds",
    "bare",
    "crawlall",
    "ratio_pages",
    "ratio_wall",
    "stages_ms",
    "pipelines_ms",
    "nights",
)
PROCESS_KEYS = (
    "pages",
    "items",
    "seconds",
    "wall_seconds",
    "pages_per_s",
    "items_per_s",
    "cpu_ms_per_item",
    "peak_rss_mb",
    "exit_code",
)


@dataclass(frozen=True)
class Child:
    exit_code: int
    wall_seconds: float
    cpu_seconds: float
    peak_rss_mb: float


def run_child(args: list[str], env: dict[str, str], log: Path) -> Child:
    """Run a process and read its own peak RSS and CPU time (wait4, not RUSAGE_CHILDREN, which
    would mix in every earlier child)."""
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Child(
        exit_code=proc.returncode,
        wall_seconds=time.perf_counter() - started,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
    )


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": "0", **extra}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    return env


def _figures(pages: int, items: int, seconds: float, child: Child) -> dict[str, Any]:
    return {
        "pages": pages,
        "items": items,
        "seconds": round(seconds, 3),
        "wall_seconds": round(child.wall_seconds, 3),
        "pages_per_s": round(pages / seconds, 1) if seconds else 0.0,
        "items_per_s": round(items / seconds, 1) if seconds else 0.0,
        "cpu_ms_per_item": round(child.cpu_seconds * 1000 / items, 3) if items else 0.0,
        "peak_rss_mb": round(child.peak_rss_mb, 1),
        "exit_code": child.exit_code,
    }


def run_bare(world: Path, work: Path) -> dict[str, Any]:
    stats_file = work / "bare-stats.json"
    stats_file.unlink(missing_ok=True)
    child = run_child(
        [
            *(sys.executable, "-m", "scrapy", "runspider", "benchmarks/bare_spider.py"),
            *("-a", f"world={world}", "-s", f"JOBSIEVE_WORLD={world}", "-s", "LOG_LEVEL=INFO"),
        ],
        _env(**{STATS_ENV: str(stats_file)}),
        work / "bare.log",
    )
    if not stats_file.exists():
        raise RuntimeError(f"bare crawl failed (exit {child.exit_code}); see {work / 'bare.log'}")
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    figures = _figures(stats["requests"], stats["items"], stats["seconds"], child)
    figures["missing_recordings"] = stats["missing"]
    return figures


def crawlall_args(
    world: Path, sources: Path, feeds: Path, night: str = NIGHT, **extra: str
) -> list[str]:
    settings = {
        "JOBSIEVE_WORLD": str(world),
        "JOBSIEVE_SOURCES": str(sources),
        "JOBSIEVE_FEEDS_DIR": str(feeds),
        "JOBSIEVE_CRAWL_TIME": f"{night}T03:00:00Z",
        "ITEM_PIPELINES": json.dumps(timed_pipelines()),
        "FEED_EXPORTERS": json.dumps({"jsonlines": "benchmarks.stages.TimedJsonLinesItemExporter"}),
        "LOG_LEVEL": "INFO",
        **extra,
    }
    args = ["crawlall", "--night", night]
    for name, value in settings.items():
        args += ["-s", f"{name}={value}"]
    return args


def crawlall_night(
    world: Path,
    sources: Path,
    feeds: Path,
    night: str,
    log: Path,
    env: dict[str, str],
    **extra: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One `crawlall` night in its own process: its report.json and the process figures."""
    args = crawlall_args(world, sources, feeds, night, **extra)
    child = run_child([sys.executable, "-m", "scrapy", *args], env, log)
    report_file = feeds / night / "report.json"
    if not report_file.exists():
        raise RuntimeError(f"crawlall night {night} failed (exit {child.exit_code}); see {log}")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    # The crawlers run side by side in one reactor: the crawl lasts as long as the slowest.
    crawl_seconds = max(s["duration_seconds"] for s in report["sources"].values())
    figures = _figures(report["requests"]["sent"], report["postings"], crawl_seconds, child)
    figures["postpass_seconds"] = round(max(0.0, report["duration_seconds"] - crawl_seconds), 3)
    return report, figures


def run_crawlall(world: Path, sources: Path, work: Path, postings: int) -> dict[str, Any]:
    feeds = work / "feeds"
    shutil.rmtree(feeds, ignore_errors=True)  # a fresh state: every posting is new tonight
    stages_file = work / "stages.json"
    stages_file.unlink(missing_ok=True)
    env = _env(**{STAGES_ENV: str(stages_file)})
    report, figures = crawlall_night(world, sources, feeds, NIGHT, work / "crawlall.log", env)
    figures["missing_recordings"] = sum(
        s.get("missing_recordings", 0) for s in report["sources"].values()
    )
    figures["expected_postings"] = postings
    figures["stages"] = json.loads(stages_file.read_text(encoding="utf-8"))
    figures["report"] = report
    return figures


def run_nights(postings: int, work: Path, first: dict[str, Any]) -> list[dict[str, Any]]:
    """Nights 2 and 3 after ``run_crawlall``'s night 1, on the same feeds and state: night 2 over
    the same world, night 3 over it with 5 % of postings edited and 2 % removed."""
    later = make_world(postings, work / "later", changed=CHANGED, removed=REMOVED)
    nights = [_night_figures(1, first["report"], first)]
    for number, world in ((2, work / "world"), (3, later.world)):
        report, figures = crawlall_night(
            world,
            work / "sources.toml",
            work / "feeds",
            NIGHTS[number - 1],
            work / f"night{number}.log",
            _env(),
            # Removals show as expired the next night (the default waits three).
            JOBSIEVE_EXPIRE_AFTER="1",
        )
        nights.append(_night_figures(number, report, figures))
    nights[2]["world_changed"] = len(later.changed)
    nights[2]["world_removed"] = len(later.removed)
    return nights


def _night_figures(number: int, report: dict[str, Any], figures: dict[str, Any]) -> dict[str, Any]:
    statuses = {
        status: sum(s.get(status, 0) for s in report["sources"].values())
        for status in ("new", "updated", "unchanged")
    }
    return {
        "night": number,
        "requests": report["requests"]["sent"],
        "from_cache": report["requests"]["details_from_cache"],
        "items": report["postings"],
        **statuses,
        "expired": report["expired_postings"],
        "wall_seconds": figures["wall_seconds"],
        "cpu_ms_per_item": figures["cpu_ms_per_item"],
        "peak_rss_mb": figures["peak_rss_mb"],
    }


def stage_costs(totals: dict[str, list[float]]) -> dict[str, float]:
    """ms per item of each stage, in pipeline order, export last."""
    pipelines = project_settings.ITEM_PIPELINES
    order = [stage_name(path) for path in sorted(pipelines, key=pipelines.get)]
    costs = {}
    for stage in [*order, "export"]:
        seconds, calls = totals.get(stage, (0.0, 0))
        costs[stage] = round(seconds * 1000 / calls, 4) if calls else 0.0
    return costs


def run_size(postings: int, workdir: Path, *, nights: bool = True) -> dict[str, Any]:
    work = workdir / f"n{postings}"
    started = time.perf_counter()
    built = make_world(postings, work)
    build_seconds = time.perf_counter() - started
    bare = run_bare(built.world, work)
    crawl = run_crawlall(built.world, built.sources_toml, work, built.postings)
    stages = stage_costs(crawl.pop("stages"))
    report = crawl.pop("report")
    three = run_nights(postings, work, {**crawl, "report": report}) if nights else []
    return {
        "nights": three,
        "postings": built.postings,
        "build_seconds": round(build_seconds, 2),
        "bare": bare,
        "crawlall": crawl,
        "ratio_pages": round(crawl["pages_per_s"] / bare["pages_per_s"], 3),
        "ratio_wall": round(
            (crawl["pages"] / crawl["wall_seconds"]) / (bare["pages"] / bare["wall_seconds"]), 3
        ),
        "stages_ms": stages,
        "pipelines_ms": round(sum(v for k, v in stages.items() if k != "export"), 4),
    }


def profile(postings: int, workdir: Path) -> Path:
    """Re-run crawlall at one size under pyinstrument (``pip install pyinstrument``)."""
    work = workdir / f"n{postings}"
    feeds = work / "feeds-profile"
    shutil.rmtree(feeds, ignore_errors=True)
    out = work / "profile.txt"
    args = [sys.executable, "-m", "pyinstrument", "-r", "text", "--show-all", "-o", str(out)]
    args += ["-m", "scrapy", *crawlall_args(work / "world", work / "sources.toml", feeds)]
    run_child(args, _env(), work / "profile.log")
    return out


def table(runs: list[dict[str, Any]]) -> str:
    stages = list(runs[0]["stages_ms"])
    head = ["postings", "bare pages/s", "crawlall pages/s", "ratio", "ratio (wall)"]
    head += ["crawlall items/s", "CPU ms/item", *[f"{s} ms" for s in stages]]
    head += ["pipelines ms", "peak RSS MB (bare / crawlall)"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for run in runs:
        bare, crawl = run["bare"], run["crawlall"]
        cells = [f"{run['postings']:,}", f"{bare['pages_per_s']:.0f}"]
        cells += [f"{crawl['pages_per_s']:.0f}", f"{run['ratio_pages']:.2f}"]
        cells += [f"{run['ratio_wall']:.2f}", f"{crawl['items_per_s']:.0f}"]
        cells += [f"{crawl['cpu_ms_per_item']:.2f}"]
        cells += [f"{run['stages_ms'][s]:.3f}" for s in stages]
        cells += [
            f"{run['pipelines_ms']:.3f}",
            f"{bare['peak_rss_mb']:.0f} / {crawl['peak_rss_mb']:.0f}",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def nights_table(runs: list[dict[str, Any]]) -> str:
    head = ["postings", "night", "world", "requests", "% of night 1", "from cache"]
    head += ["new", "updated", "unchanged", "expired", "wall s", "CPU ms/item", "peak RSS MB"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    worlds = {1: "as built", 2: "unchanged", 3: "5 % edited, 2 % removed"}
    for run in runs:
        nights = run.get("nights") or []
        for night in nights:
            share = 100 * night["requests"] / max(1, nights[0]["requests"])
            cells = [f"{run['postings']:,}", str(night["night"]), worlds[night["night"]]]
            cells += [f"{night['requests']:,}", f"{share:.1f} %", f"{night['from_cache']:,}"]
            cells += [f"{night[k]:,}" for k in ("new", "updated", "unchanged", "expired")]
            cells += [f"{night['wall_seconds']:.0f}", f"{night['cpu_ms_per_item']:.2f}"]
            cells += [f"{night['peak_rss_mb']:.0f}"]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="jobsieve crawlall vs a bare Scrapy crawl")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated posting counts")
    parser.add_argument("--workdir", default="/tmp/jobsieve-bench", type=Path)
    parser.add_argument("--json", type=Path, help="write every figure measured here")
    parser.add_argument("--profile", action="store_true", help="pyinstrument the largest size")
    parser.add_argument(
        "--no-nights", action="store_true", help="skip nights 2 and 3 (incremental crawls)"
    )
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes {args.sizes!r}: give posting counts such as 1000,10000")
    if not sizes or min(sizes) < 1:
        parser.error(f"--sizes {args.sizes!r}: every size must be a positive count")
    if args.profile and importlib.util.find_spec("pyinstrument") is None:
        parser.error("--profile needs pyinstrument: pip install pyinstrument")
    runs = []
    for size in sizes:
        run = run_size(size, args.workdir, nights=not args.no_nights)
        runs.append(run)
        crawl = run["crawlall"]
        print(
            f"{run['postings']:>7,} postings: ratio {run['ratio_pages']:.2f} "
            f"(target {TARGET_RATIO}), crawlall {crawl['items']} items, "
            f"{crawl['missing_recordings']} missing recordings, exit {crawl['exit_code']}",
            flush=True,
        )
    print(table(runs))
    if any(run["nights"] for run in runs):
        print(nights_table(runs))
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")
    if args.profile:
        print(f"profile: {profile(max(sizes), args.workdir)}")
    return 0 if all(r["crawlall"]["exit_code"] == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
