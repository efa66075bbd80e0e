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
    work = tmp_path_factory.mktemp("bench")
    out = work / "bench.json"
    done = subprocess.run(
        [
            *(sys.executable, "benchmarks/bench_crawl.py", "--sizes", str(POSTINGS)),
            *("--workdir", str(work), "--json", str(out)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    runs = json.loads(out.read_text(encoding="utf-8")) if out.exists() else []
    return done, runs


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
    with pytest.raises(ValueError, match="more than 99 companies"):
        company_specs(2_000_000)


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
