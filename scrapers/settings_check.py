"""What each ``JOBSIEVE_*`` setting takes, checked once before a crawl starts (no Scrapy import).

``scrapers/settings.py`` holds the defaults; this table says what a value must be, so a wrong
``-s JOBSIEVE_EXPIRE_AFTER=abc`` stops ``scrapy crawl`` and ``scrapy crawlall`` at start with one
line naming the setting, the value and what it takes, instead of a traceback from whatever reads it
first. Each check accepts exactly what the code reading the setting accepts (Scrapy's ``getint``,
``getbool``, ``getlist``). A ``JOBSIEVE_`` name that is not in the table is refused too: a typo
would otherwise be ignored without a word.
"""

from __future__ import annotations

import difflib
import json
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapers import clock
from scrapers.health.thresholds import EXPECTED, per_source_table, threshold_value
from scrapers.health.thresholds import SETTING as HEALTH_SETTINGS
from scrapers.state import MissingDriver, check_location, redacted

PREFIX = "JOBSIEVE_"


@dataclass(frozen=True)
class SettingKind:
    """``check`` raises ValueError (or TypeError, KeyError) on a value that cannot be right; its
    message, if any, is added after ``expected`` in the one line."""

    check: Callable[[Any], object]
    expected: str


def _whole_number(low: int) -> Callable[[Any], object]:
    def check(value: Any) -> object:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError from None
        if isinstance(value, bool | float) or number < low:
            raise ValueError
        return None

    return check


def _boolean(value: Any) -> object:
    # Settings.getbool: bool(int(value)), else the words True/true/False/false.
    if isinstance(value, bool) or value in {"True", "true", "False", "false"}:
        return None
    if isinstance(value, int | str) and str(value).strip() in {"0", "1"}:
        return None
    raise ValueError


def _path(value: Any) -> object:
    if not isinstance(value, str | Path) or not str(value).strip():
        raise ValueError
    return None


def _optional(check: Callable[[Any], object]) -> Callable[[Any], object]:
    return lambda value: None if value is None or value == "" else check(value)


def _directory(value: Any) -> object:
    _path(value)
    if not Path(value).is_dir():
        raise ValueError
    return None


def _deadletter_template(value: Any) -> object:
    _path(value)
    try:
        str(value) % {"name": "spider", "time": "time"}
    except KeyError as error:
        raise ValueError(f"unknown key %({error.args[0]})s") from None
    except (TypeError, ValueError):
        raise ValueError("write a literal % as %%") from None
    return None


def _state_location(value: Any) -> object:
    # What scrapers.state.open_store opens: a path, a sqlite: URL, or a postgresql:// URL with
    # its driver installed (whether the server answers is the night's to find).
    _path(value)
    check_location(str(value))
    return None


def _import_paths(value: Any) -> object:
    # Settings.getlist: a list, or a comma-separated string; empty is none.
    if not value:
        return None
    paths = value.split(",") if isinstance(value, str) else value
    if not isinstance(paths, list | tuple):
        raise ValueError
    for path in paths:
        try:
            pkgutil.resolve_name(str(path).strip())
        except (ImportError, AttributeError, ValueError) as error:
            raise ValueError(f"cannot import {path!r}: {error}") from None
    return None


def _health(name: str) -> SettingKind:
    # The check scrapers.health.thresholds reads the setting with.
    def check(value: Any) -> object:
        threshold_value(name, value)
        return None

    return SettingKind(check, EXPECTED[name])


def _health_sources(value: Any) -> object:
    try:
        per_source_table(value)
    except json.JSONDecodeError:
        raise ValueError("not JSON") from None
    return None


def _redis_url(value: Any) -> object:
    if not isinstance(value, str) or not value.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError
    return None


PATH = SettingKind(_path, "a path")
OPTIONAL_PATH = SettingKind(_optional(_path), "a path, or unset")
BOOLEAN = SettingKind(_boolean, "True or False (or 1 or 0)")

