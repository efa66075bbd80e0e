"""``report.html`` of a night and ``index.html`` of a feeds folder, rendered with Jinja2 (no Scrapy
import).

Autoescaping is on for every template: board names, drop reasons, messages and dead-lettered
items come from crawled sites. The pages load nothing (a Content-Security-Policy of
``default-src 'none'`` says so to the browser): styles are inline, charts inline SVG
(``svg.py``), and there is no script at all.

Every number shown that is a figure of a ``report.json`` names where it was read
(``data-report``: a JSON list of paths whose values add up to it; ``data-report-len``: it is the
length of the one path's list or mapping; ``data-night``: whose report), so a browser test can
compare the page with the reports it was made from.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from scrapers.night.files import fsync_dir, write_text
from scrapers.night.html import svg
from scrapers.night.html.fields import Figure, ReportView, SourceView
from scrapers.night.html.history import PastNight, nights, trend_reports
from scrapers.night.plan import REPORT_HTML
from scrapers.night.report import source_problem_lines, with_new_names

INDEX_HTML = "index.html"
SAMPLES_PER_REASON = 3  # dead-lettered items shown per source and reason
SAMPLE_CHARS = 4000  # of one dead-lettered item's JSON shown
LANGUAGES_SHOWN = 6  # in the language-mix chart; the rest are "other"

_ENV = Environment(
    loader=PackageLoader("scrapers.night.html", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class Num:
    """A number as shown, and the report paths it was read from (none: not in the report)."""

    text: str
    night: str
    paths: tuple[tuple[Any, ...], ...] = ()
    fmt: str = "int"
    length: bool = False  # the length of the list or mapping at the one path

    @property
    def paths_json(self) -> str:
        return json.dumps([list(p) for p in self.paths], ensure_ascii=False)


def _format(value: Any, fmt: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "–" if value is None else str(value)
    if fmt == "pct":
        return f"{100 * value:.1f} %"
    if fmt == "secs":
        return f"{value:,.1f} s"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.3g}"


class Numbers:
    """Makes the :class:`Num` of one night's figures."""

    def __init__(self, night: str) -> None:
        self.night = night

    def of(self, figure: Figure, fmt: str = "int") -> Num:
        if not figure.present or not isinstance(figure.value, int | float):
            return Num(_format(figure.value, fmt), self.night)
        return Num(_format(figure.value, fmt), self.night, (figure.path,), fmt)  # type: ignore[arg-type]

    def total(self, figures: Iterable[Figure]) -> Num:
        present = [f for f in figures if f.present and isinstance(f.value, int | float)]
        if not present:
            return Num("–", self.night)
        value = sum(f.value for f in present)
        return Num(_format(value, "int"), self.night, tuple(f.path for f in present))  # type: ignore[misc]

    def count(self, figure: Figure) -> Num:
        if not figure.present or not isinstance(figure.value, Mapping | list):
            return Num("–", self.night)
        return Num(_format(len(figure.value), "int"), self.night, (figure.path,), length=True)  # type: ignore[arg-type]


def _anchor_id(index: int) -> str:
    return f"dead-{index}"


@dataclass
class Samples:
    """A few dead-lettered items per source and reason, each group with its anchor."""

    groups: list[dict[str, Any]] = field(default_factory=list)
    anchors: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, deadletter: Iterable[Mapping[str, Any]], per: int = SAMPLES_PER_REASON) -> Samples:
        found: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
        totals: dict[tuple[str, str], int] = {}
        for line in deadletter:
            key = (str(line.get("spider") or ""), str(line.get("reason") or ""))
            totals[key] = totals.get(key, 0) + 1
            if len(found.setdefault(key, [])) < per:
                found[key].append(line)
        samples = cls()
        for index, key in enumerate(sorted(found)):
            anchor = _anchor_id(index)
            samples.anchors[key] = anchor
            samples.groups.append(
                {
                    "anchor": anchor,
                    "source": key[0],
                    "reason": key[1],
                    "total": totals[key],
                    "shown": [_sample(line) for line in found[key]],
                }
            )
        return samples


