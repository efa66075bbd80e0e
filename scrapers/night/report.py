"""The run report of a nightly crawl, from each crawler's stats (no Scrapy import).

``report.json`` says what it counts in plain words; every field is explained in
``docs/report.md``. Its names live in one table, ``scrapers/data/report_names.toml``: the board
and field counters' names (a stat's name → the report's), and the names used before issue 19,
kept beside the new ones for one release (:data:`KEEP_OLD_NAMES`, ``CHANGELOG.md``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from scrapers.completeness import Completeness, SourceCompleteness, board_counters
from scrapers.state import STATUSES

# Deprecated names beside the new ones, for one release: False drops them all.
KEEP_OLD_NAMES = True

_PREFIXES = {
    "dropped": "jobsieve/dropped/",
    "invalid": "jobsieve/invalid/",
    "normalise": "jobsieve/normalise/",
}


@cache
def report_names() -> dict[str, dict[str, Any]]:
    """``scrapers/data/report_names.toml``: ``renamed`` (``{level: {old: new}}``),
    ``board_counters`` and ``field_counters`` (``{stat counter: report name}``)."""
    text = resources.files("scrapers").joinpath("data", "report_names.toml").read_text("utf-8")
    return tomllib.loads(text)


def _under(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    return {
        k.removeprefix(prefix): int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)
    }


def _field_counts(stats: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """The normalisers' ``jobsieve/normalise/<field>/<counter>`` as one ``{field: postings}``
    per counter, under its report name (every counter's key present, maybe empty)."""
    names = report_names()["field_counters"]
    counts: dict[str, dict[str, int]] = {name: {} for name in names.values()}
    for key, value in _under(stats, _PREFIXES["normalise"]).items():
        field, _, counter = key.rpartition("/")
        counts.setdefault(names.get(counter, f"fields_{counter}"), {})[field] = value
    return counts


def _board_figures(name: str, stats: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    names = report_names()["board_counters"]
    return {
        board: {names.get(counter, counter): value for counter, value in counters.items()}
        for board, counters in board_counters(name, stats).items()
    }


def source_report(name: str, stats: Mapping[str, Any]) -> dict[str, Any]:
    """One source's figures from its crawler's stats (new names only)."""
    boards = _board_figures(name, stats)
    completeness = SourceCompleteness.of(name, stats)
    from_cache = int(stats.get("httpcache/hit", 0))
    not_modified = int(stats.get("httpcache/revalidate", 0))
    return {
        "postings": int(stats.get("item_scraped_count", 0)),
        "dropped_by_reason": _under(stats, _PREFIXES["dropped"]),
        "invalid_by_reason": _under(stats, _PREFIXES["invalid"]),
        **_field_counts(stats),
        "failing_boards": {b: c["errors"] for b, c in boards.items() if c.get("errors")},
        # Boards not read completely tonight, with why: their postings do not expire.
        "not_read_in_full": completeness.incomplete,
        # Postings known live but not read tonight (held: they do not expire), by board.
        "postings_held": completeness.held_counts,
        "boards": boards,
        # Sent to the site (or the recorded world); details served from the cache are not.
        "requests_sent": int(stats.get("downloader/request_count", 0)) - from_cache,
        "details_from_cache": from_cache + not_modified,
        "details_not_modified": not_modified,
        "responses": int(stats.get("response_received_count", 0)),
        "missing_recordings": int(stats.get("jobsieve/world/missing", 0)),
        "log_errors": int(stats.get("log_count/ERROR", 0)),
        "finish_reason": stats.get("finish_reason"),
        "duration_seconds": round(float(stats.get("elapsed_time_seconds") or 0.0), 3),
    }


# Fields whose filling says how useful a source is; lists count when non-empty.
_COVERAGE = (
    "company",
    "location_raw",
    "locations",
    "remote",
    "employment_type",
    "seniority",
    "salary",
    "date_posted",
    "valid_through",
    "department",
    "apply_url",
    "original_url",
    "skills",
    "description",
    "language",
)


class PostingFigures:
    """Per source, tonight's annotated postings counted one at a time: statuses, duplicates,
    languages, field coverage. Nothing of a posting is kept, so a night of any size fits."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, Any]] = {}

    def add(self, posting: dict[str, Any]) -> None:
        counts = self.counts.setdefault(
            posting.get("source") or "",
            {"postings": 0, "duplicates": 0, "statuses": {}, "languages": {}, "filled": {}},
        )
        counts["postings"] += 1
        counts["duplicates"] += bool(posting.get("duplicate_of"))
        status, language = posting.get("status"), posting.get("language") or "unknown"
        counts["statuses"][status] = counts["statuses"].get(status, 0) + 1
        counts["languages"][language] = counts["languages"].get(language, 0) + 1
        for field in _COVERAGE:
            if posting.get(field) not in (None, "", []):
                counts["filled"][field] = counts["filled"].get(field, 0) + 1

    def figures(self) -> dict[str, dict[str, Any]]:
        return {
            source: {
                **{s: counts["statuses"].get(s, 0) for s in STATUSES},
                "duplicate_postings": counts["duplicates"],
                "languages": dict(sorted(counts["languages"].items())),
                "field_coverage": {
                    f: round(counts["filled"].get(f, 0) / counts["postings"], 3) for f in _COVERAGE
                },
            }
            for source, counts in sorted(self.counts.items())
        }


def build_report(
    *,
    night: str,
    started: datetime,
    finished: datetime,
    world: str | None,
    sources: dict[str, dict[str, Any]],
    files: dict[str, str],
    postings: dict[str, dict[str, Any]] | None = None,
    night_counts: dict[str, int] | None = None,
    state: str | None = None,
    status: str | None = None,
    health: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The report; ``status`` is the night's (``scrapers/night/status.py``), first after its
    date so a reader sees it before any figure, and then the ``health`` findings, if given.
    ``night_counts``: ``live_jobs``, ``new_or_updated_jobs``, ``expired_postings`` and
    ``duplicate_postings`` (from the settled night)."""
    per_source = {name: source_report(name, stats) for name, stats in sorted(sources.items())}
    for name, figures in (postings or {}).items():
        if name in per_source:
            per_source[name].update(figures)
    dropped: dict[str, int] = {}
    for report in per_source.values():
        for reason, count in report["dropped_by_reason"].items():
            dropped[reason] = dropped.get(reason, 0) + count
    report = {
        "night": night,
        **({"status": status} if status is not None else {}),
        **({"health": health} if health is not None else {}),
        "started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "finished_at": finished.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration_seconds": round((finished - started).total_seconds(), 3),
        "world": world,
        "postings": sum(r["postings"] for r in per_source.values()),
        **(night_counts or {}),
        "state": state,
        "dropped_by_reason": dropped,
        "failing_boards": sum(len(r["failing_boards"]) for r in per_source.values()),
        # One line per source whose crawl did not finish and per board not read completely.
        "not_read_in_full": list(Completeness.of(sources).lines()),
        "postings_held": sum(sum(r["postings_held"].values()) for r in per_source.values()),
        "requests": {
            "sent": sum(r["requests_sent"] for r in per_source.values()),
            "by_source": {name: r["requests_sent"] for name, r in per_source.items()},
            # Details served from the cache: unchanged by the list's marker, or answered 304.
            "details_from_cache": sum(r["details_from_cache"] for r in per_source.values()),
        },
        "sources": per_source,
        "files": files,
    }
    return with_old_names(report) if KEEP_OLD_NAMES else report


# --- the names before issue 19 -------------------------------------------------------------------


def _beside(values: dict[str, Any], old_of: Mapping[str, str], extra: Mapping[str, Any]) -> dict:
    """``values`` with each key's old name (``old_of``: new → old) right after it, holding the
    same value, or ``extra[old]`` where the old value was made otherwise."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        out[key] = value
        old = old_of.get(key)
        if old is not None:
            out[old] = extra.get(old, value)
    return out


def _old_unparsed(source: Mapping[str, Any]) -> dict[str, int]:
    """The old ``unparsed``: every field counter in one dict, ``<field>`` for a value not
    understood, ``<field>/<counter>`` for the others."""
    old: dict[str, int] = {}
    for counter, key in report_names()["field_counters"].items():
        for field, count in (source.get(key) or {}).items():
            old[field if counter == "unparsed" else f"{field}/{counter}"] = count
    return dict(sorted(old.items()))


def with_old_names(report: dict[str, Any]) -> dict[str, Any]:
    """``report`` (new names) with the old names beside the new ones, same values: the one place
    the deprecated names are made (dropped by :data:`KEEP_OLD_NAMES`)."""
    names = report_names()
    renamed = {
        level: {new: old for old, new in table.items()} for level, table in names["renamed"].items()
    }
    board_old = {new: old for old, new in names["board_counters"].items() if old != new}
    sources = {}
    for name, source in report["sources"].items():
        boards = {b: _beside(c, board_old, {}) for b, c in source.get("boards", {}).items()}
        sources[name] = _beside(
            {**source, "boards": boards}, renamed["source"], {"unparsed": _old_unparsed(source)}
        )
    requests = _beside(report["requests"], renamed["requests"], {})
    return _beside({**report, "requests": requests, "sources": sources}, renamed["night"], {})


def with_new_names(report: Mapping[str, Any]) -> dict[str, Any]:
    """Any night's report with the new names: one written before issue 19 (old names only) gets
    each new key from its old one, so a reader of past nights (trends) reads one format."""
    names = report_names()
    renamed = names["renamed"]
    board_new = names["board_counters"]

    def renew(values: Mapping[str, Any], table: Mapping[str, str]) -> dict[str, Any]:
        out = dict(values)
        for old, new in table.items():
            if new not in out and old in values:
                out[new] = values[old]
        return out

    sources = {}
    for name, source in (report.get("sources") or {}).items():
        fresh = renew(source, {k: v for k, v in renamed["source"].items() if k != "unparsed"})
        if "unparsed" in source and not any(k in source for k in names["field_counters"].values()):
            for key, count in source["unparsed"].items():
                field, _, counter = key.partition("/")
                target = names["field_counters"].get(counter or "unparsed", f"fields_{counter}")
                fresh.setdefault(target, {})[field] = count
        fresh["boards"] = {b: renew(c, board_new) for b, c in (source.get("boards") or {}).items()}
        sources[name] = fresh
    out = renew(report, renamed["night"])
    if isinstance(report.get("requests"), Mapping):
        out["requests"] = renew(report["requests"], renamed["requests"])
    out["sources"] = sources
    return out


# --- the summary printed at the end of a night ---------------------------------------------------

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _path(*keys: str) -> str:
    """Where a value sits in report.json: ``sources.lever.boards["eu:backmarket"]``."""
    return "".join(
        (("." if i else "") + key) if _KEY.fullmatch(key) else f'["{key}"]'
        for i, key in enumerate(keys)
    )


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


# Board counters worth a person's look, in the words of a problem line ({n}: the count). Most
# are also named by ``not_read_in_full`` or the dead letters; these cost postings their page.
_BOARD_PROBLEMS = {
    "blocked": ("page blocked by a bot wall", "pages blocked by a bot wall"),
    "detail_failures": ("posting's detail failed", "postings' details failed"),
    "empty_lists": ("list with no job at all", "lists with no job at all"),
    "answers_too_large": ("answer too large, refused", "answers too large, refused"),
    "answers_inflating_too_large": (
        "answer inflating past the size limit, refused",
        "answers inflating past the size limit, refused",
    ),
}


def problem_lines(report: Mapping[str, Any], log_file: str | None = None) -> Iterator[str]:
    """One line per problem of the night, each saying where to look: health findings, sources
    that did not finish, boards that failed or were not read in full, held postings, pages lost
    to bot walls or failures, dead-lettered postings, missing recordings and logged errors."""
    report_file = "report.json"
    for finding in report.get("health") or []:
        where = finding.get("source") or "the night"
        if finding.get("board"):
            where += f" board {finding['board']!r}"
        yield (
            f"problem ({finding.get('severity', 'warning')}): {where}: "
            f"{finding.get('message') or finding.get('measure')} — see {report_file} health"
        )
    yield from source_problem_lines(report, log_file)


def source_problem_lines(report: Mapping[str, Any], log_file: str | None = None) -> Iterator[str]:
    """The problem lines of the sources (all but the health findings'): the summary ends with
    them, and the night's page lists them under its findings."""
    files = report.get("files") or {}
    deadletter = files.get("deadletter.jsonl", "deadletter.jsonl")
    log = log_file or "the log (stderr or --logfile)"
    for name, source in (report.get("sources") or {}).items():
        yield from _source_problems(name, source, "report.json", deadletter, log)


def _source_problems(
    name: str, source: Mapping[str, Any], report_file: str, deadletter: str, log: str
) -> Iterator[str]:
    finish = source.get("finish_reason")
    if finish not in (None, "finished"):
        yield (
            f"problem: {name}'s crawl did not finish ({finish}): nothing of it expires tonight "
            f"— see {log} and {report_file} {_path('sources', name, 'finish_reason')}"
        )
    failing = source.get("failing_boards") or {}
    for board, reasons in (source.get("not_read_in_full") or {}).items():
        why = "; ".join(reasons)
        if board in failing:
            yield (
                f"problem: {name} board {board!r} failed ({_plural(failing[board], 'error')}: "
                f"{why}); nothing of it expires tonight — see {log} and {report_file} "
                f"{_path('sources', name, 'not_read_in_full')}"
            )
        else:
            yield (
                f"problem: {name} board {board!r} not read in full ({why}); nothing of it "
                f"expires tonight — see {report_file} {_path('sources', name, 'not_read_in_full')}"
            )
    for board, count in failing.items():
        if board not in (source.get("not_read_in_full") or {}):
            yield (
                f"problem: {name} board {board!r} failed ({_plural(count, 'error')}) — see "
                f"{log} and {report_file} {_path('sources', name, 'failing_boards')}"
            )
    for board, count in (source.get("postings_held") or {}).items():
        yield (
            f"problem: {_plural(count, 'posting')} of {name} board {board!r} held (listed, "
            f"own page not read; kept live) — see {report_file} "
            f"{_path('sources', name, 'postings_held')}"
        )
    for board, counters in (source.get("boards") or {}).items():
        lost = [
            _plural(counters[key], one, many)
            for key, (one, many) in _BOARD_PROBLEMS.items()
            if counters.get(key)
        ]
        if lost:
            yield (
                f"problem: {name} board {board!r}: {', '.join(lost)} — see {log} and "
                f"{report_file} {_path('sources', name, 'boards', board)}"
            )
    dropped = source.get("dropped_by_reason") or {}
    if dropped:
        reasons = ", ".join(f"{reason} {count}" for reason, count in dropped.items())
        yield (
            f"problem: {_plural(sum(dropped.values()), 'posting')} of {name} dropped "
            f"({reasons}) — see {deadletter}"
        )
    if source.get("missing_recordings"):
        yield (
            f"problem: {_plural(source['missing_recordings'], 'request')} of {name} found no "
            f"recording in the world — see {log} and {report_file} "
            f"{_path('sources', name, 'missing_recordings')}"
        )
    if source.get("log_errors"):
        yield f"problem: {name} logged {_plural(source['log_errors'], 'error')} — see {log}"


def summary_lines(report: dict[str, Any], *, log_file: str | None = None) -> Iterable[str]:
    """What ``crawlall`` prints at the end of a night: a line for the night, one per source, the
    night's totals and files, then one line per problem and where to look (or one saying there
    is none). ``log_file``: where the night's log went, when it went to a file."""
    status = f" {report['status']}" if report.get("status") else ""
    yield (
        f"jobsieve night {report['night']}{status}: {report['postings']} postings from "
        f"{len(report['sources'])} source(s) in {report['duration_seconds']:.1f}s"
        + (" (offline, recorded world)" if report["world"] else "")
    )
    for name, source in report["sources"].items():
        dropped = source["dropped_by_reason"]
        dropped_text = (
            f"{sum(dropped.values())} dropped ({', '.join(f'{n} {r}' for r, n in dropped.items())})"
            if dropped
            else "none dropped"
        )
        failing = source["failing_boards"]
        failing_text = f", {_plural(len(failing), 'failing board')}" if failing else ""
        missing = (
            f", {_plural(source['missing_recordings'], 'missing recording')}"
            if source["missing_recordings"]
            else ""
        )
        statuses = ", ".join(f"{source[s]} {s}" for s in STATUSES if source.get(s))
        statuses = f" ({statuses})" if statuses else ""
        duplicates = (
            f", {_plural(source['duplicate_postings'], 'duplicate')}"
            if source.get("duplicate_postings")
            else ""
        )
        cached = (
            f", {source['details_from_cache']} details from cache"
            if source.get("details_from_cache")
            else ""
        )
        yield (
            f"  {name:<20} {source['postings']:>6} postings{statuses}{duplicates}, "
            f"{dropped_text}{failing_text}{missing}, {source['requests_sent']} requests"
            f"{cached}, {source['duration_seconds']:.1f}s"
        )
    requests = report["requests"]
    yield (
        f"  {_plural(requests['sent'], 'request')} sent, "
        f"{_plural(requests['details_from_cache'], 'detail')} from cache"
    )
    if "live_jobs" in report:
        yield (
            f"  {_plural(report['live_jobs'], 'live job')}, "
            f"{report['new_or_updated_jobs']:,} new or updated, "
            f"{report['expired_postings']:,} expired, "
            f"{_plural(report['duplicate_postings'], 'duplicate posting')}"
        )
    for label, path in report["files"].items():
        yield f"  {label:<20} {path}"
    problems = list(problem_lines(report, log_file))
    yield from problems or [
        "no problems: every source read in full, nothing dropped or held, no health finding"
    ]
