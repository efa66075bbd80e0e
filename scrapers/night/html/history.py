"""The nights of a feeds folder, read from their ``report.json`` (no Scrapy import).

The trend charts and ``index.html`` read the same folders: ``<feeds>/<YYYY-MM-DD>/report.json``.
A report that cannot be read (cut short, edited by hand) is listed as unreadable, never fatal:
the pages are derived, and the night that writes them has already published its feeds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NIGHT_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")
TREND_NIGHTS = 30  # the charts' span, tonight included


@dataclass(frozen=True)
class PastNight:
    night: str
    folder: Path
    report: dict[str, Any] | None  # None when report.json could not be read
    problem: str | None = None


def night_folders(feeds_dir: Path) -> list[Path]:
    """Published night folders in ``feeds_dir``, oldest first (staging folders start with a dot
    and are never among them)."""
    if not feeds_dir.is_dir():
        return []
    return sorted(
        path for path in feeds_dir.iterdir() if path.is_dir() and NIGHT_NAME.fullmatch(path.name)
    )


def read_night(folder: Path) -> PastNight:
    path = folder / "report.json"
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return PastNight(folder.name, folder, None, "no report.json")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return PastNight(folder.name, folder, None, f"report.json unreadable: {error}")
    if not isinstance(report, dict):
        return PastNight(folder.name, folder, None, "report.json is not an object")
    return PastNight(folder.name, folder, report)


def nights(feeds_dir: Path) -> list[PastNight]:
    """Every published night of ``feeds_dir``, oldest first."""
    return [read_night(folder) for folder in night_folders(feeds_dir)]


def trend_reports(
    feeds_dir: Path, tonight: dict[str, Any], span: int = TREND_NIGHTS
) -> list[dict[str, Any]]:
    """The reports of the nights before tonight's in ``feeds_dir`` that can be read, and
    tonight's (not yet published: it is being staged), the last ``span`` of them, oldest first."""
    night = str(tonight.get("night", ""))
    earlier = [
        past.report for past in nights(feeds_dir) if past.report is not None and past.night < night
    ]
    return [*earlier, tonight][-span:]
