"""The nightly crawl end to end: real `scrapy crawlall` processes, offline.

Two nights in a row, the seed trio clustered, expiry; and single `scrapy crawl`s sharing one
state (real crawls in the test process). Nights stopped, refused or run side by side:
tests/test_night_operations.py.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted

from evaluation.duplicates.evaluate import evaluate, load_pairs, scores
from scrapers.contract import validate_posting
from tests.conftest import CRAWL_TIME
from tests.support.inprocess import crawl
from tests.support.nights import run_night
from tests.support.postgres import STORES, state_in

NIGHT_2 = "2026-11-23T03:00:00Z"
SEED_TRIO = [
    {"lever:4e661362-45c4-43d1-9df3-93c231cb78dc", "nodegree:ce7672804fe64ff4946cef925788478e"},
    {
        "ashby:b9ca9836-44ab-4ffd-b3b9-1abd17c7e2d3",
        "lever:c683ca6f-c761-47f0-9255-d884167bb880",
        "welcometothejungle:BM_po9OalJ",
    },
    {"greenhouse:8519643002", "teal:7ea1a4547c703cfa162aeecd3b88cadf23435"},
]
FEEDS = ("postings.jsonl", "jobs.jsonl", "delta.jsonl", "expired.jsonl")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _state_nights(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT night FROM nights ORDER BY night")]


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory, shipped_night) -> Path:
    """The shared first night (its feeds, state and detail cache, copied), then the next one."""
    feeds = tmp_path_factory.mktemp("nights") / "feeds"
    shutil.copytree(shipped_night.feeds, feeds)
    run_night(feeds, crawl_time=NIGHT_2)
    return feeds


def test_first_night_everything_is_new(two_nights):
    postings = _lines(two_nights / "2026-11-22" / "postings.jsonl")
    assert {p["status"] for p in postings} == {"new"}
    assert {p["first_seen"] for p in postings} == {CRAWL_TIME}


def test_second_night_everything_is_unchanged_and_first_seen_kept(two_nights):
    postings = _lines(two_nights / "2026-11-23" / "postings.jsonl")
    assert {(p["status"], p["first_seen"]) for p in postings} == {("unchanged", CRAWL_TIME)}


def test_second_night_delta_and_expired_are_empty(two_nights):
    night = two_nights / "2026-11-23"
    assert (night / "delta.jsonl").read_text() == ""
    assert (night / "expired.jsonl").read_text() == ""


def test_first_night_delta_is_every_job(two_nights):
    night = two_nights / "2026-11-22"
    assert _lines(night / "delta.jsonl") == _lines(night / "jobs.jsonl")


def test_every_posting_line_is_valid_and_annotated(two_nights):
    postings = _lines(two_nights / "2026-11-23" / "postings.jsonl")
    assert all(validate_posting(p) == [] for p in postings)
    assert all("duplicate_of" in p and p["status"] for p in postings)


@pytest.mark.parametrize("members", SEED_TRIO, ids=["nodegree", "wttj", "teal"])
def test_seed_trio_is_one_job(two_nights, members):
    jobs = _lines(two_nights / "2026-11-22" / "jobs.jsonl")
    holding = [j for j in jobs if members & {s["id"] for s in j["sources"]}]
    assert len(holding) == 1 and {s["id"] for s in holding[0]["sources"]} == members
    # The canonical is the employer's own ATS record.
    assert holding[0]["source"] in {"lever", "ashby", "greenhouse"}


def test_seed_copies_point_at_their_canonical(two_nights):
    postings = {p["id"]: p for p in _lines(two_nights / "2026-11-22" / "postings.jsonl")}
    jobs = _lines(two_nights / "2026-11-22" / "jobs.jsonl")
    for members in SEED_TRIO:
        [job] = [j for j in jobs if members & {s["id"] for s in j["sources"]}]
        assert {postings[m]["duplicate_of"] for m in members - {job["id"]}} == {job["id"]}
        assert postings[job["id"]]["duplicate_of"] is None


def test_jobs_are_postings_less_duplicates(two_nights):
    night = two_nights / "2026-11-22"
    postings = _lines(night / "postings.jsonl")
    jobs = _lines(night / "jobs.jsonl")
    assert len(jobs) == sum(1 for p in postings if p["duplicate_of"] is None)


def test_report_has_per_source_night_figures(two_nights):
    report = json.loads((two_nights / "2026-11-23" / "report.json").read_text())
    teal = report["sources"]["teal"]
    assert (teal["unchanged"], teal["new"], teal["duplicate_postings"]) == (teal["postings"], 0, 1)
    assert teal["languages"] and teal["field_coverage"]["description"] == 1.0
    assert teal["duration_seconds"] > 0 and teal["dropped_by_reason"] == {}
    assert (
        report["new_or_updated_jobs"],
        report["expired_postings"],
        report["duplicate_postings"],
    ) == (0, 0, 4)


def test_state_remembers_both_nights(two_nights):
    assert _state_nights(two_nights / "state.sqlite3") == ["2026-11-22", "2026-11-23"]


def test_no_staging_left_behind(two_nights):
    assert not list(two_nights.glob(".*.partial"))
    assert {"2026-11-22", "2026-11-23", "state.sqlite3"} <= {p.name for p in two_nights.iterdir()}


# --- scrapy crawl with the same pipelines and state, in the test process -----------------------


async def _crawl(
    tmp: Path,
    state: str,
    spider: str,
    folder: str,
    settings: dict[str, Any] | None = None,
    **arguments: str,
) -> list[dict[str, Any]]:
    """A real `scrapy crawl` in the test process with a detail cache of its own (in ``folder``),
    every crawl sharing one state and one dead-letter folder."""
    shared = {
        "JOBSIEVE_STATE": state,
        "JOBSIEVE_DEADLETTER": str(tmp / "deadletter-%(name)s.jsonl"),
    }
    done = await crawl(
        spider, feeds=tmp / folder, settings={**shared, **(settings or {})}, **arguments
    )
    return done.items


@pytest_twisted.async_fixture(scope="module", params=STORES)
async def single_crawls(request, tmp_path_factory) -> dict[str, list[dict]]:
    """The crawls sharing a state in each store, SQLite and PostgreSQL (a schema of its own)."""
    tmp = tmp_path_factory.mktemp("crawl")
    with state_in(request.param, tmp) as state:
        greenhouse = await _crawl(tmp, state, "greenhouse", "greenhouse", boards="mercari")
        teal = await _crawl(tmp, state, "teal", "teal")
        dropped = await _crawl(
            tmp, state, "teal", "teal-dropped", {"JOBSIEVE_DROP_DUPLICATES": True}
        )
    deadletter = _lines(tmp / "deadletter-teal.jsonl")
    return {"greenhouse": greenhouse, "teal": teal, "dropped": dropped, "deadletter": deadletter}


def test_crawl_marks_a_copy_of_a_job_seen_by_an_earlier_crawl(single_crawls):
    seed = next(p for p in single_crawls["teal"] if p["id"].startswith("teal:7ea1a4547c"))
    assert (seed["duplicate_of"], seed["status"]) == ("greenhouse:8519643002", "new")
    assert len(single_crawls["teal"]) == 17


def test_crawl_lines_are_valid(single_crawls):
    assert all(validate_posting(p) == [] for p in single_crawls["greenhouse"])


def test_crawl_drops_duplicates_when_asked_and_says_why(single_crawls):
    assert len(single_crawls["dropped"]) == 16
    [line] = [d for d in single_crawls["deadletter"] if d["reason"] == "duplicate"]
    assert "greenhouse:8519643002" in line["message"]


# --- the labelled pair set, on the postings of the first night ----------------------------------


def test_labelled_pairs_precision_and_recall(two_nights):
    postings = {p["id"]: p for p in _lines(two_nights / "2026-11-22" / "postings.jsonl")}
    figures = scores(evaluate(load_pairs(), postings))
    assert figures["pairs"] >= 40 and figures["hard_negatives"] >= 15
    assert figures["precision"] == 1.0 and figures["recall"] >= 0.9
    assert figures["hard_negatives_rejected"] == figures["hard_negatives"]