def _sample(line: Mapping[str, Any]) -> dict[str, Any]:
    item = line.get("item") if isinstance(line.get("item"), Mapping) else {}
    text = json.dumps(item, ensure_ascii=False, indent=1, default=str)
    if len(text) > SAMPLE_CHARS:
        text = text[:SAMPLE_CHARS] + f"\n… ({len(text):,} characters in all)"
    return {
        "message": str(line.get("message") or ""),
        "details": json.dumps(line.get("details") or [], ensure_ascii=False, default=str)[:1000],
        "id": str(item.get("id") or item.get("source_id") or ""),
        "title": str(item.get("title") or ""),
        "url": str(item.get("url") or ""),
        "json": text,
    }


def _source_row(source: SourceView, numbers: Numbers, samples: Samples) -> dict[str, Any]:
    get = source.get
    dropped = source.mapping("dropped_by_reason")
    drop_path = get("dropped_by_reason").path or ()
    failing = source.mapping("failing_boards")
    failing_path = get("failing_boards").path or ()
    unread = source.mapping("not_read_in_full")
    held = source.mapping("postings_held")
    held_path = get("postings_held").path or ()
    boards = []
    for board in source.boards():
        boards.append(
            {
                "name": board.name,
                "figures": [
                    numbers.of(board.get(key))
                    for key in (
                        "postings",
                        "listed",
                        "listed_again",
                        "errors",
                        "detail_failures",
                        "blocked",
                    )
                ],
            }
        )
    coverage = source.mapping("field_coverage")
    coverage_path = get("field_coverage").path or ()
    languages = source.mapping("languages")
    return {
        "name": source.name,
        "anchor": f"source-{source.name}",
        "postings": numbers.of(get("postings")),
        "new": numbers.of(get("new")),
        "updated": numbers.of(get("updated")),
        "unchanged": numbers.of(get("unchanged")),
        "expired": numbers.of(get("expired")),
        "duplicates": numbers.of(get("duplicate_postings")),
        "dropped": numbers.total(
            Figure(v, (*drop_path, k)) for k, v in dropped.items() if drop_path
        ),
        "failing": numbers.count(get("failing_boards")),
        "requests": numbers.of(get("requests_sent")),
        "from_cache": numbers.of(get("details_from_cache")),
        "not_modified": numbers.of(get("details_not_modified")),
        "duration": numbers.of(get("duration_seconds"), "secs"),
        "finish_reason": str(get("finish_reason").value or ""),
        "drops": [
            {
                "reason": reason,
                "count": numbers.of(Figure(count, (*drop_path, reason))),
                "anchor": samples.anchors.get((source.name, reason)),
            }
            for reason, count in sorted(dropped.items())
        ],
        "invalid": [
            (reason, numbers.of(Figure(count, (*(get("invalid_by_reason").path or ()), reason))))
            for reason, count in sorted(source.mapping("invalid_by_reason").items())
        ],
        "failing_boards": [
            {
                "board": board,
                "errors": numbers.of(Figure(count, (*failing_path, board))),
                "why": [str(w) for w in unread.get(board, [])] if isinstance(unread, dict) else [],
            }
            for board, count in sorted(failing.items())
        ],
        "unread": [
            {"board": board, "why": [str(w) for w in whys] if isinstance(whys, list) else []}
            for board, whys in sorted(unread.items())
            if board not in failing
        ],
        "held": [
            (board, numbers.of(Figure(count, (*held_path, board))))
            for board, count in sorted(held.items())
        ],
        "not_understood": [
            (what, numbers.of(Figure(count, (*(get("fields_not_understood").path or ()), what))))
            for what, count in sorted(source.mapping("fields_not_understood").items())
        ],
        "coverage": [
            (name, numbers.of(Figure(share, (*coverage_path, name)), "pct"))
            for name, share in coverage.items()
        ],
        "languages": [
            (name, numbers.of(Figure(count, (*(get("languages").path or ()), name))))
            for name, count in sorted(languages.items(), key=lambda kv: (-_int(kv[1]), kv[0]))
        ],
        "boards": boards,
    }


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _health(view: ReportView, numbers: Numbers) -> list[dict[str, Any]] | None:
    findings = view.health()
    if findings is None:
        return None
    rows = []
    for index, finding in enumerate(view.report.get("health") or []):
        if not isinstance(finding, Mapping):
            continue
        at = ("health", index)
        rows.append(
            {
                "severity": str(finding.get("severity") or "warning"),
                "source": str(finding.get("source") or ""),
                "board": "" if finding.get("board") is None else str(finding.get("board")),
                "measure": str(finding.get("measure") or ""),
                "before": _finding_value(numbers, finding, at, "before"),
                "now": _finding_value(numbers, finding, at, "now"),
                "threshold": str(finding.get("threshold") or ""),
                "message": str(finding.get("message") or ""),
            }
        )
    # Errors first, then warnings, each in the report's order.
    rows.sort(key=lambda row: row["severity"] != "error")
    return rows


