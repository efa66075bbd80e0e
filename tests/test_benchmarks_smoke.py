"""The crawl benchmark runs end to end on a tiny world and reports every figure.

No timing is asserted: speed is measured by hand (benchmarks/bench_crawl.py, docs/benchmarks.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench_crawl import PROCESS_KEYS, RUN_KEYS
from benchmarks.worlds import company_specs, sources_toml, split
from world.builder import SOURCES

from .conftest import ROOT

POSTINGS = 26


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, list]:
    return _run_benchmark("bench_crawl.py", tmp_path_factory.mktemp("bench"))


def _run_benchmark(
    script: str, work: Path, *options: str
) -> tuple[subprocess.CompletedProcess, list]:
    """``benchmarks/<script>`` on a world of POSTINGS in ``work``: the process and its JSON."""
    out = work / "bench.json"
    done = subprocess.run(
        [
            *(sys.executable, f"benchmarks/{script}", "--sizes", str(POSTINGS), *options),
            *("--workdir", str(work), "--json", str(out)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    return done, json.loads(out.read_text(encoding="utf-8")) if out.exists() else []


def test_benchmark_runs_and_reports_every_key(bench: tuple[subprocess.CompletedProcess, list]):
    done, runs = bench
    assert done.returncode == 0, done.stdout + done.stderr
    (run,) = runs
    assert set(RUN_KEYS) <= set(run)
    for side in ("bare", "crawlall"):
        assert set(PROCESS_KEYS) <= set(run[side]), side
        assert run[side]["exit_code"] == 0
        assert run[side]["pages"] > 0 and run[side]["peak_rss_mb"] > 0
    stages = ["normalise", "boilerplate", "skills", "language", "dedup", "validate", "export"]
    assert set(stages) <= set(run["stages_ms"])
    assert "ratio" in done.stdout and "peak RSS" in done.stdout


def test_benchmark_crawls_every_generated_posting(bench: tuple[subprocess.CompletedProcess, list]):
    _, runs = bench
    (run,) = runs
    crawl = run["crawlall"]
    assert crawl["items"] == run["postings"] == POSTINGS
    assert crawl["missing_recordings"] == 0 and run["bare"]["missing_recordings"] == 0


def test_world_spreads_postings_over_every_source():
    shares = split(1000, sorted(SOURCES))
    assert set(shares) == set(SOURCES) and sum(shares.values()) == 1000
    assert max(shares.values()) - min(shares.values()) <= 1
    # Teal lists 500 jobs at most: the rest goes to the other sources.
    assert split(100_000, sorted(SOURCES))["teal"] == 500


def test_company_ids_never_collide_and_sources_name_every_board():
    specs = company_specs(10_000)
    assert sum(s.count for s in specs) == 10_000
    seeds = [(s.source, s.seed) for s in specs]
    assert len(seeds) == len(set(seeds))
    text = sources_toml(specs)
    for spec in specs:
        if spec.source not in {"teal", "jobposting"}:
            assert json.dumps(spec.board) in text


def test_too_large_a_world_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="more than the generated ids allow"):
        company_specs(3_000_000)


def test_a_world_past_the_even_split_fills_the_sources_with_room():
    from benchmarks.worlds import capacity

    shares = split(300_000, sorted(SOURCES))
    assert sum(shares.values()) == 300_000
    assert all(shares[s] <= capacity(s) for s in SOURCES)
    assert shares["jobposting"] == capacity("jobposting") < shares["greenhouse"]
    specs = company_specs(300_000)
    ids = [(s.source, s.seed) for s in specs]
    assert len(ids) == len(set(ids)) and sum(s.count for s in specs) == 300_000
    # Up to the even split's limit the worlds are what they were: even, Teal aside.
    even = [n for s, n in split(100_000, sorted(SOURCES)).items() if s != "teal"]
    assert max(even) - min(even) <= 1


def test_bare_spider_refuses_a_missing_world(tmp_path: Path):
    from benchmarks.bare_spider import BareSpider

    with pytest.raises(ValueError, match="not a world directory"):
        BareSpider(world=str(tmp_path / "nope"))


def test_bad_sizes_stop_the_benchmark_with_a_message(capsys: pytest.CaptureFixture[str]):
    from benchmarks.bench_crawl import main

    with pytest.raises(SystemExit) as stopped:
        main(["--sizes", "ten"])
    assert stopped.value.code == 2
    assert "--sizes 'ten'" in capsys.readouterr().err


def test_benchmark_runs_three_nights(bench: tuple[subprocess.CompletedProcess, list]):
    _, runs = bench
    (run,) = runs
    first, second, third = run["nights"]
    assert second["requests"] < first["requests"]
    assert second["unchanged"] == second["items"]
    assert third["updated"] == third["world_changed"]
    assert third["expired"] == third["world_removed"]


# --- benchmarks/bench_workers.py (issue 20): one process against N workers ------------------


@pytest.fixture(scope="module")
def bench_workers(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess, list]:
    from tests.support.postgres import SERVER as POSTGRES
    from tests.support.postgres import unreachable as no_postgres
    from tests.support.redis_server import SERVER as REDIS
    from tests.support.redis_server import need_redis

    need_redis()
    runs = "1p,w1,w2" if no_postgres() else "1p,w1,w2,w2+pg"
    return _run_benchmark(
        "bench_workers.py",
        tmp_path_factory.mktemp("bench-workers"),
        *("--runs", runs, "--redis", REDIS, "--postgres", POSTGRES),
    )


def test_workers_benchmark_reports_every_key_and_the_same_feeds(bench_workers):
    from benchmarks.bench_workers import RUN_KEYS

    done, worlds = bench_workers
    assert done.returncode == 0, done.stdout + done.stderr
    (world,) = worlds
    assert world["postings"] == POSTINGS
    for run in world["runs"]:
        assert set(RUN_KEYS) <= set(run), run["run"]
        assert run["exit_code"] == 0 and run["same_feeds"], run
        assert run["postings"] == POSTINGS and run["pages"] > 0
        assert run["cpu_seconds"] > 0 and run["coordinator_peak_rss_mb"] > 0
        assert run["accounting"] == [], run["accounting"]
        assert len(run["worker_peak_rss_mb"]) == run["workers"]
    by = {run["run"]: run for run in world["runs"]}
    # The workers' CPU is counted: RUSAGE_CHILDREN covers the coordinator's waited-for workers.
    assert by["w2"]["workers_cpu_seconds"] > by["w2"]["coordinator_cpu_seconds"]
    assert "w2/w1" in world["speedups"] and "same feeds" in done.stdout


def test_workers_benchmark_names_feeds_that_differ():
    from benchmarks.bench_workers import feeds_differ

    assert feeds_differ({"a", "b"}, ["b", "a"]) == {}
    differ = feeds_differ({"a", "b"}, ["a", "c", "c"])
    assert differ["missing"] == ["b"] and differ["extra"] == ["c"] and differ["repeated"] == 1


def test_workers_benchmark_refuses_bad_runs(capsys: pytest.CaptureFixture[str]):
    from benchmarks.bench_workers import main

    with pytest.raises(SystemExit) as stopped:
        main(["--sizes", "10", "--runs", "w0"])
    assert stopped.value.code == 2
    assert "run 'w0'" in capsys.readouterr().err
