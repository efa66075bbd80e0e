"""The one reader of ``report.json``'s names for the HTML pages (no Scrapy import).

Issue 19 renames the report's jargon (``items`` → ``postings``, ``hits`` → ``listed``…; the table
is in SPEC19 and ``docs/report.md``). New reports carry the new names (and, for one release, the
old ones beside them); the reports of earlier nights in a feeds folder keep the old names for
ever. Every figure the pages show is read here: the new name first, else the old one.

A :class:`Figure` keeps where in the report its value was read (``path``), so the page can name
it (``data-report``) and a test can check the number shown against the very key it came from.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from scrapers.night.report import report_names

Path = tuple[str | int, ...]

# new name: old name, at each level of the report, from the one table of the report's names.
_NAMES = report_names()
TOP_OLD = {new: old for old, new in _NAMES["renamed"]["night"].items()}
REQUESTS_OLD = {new: old for old, new in _NAMES["renamed"]["requests"].items()}
# An old "unparsed" held more than what is not understood (docs/report.md): read only as a last
# resort, from a report written before the split.
SOURCE_OLD = {new: old for old, new in _NAMES["renamed"]["source"].items()}
BOARD_OLD = {new: old for old, new in _NAMES["board_counters"].items() if old != new}


@dataclass(frozen=True)
class Figure:
    """A value of the report and where it was read; ``path`` is None when the report has none."""

    value: Any
    path: Path | None

    @property
    def present(self) -> bool:
        return self.path is not None


MISSING = Figure(None, None)


def _read(node: Any, at: Path, key: str, old: Mapping[str, str]) -> Figure:
    if not isinstance(node, Mapping):
        return MISSING
    for name in (key, old.get(key)):
        if name is not None and name in node:
            return Figure(node[name], (*at, name))
    return MISSING


class SourceView:
    """One source of a report (``sources.<name>``)."""

    def __init__(self, name: str, data: Mapping[str, Any]) -> None:
        self.name = name
        self.data = data
        self.at: Path = ("sources", name)

    def get(self, key: str) -> Figure:
        return _read(self.data, self.at, key, SOURCE_OLD)

    def mapping(self, key: str) -> dict[str, Any]:
        """A figure that is a mapping (drops by reason, failing boards…), empty when absent."""
        value = self.get(key).value
        return dict(value) if isinstance(value, Mapping) else {}

    def boards(self) -> Iterator[BoardView]:
        for board, counts in sorted(self.mapping("boards").items()):
            yield BoardView(board, counts, (*self.at, "boards", board))


class BoardView:
    def __init__(self, name: str, data: Mapping[str, Any], at: Path) -> None:
        self.name = name
        self.data = data
        self.at = at

    def get(self, key: str) -> Figure:
        return _read(self.data, self.at, key, BOARD_OLD)


class ReportView:
    """A night's ``report.json``, of any format since the first."""

    def __init__(self, report: Mapping[str, Any]) -> None:
        self.report = report

    @property
    def night(self) -> str:
        return str(self.report.get("night", ""))

    @property
    def status(self) -> str:
        return str(self.report.get("status") or "unknown")

    def get(self, key: str) -> Figure:
        if key in ("night", "status", "started_at", "finished_at", "duration_seconds", "world"):
            return Figure(self.report[key], (key,)) if key in self.report else MISSING
        return _read(self.report, (), key, TOP_OLD)

    def requests(self, key: str) -> Figure:
        return _read(self.report.get("requests"), ("requests",), key, REQUESTS_OLD)

    def sources(self) -> list[SourceView]:
        sources = self.report.get("sources")
        if not isinstance(sources, Mapping):
            return []
        return [SourceView(name, data) for name, data in sorted(sources.items())]

    def source(self, name: str) -> SourceView | None:
        data = (self.report.get("sources") or {}).get(name)
        return SourceView(name, data) if isinstance(data, Mapping) else None

    def health(self) -> list[dict[str, Any]] | None:
        """The health findings (SPEC19), or None for a report made before there were any."""
        health = self.report.get("health")
        if not isinstance(health, list):
            return None
        return [finding for finding in health if isinstance(finding, Mapping)]


def resolve(report: Any, path: Path) -> Any:
    """The value at ``path`` in ``report`` (what a :class:`Figure`'s path names)."""
    node = report
    for step in path:
        node = node[step]
    return node
