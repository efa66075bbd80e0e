"""The night's health step (no Scrapy import): the previous nights' figures from the state,
sources that returned nothing held before the night settles its expiry, and tonight's findings
in the report (``scrapers/health/`` judges; docs/health.md).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from scrapers.completeness import INCOMPLETE, add_reason, board_counters
from scrapers.health import ERROR, Finding, HealthSettings, NightFigures, judge, silent_sources
from scrapers.health.figures import figures_from_json, figures_to_json, night_figures
from scrapers.health.monitors import boards_of
from scrapers.night.status import DEGRADED, FAILED
from scrapers.state import StateStore

logger = logging.getLogger(__name__)

History = list[tuple[str, NightFigures]]
# The board a silent source's postings are held under when no board of it is known (never
# seen: a source counting postings counts them per board).
ALL_BOARDS = "(every board)"


def load_history(store: StateStore, night: str, settings: HealthSettings) -> History:
    """The figures of the nights before ``night`` that the monitors compare it with."""
    return [
        (earlier, figures_from_json(figures))
        for earlier, figures in store.night_figures(before=night, limit=settings.nights)
    ]


def silent_reason(last: int) -> str:
    return (
        f"returned no postings tonight ({last} on its last night with any): held by the "
        "health check, none of its postings expires tonight"
    )


def hold_silent_sources(
    stats: Mapping[str, dict[str, Any]], history: History, settings: HealthSettings
) -> dict[str, int]:
    """Each source with no posting tonight where a previous night had some has every board it
    had (tonight or on the nights compared with) marked as not read in full, with why, in its
    crawler's ``stats``: its postings are held, not expired, and the night's completeness, status
    and report all say so. Returns ``{source: postings on its last night with any}``.

    Decided before settle: expiry reads what was read in full from these stats."""
    tonight = {name: int(s.get("item_scraped_count") or 0) for name, s in stats.items()}
    silent = silent_sources(tonight, history, settings)
    for source, last in silent.items():
        source_stats = stats[source]
        boards = set(board_counters(source, source_stats)) | boards_of(source, history)
        reasons = {board: list(why) for board, why in (source_stats.get(INCOMPLETE) or {}).items()}
        for board in sorted(boards) or [ALL_BOARDS]:
            add_reason(reasons, board, silent_reason(last))
        source_stats[INCOMPLETE] = reasons
        logger.error(
            "%s returned no postings tonight (%d on its last night with any): its postings are "
            "held, none expires tonight",
            source,
            last,
        )
    return silent


def judge_night(
    report: dict[str, Any], history: History, settings: HealthSettings
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The report with its ``health`` findings (after ``status``; always present) and the
    status they make, and tonight's figures to keep in the state."""
    figures = night_figures(report)
    findings = judge(figures, history, settings)
    for finding in findings:
        level = logging.ERROR if finding.severity == ERROR else logging.WARNING
        logger.log(level, "health: %s", finding.message)
    status = health_status(report.get("status"), findings)
    judged: dict[str, Any] = {}
    for key, value in report.items():
        if key != "health":
            judged[key] = status if key == "status" else value
        if key == "status":
            judged["health"] = [f.to_json() for f in findings]
    judged.setdefault("health", [f.to_json() for f in findings])
    return judged, figures_to_json(figures)


def health_status(status: str | None, findings: list[Finding]) -> str | None:
    """A night with an ``error`` finding is ``degraded`` unless it already ``failed``."""
    if status is None or status == FAILED:
        return status
    return DEGRADED if any(f.severity == ERROR for f in findings) else status
