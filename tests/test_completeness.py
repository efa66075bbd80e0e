"""Which boards a night read completely, as its expiry and its report tell it
(``scrapers/completeness.py``, ``scrapers/night/crawl.py``: ``completeness``)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest_twisted

from scrapers.night.crawl import completeness
from scrapers.night.report import build_report, summary_lines
from tests.support.inprocess import crawl

STATS = {
    "ashby": {"finish_reason": "finished", "jobsieve/source/ashby/x/error": 2},
    "greenhouse": {
        "finish_reason": "finished",
        "jobsieve/incomplete": {"globex": ["HTTP 503 from https://a.example/"]},
        "jobsieve/held": {"mercari": ["greenhouse:1: blocked (HTTP 403): https://a.example/1"]},
        "jobsieve/source/greenhouse/globex/error": 1,
        "jobsieve/source/greenhouse/mercari/held": 1,
        "jobsieve/source/greenhouse/mercari/postings": 7,
    },
    "lever": {"finish_reason": "shutdown"},
    "recruitee": {"finish_reason": "finished"},
}


def test_completeness_names_each_incomplete_board_and_each_unfinished_source():
    found = completeness(STATS)
    assert (found.complete, found.complete_sources, found.finished, list(found.lines())) == (
        False,
        ["recruitee"],
        ["ashby", "greenhouse", "recruitee"],
        [
            # An error some other code counted, with no reason recorded, still counts.
            "ashby/x: 2 error(s)",
            "greenhouse/globex: HTTP 503 from https://a.example/",
            "lever: the crawl did not finish (shutdown)",
        ],
    )


def test_held_postings_leave_their_board_complete():
    assert completeness({"greenhouse": STATS["greenhouse"]}).incomplete_boards == {
        "greenhouse": {"globex": ["HTTP 503 from https://a.example/"]}
    }


def test_the_report_and_its_summary_name_the_incomplete_boards():
    now = datetime(2026, 11, 22, 3, tzinfo=UTC)
    report = build_report(
        night="2026-11-22", started=now, finished=now, world=None, sources=STATS, files={}
    )
    lines = list(summary_lines(report))
    assert (
        report["not_read_in_full"],
        report["postings_held"],
        report["sources"]["greenhouse"]["not_read_in_full"],
    ) == (
        list(completeness(STATS).lines()),
        1,
        {"globex": ["HTTP 503 from https://a.example/"]},
    )
    assert (
        "problem: greenhouse board 'globex' failed (1 error: HTTP 503 from https://a.example/); "
        "nothing of it expires tonight — see the log (stderr or --logfile) "
        "and report.json sources.greenhouse.not_read_in_full"
    ) in lines
    assert (
        "problem: 1 posting of greenhouse board 'mercari' held (listed, own page not read; kept "
        "live) — see report.json sources.greenhouse.postings_held"
    ) in lines


@pytest_twisted.ensureDeferred
async def test_requests_left_when_a_crawl_stops_early_leave_their_boards_incomplete(tmp_path):
    done = await crawl(
        "greenhouse",
        feeds=tmp_path / "feeds",
        boards="mercari,globex",
        settings={"CLOSESPIDER_ITEMCOUNT": 1},
    )
    found = completeness({"greenhouse": done.stats})
    reasons = [reason for why in done.reasons().values() for reason in why]
    assert found.unfinished == {"greenhouse": "the crawl did not finish (closespider_itemcount)"}
    assert reasons and all(
        "request(s) unanswered when the crawl stopped (closespider_itemcount)" in reason
        for reason in reasons
    )
