"""The health monitors (pure: scrapers/health/), their thresholds from settings, and the
per-night figures kept in the state (with the migration from schema 3). Real nights:
tests/test_health_nights.py."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from scrapers import settings as defaults
from scrapers.health import HealthSettings, SourceFigures, Thresholds, judge, silent_sources
from scrapers.health.figures import (
    BoardFigures,
    error_kind,
    figures_from_json,
    figures_to_json,
    night_figures,
)
from scrapers.health.monitors import ERROR, WARNING
from scrapers.night.health import health_status, judge_night
from scrapers.settings_check import setting_problem
from scrapers.state import open_store
from scrapers.state.sqlite import SCHEMA_VERSION
from tests.support.postgres import raw_state


def src(
    postings: int = 100,
    boards: dict[str, BoardFigures] | None = None,
    coverage: dict[str, float] | None = None,
    kinds: tuple[str, ...] = (),
    dead: int = 0,
) -> SourceFigures:
    return SourceFigures(
        postings=postings,
        dead_letters=dead,
        coverage=coverage or {},
        kinds=kinds,
        boards=boards if boards is not None else {"a": BoardFigures(postings)},
    )


def nights(*figures: dict[str, SourceFigures]) -> list[tuple[str, dict[str, SourceFigures]]]:
    return [(f"2026-11-{10 + n:02d}", night) for n, night in enumerate(figures)]


def measures(findings) -> list[tuple[str, str, str | None, str]]:
    return [(f.severity, f.source, f.board, f.measure) for f in findings]


# --- no previous night, nothing changed --------------------------------------------------------


def test_the_first_night_has_no_findings():
    assert judge({"lever": src(0)}, []) == []
    assert silent_sources({"lever": 0}, []) == {}


def test_a_source_new_tonight_is_not_judged():
    assert judge({"ashby": src(0)}, nights({"lever": src(100)})) == []


def test_a_night_like_the_previous_ones_has_no_findings():
    steady = {"lever": src(100, coverage={"salary": 0.5}, kinds=("HTTP 503",), dead=3)}
    assert judge(steady, nights(steady, steady, steady)) == []


# --- postings ----------------------------------------------------------------------------------


def test_a_source_with_zero_postings_is_one_error_naming_it():
    [finding] = judge({"lever": src(0, boards={"a": BoardFigures(0)})}, nights({"lever": src(136)}))
    assert finding.to_json() == {
        "severity": "error",
        "source": "lever",
        "board": None,
        "measure": "postings",
        "before": 136,
        "now": 0,
        "threshold": "zero postings",
        "message": "lever returned no postings tonight (136 on its last night with any); none "
        "of its postings expires tonight",
    }


def test_zero_postings_compares_with_the_last_night_that_had_any():
    history = nights({"lever": src(80)}, {"lever": src(0)}, {"lever": src(0)})
    [finding] = judge({"lever": src(0)}, history)
    assert (finding.severity, finding.before) == (ERROR, 80)
    assert silent_sources({"lever": 0, "greenhouse": 5}, history) == {"lever": 80}


def test_zero_postings_for_longer_than_the_window_is_the_new_normal():
    history = nights({"lever": src(80)}, *[{"lever": src(0)}] * 7)
    assert judge({"lever": src(0)}, history) == []
    assert silent_sources({"lever": 0}, history) == {}


def test_a_source_dropping_more_than_the_share_below_the_median_is_an_error():
    history = nights(*({"lever": src(n)} for n in (100, 40, 100)))  # one odd night: median 100
    [finding] = judge({"lever": src(69)}, history)
    assert (finding.severity, finding.measure, finding.before, finding.now) == (
        ERROR,
        "postings",
        100,
        69,
    )
    assert "31 % fewer than usual (100)" in finding.message
    assert judge({"lever": src(70)}, history) == []


def test_a_board_dropping_or_emptied_is_a_warning():
    before = src(100, boards={"a": BoardFigures(50), "b": BoardFigures(50)})
    now = src(90, boards={"a": BoardFigures(30), "b": BoardFigures(60)})
    assert measures(judge({"lever": now}, nights({"lever": before}))) == [
        (WARNING, "lever", "a", "postings")
    ]
    emptied = src(75, boards={"a": BoardFigures(0), "b": BoardFigures(75)})
    [finding] = judge({"lever": emptied}, nights({"lever": before}))
    assert (finding.board, finding.threshold, finding.before, finding.now) == (
        "a",
        "zero postings",
        50,
        0,
    )


def test_small_baselines_are_not_judged_for_drops():
    assert judge({"lever": src(3)}, nights({"lever": src(9)})) == []


# --- coverage, failures, dead letters ----------------------------------------------------------


def test_field_coverage_down_more_than_the_points_is_a_warning():
    history = nights(*[{"lever": src(coverage={"salary": 0.6, "language": 1.0})}] * 3)
    now = src(coverage={"salary": 0.39, "language": 0.85})
    [finding] = judge({"lever": now}, history)
    assert (finding.severity, finding.measure, finding.before, finding.now) == (
        WARNING,
        "field_coverage.salary",
        0.6,
        0.39,
    )


def test_a_board_failing_n_nights_in_a_row_is_a_warning():
    failing = src(boards={"a": BoardFigures(100), "b": BoardFigures(0, True, ("HTTP 503",))})
    ok = src(boards={"a": BoardFigures(100), "b": BoardFigures(5)})
    history = nights({"lever": ok}, {"lever": failing}, {"lever": failing})
    [finding] = [f for f in judge({"lever": failing}, history) if f.measure == "failing_nights"]
    assert (finding.board, finding.before, finding.now, finding.severity) == ("b", 2, 3, WARNING)
    assert "failed 3 nights in a row (HTTP 503)" in finding.message
    assert not [f for f in judge({"lever": failing}, history[1:2]) if f.measure == "failing_nights"]


def test_a_new_kind_of_error_is_a_warning_naming_its_board():
    history = nights({"lever": src(kinds=("HTTP 503",))})
    now = src(
        kinds=("HTTP 503", "redirect loop"),
        boards={"a": BoardFigures(100, True, ("redirect loop",))},
    )
    found = [f for f in judge({"lever": now}, history) if f.measure == "error_kinds"]
    assert [(f.board, f.now) for f in found] == [("a", "redirect loop")]


def test_dead_letter_share_up_is_a_warning():
    history = nights(*[{"lever": src(95, dead=5)}] * 3)
    [finding] = judge({"lever": src(80, dead=20)}, history)
    assert (finding.measure, finding.before, finding.now) == ("dead_letter_share", 0.05, 0.2)


def test_errors_come_first_then_by_source():
    history = nights({"a": src(coverage={"salary": 1.0}), "b": src(100)})
    tonight = {"a": src(coverage={"salary": 0.0}), "b": src(0)}
    assert measures(judge(tonight, history)) == [
        (ERROR, "b", None, "postings"),
        (WARNING, "a", None, "field_coverage.salary"),
    ]


# --- thresholds from settings ------------------------------------------------------------------


def test_thresholds_come_from_the_settings_with_per_source_overrides():
    settings = Settings(
        {
            "JOBSIEVE_HEALTH_DROP_SHARE": "0.5",
            "JOBSIEVE_HEALTH_NIGHTS": "3",
            "JOBSIEVE_HEALTH_SOURCES": '{"teal": {"drop_share": 0.1, "min_postings": 0}}',
        }
    )
    health = HealthSettings.from_settings(settings)
    assert health.of("lever") == Thresholds(nights=3, drop_share=0.5)
    assert health.of("teal") == Thresholds(nights=3, drop_share=0.1, min_postings=0)
    history = nights({"lever": src(100), "teal": src(100)})
    assert measures(judge({"lever": src(60), "teal": src(85)}, history, health)) == [
        (ERROR, "teal", None, "postings")
    ]


def test_the_defaults_are_the_settings_defaults():
    assert HealthSettings.from_settings(vars(defaults)) == HealthSettings()


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("JOBSIEVE_HEALTH_DROP_SHARE", "30", "is not a share between 0 and 1"),
        ("JOBSIEVE_HEALTH_NIGHTS", "0", "is not a whole number of nights, 1 or more"),
        ("JOBSIEVE_HEALTH_COVERAGE_POINTS", "abc", "is not a number of percentage points"),
        ("JOBSIEVE_HEALTH_SOURCES", "{teal", "(not JSON)"),
        ("JOBSIEVE_HEALTH_SOURCES", '{"teal": {"drop": 0.5}}', "unknown threshold 'drop'"),
        ("JOBSIEVE_HEALTH_SOURCES", '{"teal": {"nights": 0}}', "teal: nights=0 is not"),
    ],
)
def test_a_threshold_that_cannot_be_right_is_refused_in_one_line(name, value, problem):
    assert problem in (setting_problem(name, value) or "")


def test_right_thresholds_pass_the_settings_check():
    assert setting_problem("JOBSIEVE_HEALTH_DROP_SHARE", "0.25") is None
    assert setting_problem("JOBSIEVE_HEALTH_SOURCES", {"teal": {"failing_nights": 5}}) is None


# --- figures from the report, and the report's health ------------------------------------------


REPORT = {
    "night": "2026-11-23",
    "status": "complete",
    "started_at": "…",
    "sources": {
        "lever": {
            "items": 12,
            "dropped": {"invalid": 2, "duplicate": 1},
            "errors": {"eu:acme": 1},
            "incomplete": {
                "eu:acme": ["HTTP 503 from https://api.eu.lever.co/v0/postings/acme (text/html)"]
            },
            "coverage": {"salary": 0.5},
            "boards": {"farfetch": {"postings": 12}, "eu:acme": {"error": 1}},
            "finish_reason": "finished",
        }
    },
}


def test_figures_are_read_from_the_report():
    figures = night_figures(REPORT)["lever"]
    assert figures == SourceFigures(
        postings=12,
        dead_letters=3,
        coverage={"salary": 0.5},
        kinds=("HTTP 503",),
        boards={
            "eu:acme": BoardFigures(0, True, ("HTTP 503",)),
            "farfetch": BoardFigures(12, False, ()),
        },
    )
    assert figures_from_json(figures_to_json({"lever": figures})) == {"lever": figures}


def test_figures_are_read_from_a_report_with_the_new_names_too():
    source = REPORT["sources"]["lever"]
    renamed = {
        "postings": 12,
        "dropped_by_reason": source["dropped"],
        "failing_boards": source["errors"],
        "not_read_in_full": source["incomplete"],
        "field_coverage": source["coverage"],
        "boards": {"farfetch": {"postings": 12}, "eu:acme": {"errors": 1}},
    }
    assert night_figures({"sources": {"lever": renamed}}) == night_figures(REPORT)


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("HTTP 503 from https://x.example/a (text/html, 12 bytes: '<html>')", "HTTP 503"),
        ("redirect loop: https://a.example -> https://b.example", "redirect loop"),
        (
            "malformed JSON: Expecting value (https://x.example; received HTTP 200)",
            "malformed JSON",
        ),
        ("3 request(s) lost, first https://x.example/p", "N request(s) lost"),
        ("stopped at the page cap (5) of the listing", "stopped at the page cap"),
        (
            "TimeoutError: User timeout caused connection failure (https://x.example)",
            "TimeoutError",
        ),
    ],
)
def test_error_kinds_leave_out_what_changes_each_night(reason, kind):
    assert error_kind(reason) == kind


def test_the_report_gets_its_health_after_its_status_and_an_error_degrades_it():
    history = nights({"lever": src(40)})
    judged, figures = judge_night(
        {**REPORT, "sources": {"lever": {"items": 0}}}, history, HealthSettings()
    )
    assert list(judged)[:3] == ["night", "status", "health"]
    assert (judged["status"], [f["source"] for f in judged["health"]]) == ("degraded", ["lever"])
    assert figures["lever"]["postings"] == 0
    quiet, _ = judge_night(REPORT, [], HealthSettings())
    assert (quiet["status"], quiet["health"]) == ("complete", [])


def test_a_failed_night_stays_failed_and_warnings_do_not_degrade():
    error = judge({"lever": src(0)}, nights({"lever": src(40)}))
    warning = judge(
        {"lever": src(coverage={"salary": 0.0})}, nights({"lever": src(coverage={"salary": 1.0})})
    )
    assert health_status("failed", error) == "failed"
    assert health_status("complete", error) == "degraded"
    assert health_status("complete", warning) == "complete"


# --- the state keeps each night's figures ------------------------------------------------------


def test_the_store_keeps_figures_with_the_night_and_a_rerun_replaces_them(store_location):
    # On each store, SQLite and PostgreSQL (tests/support/postgres.py).
    store = open_store(store_location)
    try:
        for night, count in (("2026-11-21", 5), ("2026-11-22", 6), ("2026-11-23", 7)):
            store.commit_night(night, [], figures={"lever": {"postings": count}})
        store.commit_night("2026-11-23", [], figures={"greenhouse": {"postings": 1}})
        assert store.night_figures(before="2026-11-23", limit=1) == [
            ("2026-11-22", {"lever": {"postings": 6}})
        ]
        assert store.night_figures(before="2026-11-24", limit=7)[-1] == (
            "2026-11-23",
            {"greenhouse": {"postings": 1}},
        )
        store.commit_night("2026-11-21", [], forget_later=True, figures={"lever": {"postings": 1}})
        assert store.night_figures(before="2026-12-01", limit=7) == [
            ("2026-11-21", {"lever": {"postings": 1}})
        ]
    finally:
        store.close()


def test_a_state_of_version_3_is_migrated_with_no_figures(store_location):
    open_store(store_location).close()
    with raw_state(store_location) as raw:  # the state as version 3 wrote it
        raw.execute("DROP TABLE night_figures")
        raw.set_version(3)
    store = open_store(store_location)
    try:
        with raw_state(store_location) as raw:
            version = raw.version()
        assert (version, store.night_figures(before="2026-12-01", limit=7)) == (SCHEMA_VERSION, [])
        store.commit_night("2026-11-22", [], figures={"lever": {"postings": 6}})
        assert store.night_figures(before="2026-12-01", limit=7) == [
            ("2026-11-22", {"lever": {"postings": 6}})
        ]
    finally:
        store.close()
    assert SCHEMA_VERSION == 4
