"""The workers benchmark: one night over a generated world with one process, and with
``crawlall --workers N`` (issue 20).

Run by hand from the project root, with Redis (and PostgreSQL for the ``+pg`` runs) reachable
(results: docs/benchmarks.md, "Workers (issue 20)"):

    .venv/bin/python benchmarks/worlds.py 10000 /tmp/world-10k
    .venv/bin/python benchmarks/bench_workers.py --world /tmp/world-10k
    .venv/bin/python benchmarks/bench_workers.py --sizes 100000 --runs 1p,w1,w2,w2+pg

Each run is ``scrapy crawlall`` over the world and its ``sources.toml`` (what ``crawlall
--offline`` runs, on the generated world: every source, every pipeline, the feeds, the state,
the post-pass) in a fresh feeds folder, its own state and detail cache: night 1, every posting
new. The runs (``--runs``):

- ``1p``: one process, no ``--workers`` (no Redis);
- ``wN``: ``--workers N``: a coordinator and N local ``scrapy worker`` processes;
- a ``+pg`` suffix: the state in PostgreSQL (``-s JOBSIEVE_STATE=postgresql://…``, a schema of
  its own, dropped after its size is read), else SQLite in the feeds folder.

Measured per run:

- wall seconds (start to exit of ``crawlall``), postings/s and pages/s over that wall time;
- CPU seconds of every process of the night (``getrusage(RUSAGE_CHILDREN)`` around it: the
  workers are the coordinator's children, which it waits for, so they are counted; checked
  against the coordinator's own ``/proc`` figures, its own CPU and its reaped children's, read
  before it is reaped), and per posting;
- the peak RSS of the coordinator and of each worker: their ``VmHWM`` (a high-water mark) read
  from ``/proc`` every 0.2 s while the night runs; the largest of them is checked against the
  night's ``ru_maxrss`` (the largest single process among those waited for);
- the state's size after the night: the PostgreSQL schema's tables with their indexes and TOAST
  (``pg_total_relation_size``), or the SQLite file.

**Same feeds**: every run's published ``postings.jsonl`` must hold exactly the posting ids of the
one-process night's (``1p``, or the first run); else the benchmark says which differ and exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.worlds import make_world  # noqa: E402

NIGHT = "2026-11-22"
DEFAULT_RUNS = "1p,w1,w2,w4,1p+pg,w2+pg"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
TARGET_SPEEDUP = 1.7  # 2 workers on 2 cores against one worker (issue 20)
SAMPLE_SECONDS = 0.2
TICK = os.sysconf("SC_CLK_TCK")
# Every key a run reports (the smoke test checks them all).
RUN_KEYS = (
    "run",
    "workers",
    "state",
    "exit_code",
    "postings",
    "pages",
    "wall_seconds",
    "crawl_seconds",
    "postpass_seconds",
    "postings_per_s",
    "pages_per_s",
    "cpu_seconds",
    "cpu_ms_per_posting",
    "coordinator_cpu_seconds",
    "workers_cpu_seconds",
    "coordinator_peak_rss_mb",
    "worker_peak_rss_mb",
    "peak_rss_mb",
    "state_mb",
    "other_cores",
    "same_feeds",
)


@dataclass
class Proc:
    """What was last read of one process of the night in /proc."""

    role: str
    hwm_kb: int = 0
    cpu_ticks: int = 0


@dataclass
class Sampler:
    """Reads /proc every ``SAMPLE_SECONDS`` for the night's coordinator and its children."""

    root: int
    procs: dict[int, Proc] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> Sampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(SAMPLE_SECONDS):
                return

    def sample(self) -> None:
        for pid in [self.root, *children_of(self.root)]:
            stat = read_stat(pid)
            hwm = read_hwm(pid)
            if stat is None:
                continue
            proc = self.procs.get(pid)
            if proc is None:
                proc = self.procs[pid] = Proc("coordinator" if pid == self.root else "worker")
            proc.cpu_ticks = max(proc.cpu_ticks, stat["utime"] + stat["stime"])
            proc.hwm_kb = max(proc.hwm_kb, hwm)


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (their /proc/<pid>/stat's ppid)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        if int(text[text.rindex(")") + 2 :].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def read_stat(pid: int) -> dict[str, int] | None:
    """utime, stime, cutime, cstime (clock ticks) of ``pid``, also of a zombie."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    # Fields 14-17 of proc(5), counted from the state (field 3) here.
    utime, stime, cutime, cstime = (int(v) for v in fields[11:15])
    return {"utime": utime, "stime": stime, "cutime": cutime, "cstime": cstime}


def read_hwm(pid: int) -> int:
    """VmHWM in KiB (0 once the process has exited)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (every core, every process): /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / TICK


@dataclass(frozen=True)
class Night:
    exit_code: int
    wall_seconds: float
    cpu_seconds: float  # RUSAGE_CHILDREN: the coordinator and every process it waited for
    max_rss_kb: int  # ru_maxrss of the coordinator as reaped: the largest single process
    coordinator_cpu: float  # its own, from /proc before it was reaped
    reaped_cpu: float  # its reaped children's (the workers), from /proc
    procs: dict[int, Proc]
    other_cpu: float  # what the rest of the machine used meanwhile (this benchmark's sampler too)


def run_night(args: list[str], env: dict[str, str], log: Path) -> Night:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = busy_seconds()
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = Sampler(proc.pid).start()
        # Wait without reaping: the zombie's /proc/<pid>/stat still holds its own CPU and that
        # of the children it reaped.
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        wall = time.perf_counter() - started
        sampler.stop()
        stat = read_stat(proc.pid) or dict.fromkeys(("utime", "stime", "cutime", "cstime"), 0)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    busy = busy_seconds() - busy
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Night(
        exit_code=proc.returncode,
        wall_seconds=wall,
        cpu_seconds=cpu,
        max_rss_kb=usage.ru_maxrss,
        coordinator_cpu=(stat["utime"] + stat["stime"]) / TICK,
        reaped_cpu=(stat["cutime"] + stat["cstime"]) / TICK,
        procs=sampler.procs,
        other_cpu=max(0.0, busy - cpu),
    )


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    return env


@dataclass(frozen=True)
class RunSpec:
    name: str
    workers: int  # 0: one process, no --workers
    postgres: bool


def parse_runs(text: str) -> list[RunSpec]:
    runs = []
    for token in (t.strip() for t in text.split(",")):
        if not token:
            continue
        base, _, suffix = token.partition("+")
        if suffix not in ("", "pg") or not (
            base == "1p" or (base[:1] == "w" and base[1:].isdigit() and int(base[1:]) > 0)
        ):
            raise ValueError(f"run {token!r}: give 1p or wN (N >= 1), optionally +pg")
        runs.append(RunSpec(token, 0 if base == "1p" else int(base[1:]), suffix == "pg"))
    if not runs:
        raise ValueError("no run given")
    return runs


class Postgres:
    """A schema of its own per run on the server, its size read, then dropped."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.psycopg = psycopg
        self.url = url

    def create(self) -> tuple[str, str]:
        schema = f"jobsieve_bench_{uuid.uuid4().hex[:12]}"
        with self.psycopg.connect(self.url, autocommit=True) as db:
            db.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in self.url else "?"
        return schema, f"{self.url}{sep}options=-csearch_path%3D{schema}"

    def size_mb(self, schema: str) -> float:
        query = """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = %s AND c.relkind IN ('r', 'm')
        """
        with self.psycopg.connect(self.url, autocommit=True) as db:
            db.execute("VACUUM")  # none needed for the size; settles the statistics
            (size,) = db.execute(query, (schema,)).fetchone()
        return int(size) / 2**20

    def drop(self, schema: str) -> None:
        with self.psycopg.connect(self.url, autocommit=True) as db:
            db.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def posting_ids(feeds: Path) -> list[str]:
    path = feeds / NIGHT / "postings.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["id"] for line in lines if line.strip()]


def run_one(
    spec: RunSpec,
    world: Path,
    sources: Path,
    work: Path,
    postgres: Postgres | None,
    redis: str | None = None,
) -> tuple[dict[str, Any], list[str]]:
    feeds = work / spec.name.replace("+", "-")
    shutil.rmtree(feeds, ignore_errors=True)
    feeds.mkdir(parents=True)
    settings = {
        "JOBSIEVE_WORLD": str(world),
        "JOBSIEVE_SOURCES": str(sources),
        "JOBSIEVE_FEEDS_DIR": str(feeds),
        "JOBSIEVE_CRAWL_TIME": f"{NIGHT}T03:00:00Z",
        "LOG_LEVEL": "INFO",
    }
    if redis and spec.workers:
        settings["JOBSIEVE_REDIS_URL"] = redis
    schema = None
    if spec.postgres:
        assert postgres is not None
        schema, settings["JOBSIEVE_STATE"] = postgres.create()
    args = [sys.executable, "-m", "scrapy", "crawlall", "--night", NIGHT]
    if spec.workers:
        args += ["--workers", str(spec.workers)]
    for name, value in settings.items():
        args += ["-s", f"{name}={value}"]
    try:
        night = run_night(args, _env(), work / f"{spec.name.replace('+', '-')}.out")
        if schema is not None:
            state_mb = postgres.size_mb(schema)
        else:
            state_mb = (feeds / "state.sqlite3").stat().st_size / 2**20
    finally:
        if schema is not None:
            postgres.drop(schema)
    report_file = feeds / NIGHT / "report.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
    postings = int(report.get("postings", 0))
    pages = int(report.get("requests", {}).get("sent", 0))
    durations = [s.get("duration_seconds", 0) for s in report.get("sources", {}).values()]
    crawl = max(durations, default=0.0)
    coordinator = [p for p in night.procs.values() if p.role == "coordinator"]
    workers = [p for p in night.procs.values() if p.role == "worker"]
    wall = night.wall_seconds
    figures = {
        "run": spec.name,
        "workers": spec.workers,
        "state": "postgresql" if spec.postgres else "sqlite",
        "exit_code": night.exit_code,
        "postings": postings,
        "pages": pages,
        "wall_seconds": round(wall, 2),
        "crawl_seconds": round(crawl, 2),
        "postpass_seconds": round(max(0.0, report.get("duration_seconds", 0) - crawl), 2),
        "postings_per_s": round(postings / wall, 1),
        "pages_per_s": round(pages / wall, 1),
        "cpu_seconds": round(night.cpu_seconds, 2),
        "cpu_ms_per_posting": round(night.cpu_seconds * 1000 / postings, 3) if postings else 0.0,
        "coordinator_cpu_seconds": round(night.coordinator_cpu, 2),
        "workers_cpu_seconds": round(night.reaped_cpu, 2),
        # The workers' CPU as last sampled (a lower bound): what RUSAGE_CHILDREN must cover.
        "workers_cpu_sampled": round(sum(p.cpu_ticks for p in workers) / TICK, 2),
        "worker_processes": len(workers),
        "coordinator_peak_rss_mb": round(max((p.hwm_kb for p in coordinator), default=0) / 1024),
        "worker_peak_rss_mb": sorted(round(p.hwm_kb / 1024) for p in workers),
        "peak_rss_mb": round(night.max_rss_kb / 1024),
        "state_mb": round(state_mb, 1),
        # The machine's other work meanwhile, in cores (0.05: this benchmark's sampling): a
        # figure well above that was measured on a shared machine.
        "other_cores": round(night.other_cpu / wall, 2),
    }
    return figures, posting_ids(feeds)


def feeds_differ(baseline: set[str], ids: list[str]) -> dict[str, Any]:
    """How a run's published posting ids differ from the baseline's (empty: they do not)."""
    found = set(ids)
    missing, extra = sorted(baseline - found), sorted(found - baseline)
    repeated = len(ids) - len(found)
    if not (missing or extra or repeated):
        return {}
    return {
        "missing": missing[:20],
        "missing_count": len(missing),
        "extra": extra[:20],
        "extra_count": len(extra),
        "repeated": repeated,
    }


def check_accounting(run: dict[str, Any]) -> list[str]:
    """Where the CPU and memory figures disagree with each other (empty: they agree)."""
    problems = []
    total = run["coordinator_cpu_seconds"] + run["workers_cpu_seconds"]
    # /proc counts in clock ticks: allow a tick per process and a little more.
    if abs(total - run["cpu_seconds"]) > 0.05 + 0.02 * run["cpu_seconds"]:
        problems.append(
            f"RUSAGE_CHILDREN {run['cpu_seconds']} s against the coordinator's own and reaped "
            f"{total:.2f} s"
        )
    if run["workers_cpu_sampled"] > run["workers_cpu_seconds"] + 0.1:
        problems.append(
            f"the workers were seen using {run['workers_cpu_sampled']} s, more than the "
            f"{run['workers_cpu_seconds']} s counted as reaped (a worker not waited for?)"
        )
    largest = max([run["coordinator_peak_rss_mb"], *run["worker_peak_rss_mb"]])
    if largest > run["peak_rss_mb"] + 1:
        problems.append(f"sampled peak {largest} MB above ru_maxrss {run['peak_rss_mb']} MB")
    return problems


def bench_world(
    root: Path,
    specs: list[RunSpec],
    postgres: Postgres | None,
    work: Path,
    redis: str | None = None,
) -> dict[str, Any]:
    world, sources = root / "world", root / "sources.toml"
    runs: list[dict[str, Any]] = []
    baseline: set[str] | None = None
    baseline_name = ""
    ordered = sorted(specs, key=lambda s: (s.workers != 0, s.postgres))  # 1p first
    for spec in ordered:
        figures, ids = run_one(spec, world, sources, work, postgres, redis)
        if baseline is None:
            baseline, baseline_name = set(ids), spec.name
        differ = feeds_differ(baseline, ids) if figures["exit_code"] == 0 else {"exit": True}
        figures["same_feeds"] = not differ
        if differ:
            figures["feeds_differ"] = {"against": baseline_name, **differ}
        figures["accounting"] = check_accounting(figures)
        runs.append(figures)
        print(line(figures), flush=True)
    return {"world": str(root), "postings": runs[0]["postings"], "runs": runs}


def line(run: dict[str, Any]) -> str:
    verdict = "same feeds" if run["same_feeds"] else f"FEEDS DIFFER {run.get('feeds_differ')}"
    return (
        f"  {run['run']:>6}: exit {run['exit_code']}, {run['postings']:,} postings in "
        f"{run['wall_seconds']:.1f} s, {run['cpu_ms_per_posting']:.2f} ms CPU/posting, peak RSS "
        f"coordinator {run['coordinator_peak_rss_mb']} MB workers {run['worker_peak_rss_mb']} "
        f"MB, state {run['state_mb']} MB, other load {run['other_cores']} cores: {verdict}"
        + (f"; accounting: {run['accounting']}" if run["accounting"] else "")
    )


def speedups(runs: list[dict[str, Any]]) -> dict[str, float]:
    """Wall-time speed-ups on one world: 2 workers against 1 worker, and each against 1p."""
    by = {r["run"]: r["wall_seconds"] for r in runs}
    found = {}
    if "w1" in by and "w2" in by:
        found["w2/w1"] = round(by["w1"] / by["w2"], 2)
    if "1p" in by:
        for name, wall in by.items():
            if name != "1p":
                found[f"{name}/1p"] = round(by["1p"] / wall, 2)
    return found


def table(worlds: list[dict[str, Any]]) -> str:
    head = ["postings", "run", "state", "wall s", "postings/s", "pages/s", "CPU ms/posting"]
    head += ["CPU s coordinator / workers", "post-pass s", "peak RSS MB coordinator"]
    head += ["peak RSS MB per worker", "state MB", "other load (cores)", "same feeds"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for world in worlds:
        for run in world["runs"]:
            cells = [f"{run['postings']:,}", run["run"], run["state"]]
            cells += [f"{run['wall_seconds']:.1f}", f"{run['postings_per_s']:.0f}"]
            cells += [f"{run['pages_per_s']:.0f}", f"{run['cpu_ms_per_posting']:.2f}"]
            cells += [f"{run['coordinator_cpu_seconds']:.0f} / {run['workers_cpu_seconds']:.0f}"]
            cells += [f"{run['postpass_seconds']:.1f}", str(run["coordinator_peak_rss_mb"])]
            cells += [", ".join(map(str, run["worker_peak_rss_mb"])) or "–"]
            cells += [f"{run['state_mb']:.1f}", f"{run['other_cores']:.2f}"]
            cells += ["yes" if run["same_feeds"] else "**NO**"]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="jobsieve nights with 1 process and N workers")
    parser.add_argument(
        "--world",
        type=Path,
        action="append",
        default=[],
        help=("a world of benchmarks/worlds.py (its folder: world/, sources.toml); repeatable"),
    )
    parser.add_argument("--sizes", default="", help="or build worlds of these posting counts")
    parser.add_argument("--runs", default=DEFAULT_RUNS, help=f"default {DEFAULT_RUNS}")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="server for +pg runs")
    parser.add_argument("--redis", help="JOBSIEVE_REDIS_URL for wN runs (default: the setting's)")
    parser.add_argument("--workdir", default="/tmp/jobsieve-bench-workers", type=Path)
    parser.add_argument("--json", type=Path, help="write every figure measured here")
    args = parser.parse_args(argv)
    try:
        specs = parse_runs(args.runs)
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError as error:
        parser.error(str(error))
    if any(size < 1 for size in sizes):
        parser.error(f"--sizes {args.sizes!r}: every size must be a positive count")
    roots = list(args.world)
    for size in sizes:
        roots.append(make_world(size, args.workdir / f"world-{size}").root)
    if not roots:
        parser.error("give --world DIR or --sizes N")
    for root in roots:
        if not (root / "world").is_dir() or not (root / "sources.toml").is_file():
            parser.error(f"--world {root}: no world/ and sources.toml there (benchmarks/worlds.py)")
    postgres = Postgres(args.postgres) if any(s.postgres for s in specs) else None
    worlds = []
    for root in roots:
        print(f"{root}:", flush=True)
        work = args.workdir / "runs" / root.name
        result = bench_world(root, specs, postgres, work, args.redis)
        result["speedups"] = speedups(result["runs"])
        print(f"  speed-ups (wall): {result['speedups']}", flush=True)
        worlds.append(result)
    print(table(worlds))
    if args.json:
        args.json.write_text(json.dumps(worlds, indent=2) + "\n", encoding="utf-8")
    ok = all(r["same_feeds"] for w in worlds for r in w["runs"])
    if not ok:
        print("FAILED: a run's feeds differ from the one-process night's, or it failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