def _finding_value(
    numbers: Numbers, finding: Mapping[str, Any], at: tuple[Any, ...], key: str
) -> Num:
    value = finding.get(key)
    if isinstance(value, float) and 0 <= value <= 1 and "coverage" in str(finding.get("measure")):
        return numbers.of(Figure(value, (*at, key)), "pct")
    return numbers.of(Figure(value, (*at, key)) if key in finding else Figure(None, None))


def _trends(reports: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    views = [ReportView(r) for r in reports]
    labels = [v.night for v in views]
    names = sorted({s.name for v in views for s in v.sources()})

    def point(view: ReportView, figures: Iterable[Figure]) -> svg.Point:
        present = [f for f in figures if f.present and isinstance(f.value, int | float)]
        if not present:
            return svg.Point(view.night, None)
        value = sum(f.value for f in present)
        return svg.Point(view.night, value, tuple(f.path for f in present))  # type: ignore[misc]

    def per_source(view: ReportView, key: str) -> list[Figure]:
        return [s.get(key) for s in view.sources()]

    postings = {
        name: [point(v, [s.get("postings")] if (s := v.source(name)) else []) for v in views]
        for name in names
    }
    flows = {
        "new postings": [point(v, per_source(v, "new")) for v in views],
        "expired postings": [point(v, [v.get("expired_postings")]) for v in views],
    }
    # Languages over the span: the most common few by name, the rest together as "other".
    totals: dict[str, int] = {}
    for view in views:
        for source in view.sources():
            for language, count in source.mapping("languages").items():
                totals[language] = totals.get(language, 0) + _int(count)
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    shown, rest = ranked[:LANGUAGES_SHOWN], set(ranked[LANGUAGES_SHOWN:])

    def languages(view: ReportView, wanted: set[str]) -> svg.Point:
        figures = []
        for source in view.sources():
            at = source.get("languages").path
            for language, count in source.mapping("languages").items():
                if language in wanted and at:
                    figures.append(Figure(count, (*at, language)))
        return point(view, figures)

    mix = {name: [languages(v, {name}) for v in views] for name in shown}
    if rest:
        mix["other"] = [languages(v, rest) for v in views]
    # Field coverage across all sources, each source weighted by its postings.
    fields: list[str] = []
    for view in reversed(views):
        for source in view.sources():
            for name in source.mapping("field_coverage"):
                if name not in fields:
                    fields.append(name)
    coverage: dict[str, list[float | None]] = {}
    for name in fields:
        row: list[float | None] = []
        for view in views:
            filled = postings_total = 0.0
            for source in view.sources():
                share = source.mapping("field_coverage").get(name)
                count = source.get("postings").value
                if isinstance(share, int | float) and isinstance(count, int) and count:
                    filled += share * count
                    postings_total += count
            row.append(round(filled / postings_total, 3) if postings_total else None)
        coverage[name] = row
    return [
        {
            "title": "Postings per source",
            "chart": svg.line_chart("Postings per source, per night", labels, postings),
        },
        {
            "title": "New and expired postings",
            "chart": svg.bar_chart("New and expired postings per night", labels, flows),
        },
        {
            "title": "Field coverage (share of postings with the field, all sources)",
            "chart": svg.heat_map("Field coverage per night", labels, coverage),
        },
        {
            "title": "Language mix",
            "chart": svg.share_chart("Languages of the postings per night", labels, mix),
        },
    ]


def render_report(
    report: Mapping[str, Any],
    trend: Sequence[Mapping[str, Any]] = (),
    deadletter: Iterable[Mapping[str, Any]] = (),
) -> str:
    """The page of one night: ``report``, the nights of ``trend`` (oldest first, tonight's last)
    and a few of tonight's dead-lettered items."""
    view = ReportView(report)
    numbers = Numbers(view.night)
    samples = Samples.of(deadletter)
    trends = _trends(trend or [report])
    for entry in trends:
        entry["svg"] = Markup(entry["chart"].svg)  # made by svg.py, every text in it escaped
    dropped = view.get("dropped_by_reason")
    headline = [
        ("postings", numbers.of(view.get("postings"))),
        ("live jobs", numbers.of(view.get("live_jobs"))),
        ("new or updated jobs", numbers.of(view.get("new_or_updated_jobs"))),
        ("expired postings", numbers.of(view.get("expired_postings"))),
        ("duplicate postings", numbers.of(view.get("duplicate_postings"))),
        ("failing boards", numbers.of(view.get("failing_boards"))),
        ("postings held", numbers.of(view.get("postings_held"))),
        ("requests sent", numbers.of(view.requests("sent"))),
        ("details from cache", numbers.of(view.requests("details_from_cache"))),
        ("duration", numbers.of(view.get("duration_seconds"), "secs")),
    ]
    dropped_path = dropped.path or ()
    unread = view.get("not_read_in_full").value
    return _ENV.get_template("report.html.j2").render(
        night=view.night,
        status=view.status,
        world=view.get("world").value,
        started_at=str(view.get("started_at").value or ""),
        finished_at=str(view.get("finished_at").value or ""),
        health=_health(view, numbers),
        # What the summary ends with, said once (scrapers/night/report.py); a report of before
        # issue 19 read with the new names.
        problems=list(source_problem_lines(with_new_names(report), "the night's log")),
        headline=headline,
        dropped=[
            (reason, numbers.of(Figure(count, (*dropped_path, reason))))
            for reason, count in sorted((dropped.value or {}).items())
        ]
        if isinstance(dropped.value, Mapping)
        else [],
        not_read_in_full=[str(line) for line in unread] if isinstance(unread, list) else [],
        sources=[_source_row(source, numbers, samples) for source in view.sources()],
        trends=trends,
        trend_span=len(trend or [report]),
        samples=samples.groups,
    )


def render_index(past: Sequence[PastNight]) -> str:
    """The index of a feeds folder's nights, newest first."""
    rows = []
    for night in sorted(past, key=lambda n: n.night, reverse=True):
        if night.report is None:
            rows.append({"night": night.night, "problem": night.problem, "link": None})
            continue
        view = ReportView(night.report)
        numbers = Numbers(night.night)
        findings = view.health()
        rows.append(
            {
                "night": night.night,
                "problem": None,
                "link": f"{night.night}/{REPORT_HTML}"
                if (night.folder / REPORT_HTML).exists()
                else None,
                "status": view.status,
                "figures": [
                    numbers.of(view.get("postings")),
                    numbers.of(view.get("live_jobs")),
                    numbers.of(view.get("new_or_updated_jobs")),
                    numbers.of(view.get("expired_postings")),
                    numbers.of(view.get("failing_boards")),
                    numbers.of(view.get("duration_seconds"), "secs"),
                ],
                "errors": None
                if findings is None
                else sum(f.get("severity") == "error" for f in findings),
                "warnings": None
                if findings is None
                else sum(f.get("severity") != "error" for f in findings),
                "world": bool(view.get("world").value),
            }
        )
    return _ENV.get_template("index.html.j2").render(rows=rows)


def write_report_html(
    staging: Path,
    report: Mapping[str, Any],
    feeds_dir: Path,
    deadletter: Iterable[Mapping[str, Any]] = (),
) -> Path:
    """``report.html`` into the night's staging folder, published with its other feeds; the
    trends read the nights before it in ``feeds_dir``."""
    target = staging / REPORT_HTML
    trend = trend_reports(feeds_dir, dict(report))
    write_text(target, render_report(report, trend, deadletter))
    return target


def write_index(feeds_dir: Path) -> Path:
    """``<feeds_dir>/index.html``, replaced in one step (a reader sees the old or the new)."""
    target = feeds_dir / INDEX_HTML
    text = render_index(nights(feeds_dir))
    descriptor, name = tempfile.mkstemp(dir=feeds_dir, prefix=f".{INDEX_HTML}.")
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, 0o644)  # mkstemp's 0600 would hide the page from a web server
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    fsync_dir(feeds_dir)
    return target
