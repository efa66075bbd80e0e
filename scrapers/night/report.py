"""The run report of a nightly crawl, from each crawler's stats (no Scrapy import)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from scrapers.completeness import Completeness, SourceCompleteness
from scrapers.state import STATUSES

_PREFIXES = {
    "dropped": "jobsieve/dropped/",
    "invalid": "jobsieve/invalid/",
    "unparsed": "jobsieve/normalise/",
}


def _under(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {
        k.removeprefix(prefix): int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)
    }


def source_report(name: str, stats: dict[str, Any]) -> dict[str, Any]:
    board_prefix = f"jobsieve/source/{name}/"
    boards: dict[str, dict[str, int]] = {}
    for key, value in _under(stats, board_prefix).items():
        board, _, what = key.rpartition("/")
        boards.setdefault(board, {})[what] = value
    errors = {board: counts["error"] for board, counts in boards.items() if counts.get("error")}
    completeness = SourceCompleteness.of(name, stats)
    return {
        "items": int(stats.get("item_scraped_count", 0)),
        "dropped": _under(stats, _PREFIXES["dropped"]),
        "invalid": _under(stats, _PREFIXES["invalid"]),
        "unparsed": {
            k.removesuffix("/unparsed"): v for k, v in _under(stats, _PREFIXES["unparsed"]).items()
        },
        "errors": errors,
        # Boards not read completely tonight, with why: their postings do not expire.
        "incomplete": completeness.incomplete,
        # Postings known live but not read tonight (held: they do not expire), by board.
        "held": completeness.held_counts,
        "boards": boards,
        # Sent to the site (or the recorded world); details served from the cache are not.
        "requests": int(stats.get("downloader/request_count", 0))
        - int(stats.get("httpcache/hit", 0)),
        "from_cache": int(stats.get("httpcache/hit", 0))
        + int(stats.get("httpcache/revalidate", 0)),
        "not_modified": int(stats.get("httpcache/revalidate", 0)),
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
                "duplicates": counts["duplicates"],
                "languages": dict(sorted(counts["languages"].items())),
                "coverage": {
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
) -> dict[str, Any]:
    """The report; ``status`` is the night's (``scrapers/night/status.py``), first after its
    date so a reader sees it before any figure."""
    per_source = {name: source_report(name, stats) for name, stats in sorted(sources.items())}
    for name, figures in (postings or {}).items():
        if name in per_source:
            per_source[name].update(figures)
    dropped: dict[str, int] = {}
    for report in per_source.values():
        for reason, count in report["dropped"].items():
            dropped[reason] = dropped.get(reason, 0) + count
    return {
        "night": night,
        **({"status": status} if status is not None else {}),
        "started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "finished_at": finished.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration_seconds": round((finished - started).total_seconds(), 3),
        "world": world,
        "items": sum(r["items"] for r in per_source.values()),
        **(night_counts or {}),
        "state": state,
        "dropped": dropped,
        "errors": sum(len(r["errors"]) for r in per_source.values()),
        # One line per source whose crawl did not finish and per board not read completely.
        "incomplete": list(Completeness.of(sources).lines()),
        "held": sum(sum(r["held"].values()) for r in per_source.values()),
        "requests": {
            "total": sum(r["requests"] for r in per_source.values()),
            "by_source": {name: r["requests"] for name, r in per_source.items()},
            # Details served from the cache: unchanged by the list's marker, or answered 304.
            "from_cache": sum(r["from_cache"] for r in per_source.values()),
        },
        "sources": per_source,
        "files": files,
    }


def summary_lines(report: dict[str, Any]) -> Iterable[str]:
    status = f" {report['status']}" if report.get("status") else ""
    yield (
        f"jobsieve night {report['night']}{status}: {report['items']} postings from "
        f"{len(report['sources'])} source(s) in {report['duration_seconds']:.1f}s"
        + (" (offline, recorded world)" if report["world"] else "")
    )
    for name, source in report["sources"].items():
        dropped = ", ".join(f"{n} {r}" for r, n in source["dropped"].items()) or "none dropped"
        errors = f", {len(source['errors'])} board error(s)" if source["errors"] else ""
        missing = (
            f", {source['missing_recordings']} missing recording(s)"
            if source["missing_recordings"]
            else ""
        )
        statuses = ", ".join(f"{source[s]} {s}" for s in STATUSES if source.get(s))
        statuses = f" ({statuses})" if statuses else ""
        duplicates = f", {source['duplicates']} duplicate(s)" if source.get("duplicates") else ""
        cached = f", {source['from_cache']} from cache" if source.get("from_cache") else ""
        yield (
            f"  {name:<20} {source['items']:>6} postings{statuses}{duplicates}, "
            f"{dropped}{errors}{missing}, {source['requests']} requests{cached}, "
            f"{source['duration_seconds']:.1f}s"
        )
    for line in report.get("incomplete", []):
        yield f"  not read completely (nothing of it expires tonight): {line}"
    if report.get("held"):
        yield f"  {report['held']} posting(s) held: live, not read tonight, not expired"
    requests = report["requests"]
    yield f"  {requests['total']} request(s) sent, {requests['from_cache']} detail(s) from cache"
    if "jobs" in report:
        yield (
            f"  {report['jobs']} live job(s), {report['delta']} new or updated, "
            f"{report['expired']} expired, {report['duplicates']} duplicate posting(s)"
        )
    for label, path in report["files"].items():
        yield f"  {label:<20} {path}"
