"""The JOBSIEVE_* settings table: every setting has a row, the defaults pass, and a value that
cannot be right is one line naming the setting, the value and what it takes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from scrapy.utils.project import get_project_settings

from scrapers import settings as defaults
from scrapers.clock import CrawlClock
from scrapers.settings_check import PREFIX, SETTINGS, check_settings, setting_problem
from tests.conftest import ROOT, SHIPPED_WORLD


def test_every_setting_of_the_project_has_a_row_and_nothing_else_does():
    assert sorted(SETTINGS) == sorted(name for name in vars(defaults) if name.startswith(PREFIX))


def test_the_readme_describes_every_setting_of_the_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(SETTINGS) == sorted(set(re.findall(r"^\| `(JOBSIEVE_\w+)` \|", readme, re.M)))


def test_the_project_defaults_pass():
    check_settings(get_project_settings())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("JOBSIEVE_EXPIRE_AFTER", "3"),
        ("JOBSIEVE_EXPIRE_AFTER", 1),
        ("JOBSIEVE_REVISIT_DAYS", "0"),
        ("JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS", 0),
        ("JOBSIEVE_INCREMENTAL", "false"),
        ("JOBSIEVE_INCREMENTAL", "0"),
        ("JOBSIEVE_DROP_DUPLICATES", True),
        ("JOBSIEVE_CRAWL_TIME", "2026-11-22T03:00:00Z"),
        ("JOBSIEVE_CRAWL_TIME", None),
        ("JOBSIEVE_WORLD", str(SHIPPED_WORLD)),
        ("JOBSIEVE_WORLD", ""),
        ("JOBSIEVE_STATE", "sqlite:///tmp/state.sqlite3"),
        ("JOBSIEVE_STATE", "feeds/state.sqlite3"),
        ("JOBSIEVE_STATE", "postgresql://postgres@127.0.0.1:5432/jobsieve"),
        ("JOBSIEVE_STATE", "postgres://db/jobs"),
        ("JOBSIEVE_DEADLETTER", "dead/%(name)s-%(time)s.jsonl"),
        ("JOBSIEVE_NIGHT_OBSERVERS", "scrapers.night.run.Night"),
        ("JOBSIEVE_NIGHT_OBSERVERS", []),
    ],
)
def test_a_right_value_passes(name, value):
    assert setting_problem(name, value) is None


@pytest.mark.parametrize(
    ("name", "value", "line"),
    [
        (
            "JOBSIEVE_EXPIRE_AFTER",
            "abc",
            "setting JOBSIEVE_EXPIRE_AFTER='abc' is not a whole number of nights, 1 or more",
        ),
        (
            "JOBSIEVE_EXPIRE_AFTER",
            "0",
            "setting JOBSIEVE_EXPIRE_AFTER='0' is not a whole number of nights, 1 or more",
        ),
        (
            "JOBSIEVE_REVISIT_DAYS",
            "-1",
            "setting JOBSIEVE_REVISIT_DAYS='-1' is not a whole number of nights, 0 or more "
            "(0 = never revisit)",
        ),
        (
            "JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS",
            "2.5",
            "setting JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS='2.5' is not a whole number of "
            "postings, 0 or more (0 = off)",
        ),
        (
            "JOBSIEVE_CRAWL_TIME",
            "yesterday",
            "setting JOBSIEVE_CRAWL_TIME='yesterday' is not an ISO 8601 date and time, such as "
            "2026-11-22T03:00:00Z, or unset (the real time)",
        ),
        (
            "JOBSIEVE_INCREMENTAL",
            "no",
            "setting JOBSIEVE_INCREMENTAL='no' is not True or False (or 1 or 0)",
        ),
        (
            "JOBSIEVE_WORLD",
            "/no/such/world",
            "setting JOBSIEVE_WORLD='/no/such/world' is not a directory of recorded responses, "
            "or unset (live)",
        ),
        (
            "JOBSIEVE_STATE",
            "mysql://me:secret@db/jobs",
            "setting JOBSIEVE_STATE='mysql://me:***@db/jobs' is not a path, a sqlite:///… or "
            "postgresql://… URL, or unset (no state store for 'mysql')",
        ),
        (
            "JOBSIEVE_DEADLETTER",
            "dead/%(spider)s.jsonl",
            "setting JOBSIEVE_DEADLETTER='dead/%(spider)s.jsonl' is not a file path, which may "
            "hold %(name)s and %(time)s (unknown key %(spider)s)",
        ),
        (
            "JOBSIEVE_NIGHT_OBSERVERS",
            "monitoring.NoSuchObserver",
            "setting JOBSIEVE_NIGHT_OBSERVERS='monitoring.NoSuchObserver' is not a list of "
            "importable classes (package.module.Class) (cannot import "
            "'monitoring.NoSuchObserver': No module named 'monitoring')",
        ),
        ("JOBSIEVE_FEEDS_DIR", "", "setting JOBSIEVE_FEEDS_DIR='' is not a path"),
        (
            "JOBSIEVE_EXPIRE_AFTR",
            "3",
            "unknown setting JOBSIEVE_EXPIRE_AFTR (did you mean JOBSIEVE_EXPIRE_AFTER?)",
        ),
    ],
)
def test_a_wrong_value_is_one_line_naming_setting_value_and_what_it_takes(name, value, line):
    assert setting_problem(name, value) == line
    settings = get_project_settings()
    settings.set(name, value, priority="cmdline")
    with pytest.raises(ValueError) as refused:
        check_settings(settings)
    assert str(refused.value) == line


def test_an_unknown_setting_far_from_any_lists_the_known_ones():
    line = setting_problem("JOBSIEVE_COLOUR", "blue")
    assert line is not None and line.startswith("unknown setting JOBSIEVE_COLOUR (known: ")
    assert all(name in line for name in SETTINGS)


def test_settings_of_other_names_are_not_this_tables_business():
    check_settings({"DOWNLOAD_DELAY": "whatever", "WTTJ_ALGOLIA_APP_ID": "x"})


def test_the_clock_reads_the_setting_and_says_what_it_takes():
    assert CrawlClock.from_settings({"JOBSIEVE_CRAWL_TIME": "2026-11-22T03:00:00Z"}).now() == (
        datetime(2026, 11, 22, 3, tzinfo=UTC)
    )
    assert CrawlClock.from_settings({}).frozen is None
    with pytest.raises(ValueError, match=r"^JOBSIEVE_CRAWL_TIME='yesterday' is not an ISO 8601"):
        CrawlClock.from_settings({"JOBSIEVE_CRAWL_TIME": "yesterday"})