# Every JOBSIEVE_* setting (defaults and meanings: scrapers/settings.py and the README).
SETTINGS: dict[str, SettingKind] = {
    "JOBSIEVE_SOURCES": SettingKind(
        _optional(_path), "a path, or unset (the project's sources.toml, or the packaged copy)"
    ),
    "JOBSIEVE_WORLD": SettingKind(
        _optional(_directory), "a directory of recorded responses, or unset (live)"
    ),
    "JOBSIEVE_RECORD": OPTIONAL_PATH,
    "JOBSIEVE_POSTING_BOARDS": SettingKind(
        _optional(_path), "a file path, which may hold %(name)s, or unset (off)"
    ),
    "JOBSIEVE_POSTING_SIGNATURES": SettingKind(
        _optional(_path), "a file path, which may hold %(name)s, or unset (off)"
    ),
    "JOBSIEVE_SHIPPED_WORLD": PATH,
    "JOBSIEVE_DEADLETTER": SettingKind(
        _deadletter_template, "a file path, which may hold %(name)s and %(time)s"
    ),
    "JOBSIEVE_CRAWL_TIME": SettingKind(
        _optional(clock.parse_crawl_time), f"{clock.EXPECTED}, or unset (the real time)"
    ),
    "JOBSIEVE_FEEDS_DIR": PATH,
    "JOBSIEVE_OFFLINE_FEEDS_DIR": PATH,
    "JOBSIEVE_LANGDETECT_SEED": SettingKind(_whole_number(0), "a whole number, 0 or more"),
    "JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS": SettingKind(
        _whole_number(0), "a whole number of postings, 0 or more (0 = off)"
    ),
    "JOBSIEVE_STATE": SettingKind(
        _optional(_state_location),
        "a path, a sqlite:///… or postgresql://… URL, or unset",
    ),
    "JOBSIEVE_EXPIRE_AFTER": SettingKind(_whole_number(1), "a whole number of nights, 1 or more"),
    "JOBSIEVE_DROP_DUPLICATES": BOOLEAN,
    "JOBSIEVE_INCREMENTAL": BOOLEAN,
    "JOBSIEVE_REVISIT_DAYS": SettingKind(
        _whole_number(0), "a whole number of nights, 0 or more (0 = never revisit)"
    ),
    "JOBSIEVE_CACHE_DIR": OPTIONAL_PATH,
    "JOBSIEVE_RETRY_AFTER_MAX": SettingKind(
        _whole_number(0), "a whole number of seconds, 0 or more (0 = never wait)"
    ),
    "JOBSIEVE_NIGHT_OBSERVERS": SettingKind(
        _import_paths, "a list of importable classes (package.module.Class)"
    ),
    "JOBSIEVE_MONITOR_ACTIONS": SettingKind(
        _import_paths, "a list of importable Spidermon action classes (package.module.Class)"
    ),
    "JOBSIEVE_REDIS_URL": SettingKind(_redis_url, "a redis://, rediss:// or unix:// URL"),
    "JOBSIEVE_WORKER_LEASE": SettingKind(_whole_number(1), "a whole number of seconds, 1 or more"),
    "JOBSIEVE_WORKER_BOARDS": SettingKind(_whole_number(1), "a whole number of boards, 1 or more"),
    **{setting: _health(name) for name, setting in HEALTH_SETTINGS.items()},
    "JOBSIEVE_HEALTH_SOURCES": SettingKind(
        _health_sources,
        "a table {source: {threshold: value}} of nights, drop_share, min_postings, "
        "coverage_points, failing_nights, dead_letter_points (JSON with -s)",
    ),
}


def setting_problem(name: str, value: Any) -> str | None:
    """One line saying what is wrong with ``name = value``, or None when it is right."""
    kind = SETTINGS.get(name)
    if kind is None:
        # Compared without the prefix every name shares, which would make any two look alike.
        suffixes = [known.removeprefix(PREFIX) for known in SETTINGS]
        close = difflib.get_close_matches(name.removeprefix(PREFIX), suffixes, n=1)
        hint = f"did you mean {PREFIX}{close[0]}?" if close else f"known: {', '.join(SETTINGS)}"
        return f"unknown setting {name} ({hint})"
    try:
        kind.check(value)
    except MissingDriver as error:  # the value is right; this installation cannot use it
        return f"setting {name}={redacted(value)!r}: {error}"
    except (ValueError, TypeError, KeyError) as error:
        detail = str(error).strip() if isinstance(error, ValueError) else ""
        because = f" ({detail})" if detail and not detail.startswith(name) else ""
        shown = redacted(value) if isinstance(value, str) else value  # a URL's password
        return f"setting {name}={shown!r} is not {kind.expected}{because}"
    return None


def check_settings(settings: Mapping[str, Any]) -> None:
    """ValueError with one line for the first ``JOBSIEVE_*`` setting that is wrong."""
    for name in sorted(key for key in settings if str(key).startswith(PREFIX)):
        problem = setting_problem(name, settings.get(name))
        if problem:
            raise ValueError(problem)
