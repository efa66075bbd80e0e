"""Health monitors across nights: tonight's figures against the previous nights' kept in the
state, per source and per board (no Scrapy import). See docs/health.md."""

from scrapers.health.figures import NightFigures, SourceFigures, night_figures
from scrapers.health.monitors import ERROR, WARNING, Finding, judge, silent_sources
from scrapers.health.thresholds import HealthSettings, Thresholds

__all__ = [
    "ERROR",
    "WARNING",
    "Finding",
    "HealthSettings",
    "NightFigures",
    "SourceFigures",
    "Thresholds",
    "judge",
    "night_figures",
    "silent_sources",
]
