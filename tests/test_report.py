"""report.json in plain words (``scrapers/night/report.py``, ``scrapers/data/report_names.toml``):
the new names, the old ones beside them for one release, the summary's problem lines, and
``docs/report.md`` naming every field a real night's report holds."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from scrapers.night.report import (
    KEEP_OLD_NAMES,
    build_report,
    report_names,
    summary_lines,
    with_new_names,
)
from tests.support.inprocess import ROOT

NOW = datetime(2026, 11, 22, 3, tzinfo=UTC)
STATS: dict[str, dict[str, Any]] = {
    "greenhouse": {
        "finish_reason": "finished",
        "item_scraped_count": 7,
        "downloader/request_count": 9,
        "httpcache/hit": 2,
        "httpcache/revalidate": 1,
        "jobsieve/dropped/invalid": 1,
        "jobsieve/invalid/title": 1,
        "jobsieve/normalise/salary/unparsed": 2,
        "jobsieve/normalise/salary/unspecified": 3,
        "jobsieve/normalise/skills/none": 4,
        "jobsieve/normalise/seniority/from_body": 5,
        "jobsieve/incomplete": {"globex": ["HTTP 503 from https://a.example/"]},
        "jobsieve/held": {"mercari": ["greenhouse:1: blocked (HTTP 403): https://a.example/1"]},
        "jobsieve/source/greenhouse/globex/error": 1,
        "jobsieve/source/greenhouse/mercari/held": 1,
        "jobsieve/source/greenhouse/mercari/blocked": 1,
        "jobsieve/source/greenhouse/mercari/detail_error": 2,
        "jobsieve/source/greenhouse/mercari/postings": 7,
    },
    "welcometothejungle": {
        "finish_reason": "finished",
        "jobsieve/source/welcometothejungle/back-market/hits": 3,
        "jobsieve/source/welcometothejungle/back-market/duplicate_hits": 2,
        "jobsieve/source/welcometothejungle/back-market/postings": 1,
    },
}
NIGHT_COUNTS = {
    "live_jobs": 7,
    "new_or_updated_jobs": 6,
    "expired_postings": 1,
    "duplicate_postings": 0,
}
FILES = {"deadletter.jsonl": "feeds/2026-11-22/deadletter.jsonl"}


def _report(**kwargs: Any) -> dict[str, Any]:
    return build_report(
        night="2026-11-22",
        started=NOW,
        finished=NOW,
        world=None,
        sources=STATS,
        files=FILES,
        night_counts=NIGHT_COUNTS,
        **kwargs,
    )


def test_the_report_speaks_plain_words():
    report = _report()
    greenhouse, wttj = report["sources"]["greenhouse"], report["sources"]["welcometothejungle"]
    assert (
        report["postings"],
        report["failing_boards"],
        report["postings_held"],
        report["requests"]["sent"],
        report["requests"]["details_from_cache"],
        report["dropped_by_reason"],
    ) == (7, 1, 1, 7, 3, {"invalid": 1})
    assert (
        greenhouse["fields_not_understood"],
        greenhouse["fields_given_as_unspecified"],
        greenhouse["fields_none_found"],
        greenhouse["fields_read_from_body"],
        greenhouse["failing_boards"],
        greenhouse["invalid_by_reason"],
        greenhouse["details_not_modified"],
    ) == (
        {"salary": 2},
        {"salary": 3},
        {"skills": 4},
        {"seniority": 5},
        {"globex": 1},
        {"title": 1},
        1,
    )
    assert greenhouse["boards"]["mercari"]["detail_failures"] == 2
    assert {k: wttj["boards"]["back-market"][k] for k in ("listed", "listed_again")} == {
        "listed": 3,
        "listed_again": 2,
    }


@pytest.mark.skipif(not KEEP_OLD_NAMES, reason="the old names were dropped")
def test_every_old_name_stays_beside_its_new_one_with_the_same_value():
    report = _report()
    renamed = report_names()["renamed"]
    for old, new in renamed["night"].items():
        assert report[old] == report[new], old
        # Beside: the old key follows its new one.
        keys = list(report)
        assert keys.index(old) == keys.index(new) + 1, old
    for old, new in renamed["requests"].items():
        assert report["requests"][old] == report["requests"][new], old
    boards = report_names()["board_counters"]
    for source in report["sources"].values():
        for old, new in renamed["source"].items():
            if old != "unparsed":
                # Posting figures (duplicates, coverage) come only with the staged postings.
                assert source.get(old) == source.get(new), old
        for counters in source["boards"].values():
            for old, new in boards.items():
                assert counters.get(old) == counters.get(new), old
    # The old "unparsed" held every field counter, as the normalisers' stats name them.
    assert report["sources"]["greenhouse"]["unparsed"] == {
        "salary": 2,
        "salary/unspecified": 3,
        "seniority/from_body": 5,
        "skills/none": 4,
    }


def test_a_report_of_before_the_renaming_reads_with_the_new_names():
    old = {
        "night": "2026-11-21",
        "items": 7,
        "delta": 2,
        "incomplete": ["greenhouse/globex: HTTP 503"],
        "requests": {"total": 9, "by_source": {"greenhouse": 9}, "from_cache": 3},
        "sources": {
            "greenhouse": {
                "items": 7,
                "coverage": {"salary": 0.5},
                "unparsed": {"salary": 2, "skills/none": 4},
                "boards": {"globex": {"error": 1, "hits": 3}},
            }
        },
    }
    new = with_new_names(old)
    source = new["sources"]["greenhouse"]
    assert (
        new["postings"],
        new["new_or_updated_jobs"],
        new["not_read_in_full"],
        new["requests"]["sent"],
        new["requests"]["details_from_cache"],
        source["postings"],
        source["field_coverage"],
        source["fields_not_understood"],
        source["fields_none_found"],
        source["boards"]["globex"]["errors"],
        source["boards"]["globex"]["listed"],
    ) == (
        7,
        2,
        ["greenhouse/globex: HTTP 503"],
        9,
        3,
        7,
        {"salary": 0.5},
        {"salary": 2},
        {"skills": 4},
        1,
        3,
    )
    # A report already in the new names reads as it is.
    assert with_new_names(_report())["sources"]["greenhouse"]["postings"] == 7


# --- the summary's problem lines -----------------------------------------------------------------


def test_the_summary_ends_with_one_line_per_problem_and_where_to_look():
    health = [
        {
            "severity": "error",
            "source": "lever",
            "board": None,
            "measure": "postings",
            "before": 136,
            "now": 0,
            "threshold": "zero postings",
            "message": "lever returned no postings tonight (136 on the last night)",
        },
        {
            "severity": "warning",
            "source": "greenhouse",
            "board": "globex",
            "measure": "failing nights",
            "before": 2,
            "now": 3,
            "threshold": 3,
            "message": "globex failed 3 nights in a row",
        },
    ]
    stats = {
        **STATS,
        "lever": {"finish_reason": "shutdown", "jobsieve/world/missing": 2, "log_count/ERROR": 1},
    }
    report = build_report(
        night="2026-11-22",
        started=NOW,
        finished=NOW,
        world=None,
        sources=stats,
        files=FILES,
        health=health,
    )
    lines = list(summary_lines(report, log_file="feeds/crawlall.log"))
    problems = [line for line in lines if line.startswith("problem")]
    assert problems == [
        "problem (error): lever: lever returned no postings tonight (136 on the last night) "
        "— see report.json health",
        "problem (warning): greenhouse board 'globex': globex failed 3 nights in a row — see "
        "report.json health",
        "problem: greenhouse board 'globex' failed (1 error: HTTP 503 from https://a.example/); "
        "nothing of it expires tonight — see feeds/crawlall.log and report.json "
        "sources.greenhouse.not_read_in_full",
        "problem: 1 posting of greenhouse board 'mercari' held (listed, own page not read; kept "
        "live) — see report.json sources.greenhouse.postings_held",
        "problem: greenhouse board 'mercari': 1 page blocked by a bot wall, 2 postings' details "
        "failed — see feeds/crawlall.log and report.json sources.greenhouse.boards.mercari",
        "problem: 1 posting of greenhouse dropped (invalid 1) — see "
        "feeds/2026-11-22/deadletter.jsonl",
        "problem: lever's crawl did not finish (shutdown): nothing of it expires tonight — see "
        "feeds/crawlall.log and report.json sources.lever.finish_reason",
        "problem: 2 requests of lever found no recording in the world — see feeds/crawlall.log "
        "and report.json sources.lever.missing_recordings",
        "problem: lever logged 1 error — see feeds/crawlall.log",
    ]
    # The problems close the summary, after the per-source lines.
    assert lines[-len(problems) :] == problems
    assert report["health"] == health and list(report)[:3] == ["night", "health", "started_at"]


def test_a_board_name_that_is_no_plain_key_is_quoted_in_the_path():
    stats = {
        "workday": {
            "finish_reason": "finished",
            "jobsieve/source/workday/acme/wd1/x/blocked": 1,
            "jobsieve/source/workday/acme/wd1/x/postings": 1,
        }
    }
    report = build_report(
        night="2026-11-22", started=NOW, finished=NOW, world=None, sources=stats, files={}
    )
    [problem] = [line for line in summary_lines(report) if line.startswith("problem")]
    assert problem.endswith('report.json sources.workday.boards["acme/wd1/x"]')


def test_the_shipped_night_names_its_one_problem_and_a_quiet_night_none(shipped_night):
    lines = list(summary_lines(shipped_night.report))
    problems = [line for line in lines if line.startswith(("problem", "no problems"))]
    # The shipped world blocks one Welcome to the Jungle page on purpose.
    assert problems == [
        "problem: welcometothejungle board 'maison-verdier': 1 page blocked by a bot wall, 2 "
        "postings' details failed — see the log (stderr or --logfile) and report.json "
        'sources.welcometothejungle.boards["maison-verdier"]'
    ]
    quiet = {**STATS["welcometothejungle"]}
    report = build_report(
        night="2026-11-22",
        started=NOW,
        finished=NOW,
        world=None,
        sources={"welcometothejungle": quiet},
        files={},
    )
    assert list(summary_lines(report))[-1] == (
        "no problems: every source read in full, nothing dropped or held, no health finding"
    )


# --- docs/report.md names every field ------------------------------------------------------------

DOC = ROOT / "docs" / "report.md"


def _documented() -> dict[str, set[str]]:
    """``{section heading: the names in its tables' first column}`` of docs/report.md."""
    sections: dict[str, set[str]] = {}
    heading = ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            sections[heading] = set()
        elif line.startswith("| `") and heading:
            sections[heading].update(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return sections


def _section(word: str) -> set[str]:
    [names] = [names for heading, names in _documented().items() if word in heading.lower()]
    return names


def _keys(report: dict[str, Any]) -> dict[str, set[str]]:
    """Every name a report uses, by level (the keys of data maps left out)."""
    sources = report["sources"].values()
    return {
        "top level": {k for k in report if k != "requests"}
        | {f"requests.{k}" for k in report["requests"]},
        "per source": {k for source in sources for k in source},
        "per board": {
            k for source in sources for board in source["boards"].values() for k in board
        },
        "health": {k for finding in report.get("health") or [] for k in finding},
    }


def _old_names() -> dict[str, dict[str, str]]:
    """``{level: {old: new}}`` from the data file, in the levels of :func:`_keys`."""
    names = report_names()
    return {
        "top level": {
            **names["renamed"]["night"],
            **{f"requests.{o}": f"requests.{n}" for o, n in names["renamed"]["requests"].items()},
        },
        "per source": names["renamed"]["source"],
        "per board": {o: n for o, n in names["board_counters"].items() if o != n},
        "health": {},
    }


def _old_rows() -> set[tuple[str, str, str]]:
    """The rows (level, old, new) of docs/report.md's table of old names."""
    rows = set()
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if len(cells) == 3 and cells[1].startswith("`") and cells[2].startswith("`"):
            rows.add((cells[0], cells[1].strip("`"), cells[2].strip("`")))
    return rows


@pytest.mark.parametrize("night", ["shipped_night", "fault_night"])
def test_every_name_a_real_night_reports_is_documented(request, night):
    report = request.getfixturevalue(night).report
    old_names, old_rows = _old_names(), _old_rows()
    for level, names in _keys(report).items():
        old = set(old_names[level])
        assert names - old - _section(level) == set(), level
        assert (names & old) - {o for lvl, o, _ in old_rows if lvl == level} == set(), level


def test_every_board_counter_a_spider_counts_is_documented():
    """Counters a night may not meet (a fault of a kind the worlds lack) are named too: every
    literal ``board_count(board, "…")`` and the refused-download counters."""
    code = "".join(
        path.read_text(encoding="utf-8")
        for path in [*(ROOT / "spiders").glob("*.py"), ROOT / "scrapers" / "spider.py"]
    )
    counted = set(re.findall(r'board_count\(\s*board,\s*"(\w+)"', code))
    counted |= {"empty_page", "repeated_page", "too_large", "decompression_bomb", "decode_replaced"}
    names = report_names()["board_counters"]
    assert {names.get(c, c) for c in counted} - _section("per board") == set()
    assert set(names.values()) - _section("per board") == set()


def test_the_health_findings_and_the_old_names_table_are_documented():
    assert {
        "severity",
        "source",
        "board",
        "measure",
        "before",
        "now",
        "threshold",
        "message",
    } <= _section("health")
    # The doc's table of old names is the data file's, row for row.
    assert _old_rows() == {
        (level, old, new) for level, table in _old_names().items() for old, new in table.items()
    }


def test_the_changelog_names_every_renamed_key():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = changelog.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    names = report_names()
    pairs = [
        *names["renamed"]["night"].items(),
        *names["renamed"]["source"].items(),
        *((f"requests.{o}", f"requests.{n}") for o, n in names["renamed"]["requests"].items()),
        *((o, n) for o, n in names["board_counters"].items() if o != n),
    ]
    missing = [(o, n) for o, n in pairs if f"`{o}` → `{n}`" not in unreleased]
    assert missing == []


def test_the_readme_links_the_report_doc():
    assert "docs/report.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert Path(DOC).exists()
