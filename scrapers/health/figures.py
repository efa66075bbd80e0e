"""What a night's health is judged on: per source and per board, the figures of one night
(no Scrapy import).

A night's figures are read from its report (``scrapers/night/report.py``), so the health
monitors judge exactly what the report says, and kept in the state with the night
(``StateStore.commit_night(…, figures=…)``) as plain JSON, so any store can hold them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scrapers.night.report import with_new_names

# What a reason's kind stops at: the detail after it (a URL, a body, a count) differs from one
# night to the next while the kind of failure stays the same.
_KIND_END = re.compile(r":\s| from | \(| while |, first |;")
_URL = re.compile(r"\S+://\S+")
_NUMBER = re.compile(r"\d+")


def error_kind(reason: str) -> str:
    """The kind of a reason a board was not read in full: ``HTTP 503 from https://…
    (text/html, …)`` is ``HTTP 503``, ``redirect loop: a -> b`` is ``redirect loop``, ``3
    request(s) lost…`` is ``N request(s) lost``; status codes stay, other numbers become N."""
    head = _URL.sub("", _KIND_END.split(reason, maxsplit=1)[0]).strip() or reason
    if head.startswith("HTTP "):
        return head
    return _NUMBER.sub("N", head)


@dataclass(frozen=True)
class BoardFigures:
    postings: int = 0
    failing: bool = False  # the board's list failed tonight (an error, not only cut short)
    kinds: tuple[str, ...] = ()  # kinds of why it was not read in full


@dataclass(frozen=True)
class SourceFigures:
    postings: int = 0
    dead_letters: int = 0  # items dropped to the dead letters, every reason
    coverage: dict[str, float] = field(default_factory=dict)  # field -> share of postings filled
    kinds: tuple[str, ...] = ()  # kinds of why a board or the crawl was not read in full
    boards: dict[str, BoardFigures] = field(default_factory=dict)

    @property
    def dead_letter_share(self) -> float:
        """Dropped items over everything the source yielded (exported or dropped)."""
        total = self.postings + self.dead_letters
        return self.dead_letters / total if total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "postings": self.postings,
            "dead_letters": self.dead_letters,
            "coverage": dict(sorted(self.coverage.items())),
            "kinds": list(self.kinds),
            "boards": {
                name: {"postings": b.postings, "failing": b.failing, "kinds": list(b.kinds)}
                for name, b in sorted(self.boards.items())
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceFigures:
        return cls(
            postings=int(data.get("postings") or 0),
            dead_letters=int(data.get("dead_letters") or 0),
            coverage={k: float(v) for k, v in (data.get("coverage") or {}).items()},
            kinds=tuple(data.get("kinds") or ()),
            boards={
                name: BoardFigures(
                    postings=int(b.get("postings") or 0),
                    failing=bool(b.get("failing")),
                    kinds=tuple(b.get("kinds") or ()),
                )
                for name, b in (data.get("boards") or {}).items()
            },
        )


NightFigures = dict[str, SourceFigures]  # per source


def source_figures(report: Mapping[str, Any]) -> SourceFigures:
    """One source's figures from its part of report.json (``report["sources"][name]``)."""
    failing = report.get("failing_boards") or {}
    not_read = report.get("not_read_in_full") or {}
    boards: dict[str, BoardFigures] = {}
    for name in sorted({*(report.get("boards") or {}), *failing, *not_read}):
        counters = (report.get("boards") or {}).get(name) or {}
        boards[name] = BoardFigures(
            postings=int(counters.get("postings") or 0),
            failing=bool(failing.get(name) or counters.get("errors")),
            kinds=tuple(sorted({error_kind(why) for why in not_read.get(name) or ()})),
        )
    kinds = {kind for board in boards.values() for kind in board.kinds}
    finish = report.get("finish_reason")
    if finish not in (None, "finished"):
        kinds.add(f"crawl did not finish ({finish})")
    return SourceFigures(
        postings=int(report.get("postings") or 0),
        dead_letters=sum(int(n) for n in (report.get("dropped_by_reason") or {}).values()),
        coverage={k: float(v) for k, v in (report.get("field_coverage") or {}).items()},
        kinds=tuple(sorted(kinds)),
        boards=boards,
    )


def night_figures(report: Mapping[str, Any]) -> NightFigures:
    """Every source's figures from a night's report.json, of either vintage (the old names of
    a report written before issue 19 read as the new)."""
    report = with_new_names(report)
    return {name: source_figures(part) for name, part in sorted(report["sources"].items())}


def figures_to_json(figures: NightFigures) -> dict[str, dict[str, Any]]:
    return {name: source.to_json() for name, source in sorted(figures.items())}


def figures_from_json(data: Mapping[str, Mapping[str, Any]]) -> NightFigures:
    return {name: SourceFigures.from_json(source) for name, source in data.items()}
