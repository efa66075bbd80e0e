"""The health monitors' thresholds, from the ``JOBSIEVE_HEALTH_*`` settings, with per-source
overrides (no Scrapy import: read from any mapping of settings)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

# Setting name of each threshold (the per-source table's keys are the field names).
SETTING = {
    "nights": "JOBSIEVE_HEALTH_NIGHTS",
    "drop_share": "JOBSIEVE_HEALTH_DROP_SHARE",
    "min_postings": "JOBSIEVE_HEALTH_MIN_POSTINGS",
    "coverage_points": "JOBSIEVE_HEALTH_COVERAGE_POINTS",
    "failing_nights": "JOBSIEVE_HEALTH_FAILING_NIGHTS",
    "dead_letter_points": "JOBSIEVE_HEALTH_DEAD_LETTER_POINTS",
}
PER_SOURCE = "JOBSIEVE_HEALTH_SOURCES"


@dataclass(frozen=True)
class Thresholds:
    # Previous nights a night is compared with (their median, or the last for streaks).
    nights: int = 7
    # Postings below (1 - share) × the previous nights' median: a drop.
    drop_share: float = 0.3
    # Baselines below this many postings (or items, for the dead-letter share) are not judged
    # for drops, coverage or dead letters: a handful of postings swings by chance.
    min_postings: int = 10
    # A field's coverage down by more than this many percentage points.
    coverage_points: float = 20.0
    # A board whose list fails this many nights in a row (tonight included).
    failing_nights: int = 3
    # The dead-letter share up by more than this many percentage points.
    dead_letter_points: float = 10.0


# What each threshold takes, in words (the settings check's message says it too).
EXPECTED = {
    "nights": "a whole number of nights, 1 or more",
    "drop_share": "a share between 0 and 1 (0.3 = 30 %)",
    "min_postings": "a whole number of postings, 0 or more",
    "coverage_points": "a number of percentage points, 0 or more",
    "failing_nights": "a whole number of nights, 1 or more",
    "dead_letter_points": "a number of percentage points, 0 or more",
}


def threshold_value(name: str, raw: Any) -> int | float:
    """A threshold's value as its field takes it (a string from ``-s`` too); ValueError (with no
    message: the caller says what it takes) otherwise."""
    whole = next(f.type for f in fields(Thresholds) if f.name == name) == "int"
    if isinstance(raw, bool) or (whole and isinstance(raw, float)):
        raise ValueError
    try:
        number: int | float = int(str(raw).strip()) if whole else float(str(raw).strip())
    except ValueError:
        raise ValueError from None
    low = 1 if name in {"nights", "failing_nights"} else 0
    if number < low or (name == "drop_share" and not 0 < number < 1):
        raise ValueError
    return number


def per_source_table(raw: Any) -> dict[str, dict[str, int | float]]:
    """``JOBSIEVE_HEALTH_SOURCES``: ``{source: {threshold: value}}``, a dict or its JSON (as
    ``-s`` gives it); ValueError naming what is wrong."""
    if raw in (None, ""):
        return {}
    table = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(table, Mapping):
        raise ValueError("not a table of sources")
    checked: dict[str, dict[str, int | float]] = {}
    for source, overrides in table.items():
        if not isinstance(overrides, Mapping):
            raise ValueError(f"{source}: not a table of thresholds")
        unknown = sorted(set(overrides) - set(SETTING))
        if unknown:
            known = ", ".join(SETTING)
            raise ValueError(f"{source}: unknown threshold {unknown[0]!r} (known: {known})")
        checked[str(source)] = {}
        for name, value in overrides.items():
            try:
                checked[str(source)][name] = threshold_value(name, value)
            except ValueError:
                raise ValueError(f"{source}: {name}={value!r} is not {EXPECTED[name]}") from None
    return checked


@dataclass(frozen=True)
class HealthSettings:
    """The thresholds of every source: the defaults, and each source's overrides."""

    default: Thresholds = field(default_factory=Thresholds)
    sources: Mapping[str, Mapping[str, int | float]] = field(default_factory=dict)

    def of(self, source: str) -> Thresholds:
        return replace(self.default, **self.sources.get(source, {}))

    @property
    def nights(self) -> int:
        """How many previous nights to load: the most any source compares with."""
        return max([self.of(name).nights for name in self.sources] + [self.default.nights])

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> HealthSettings:
        values = {
            name: threshold_value(name, settings[setting])
            for name, setting in SETTING.items()
            if settings.get(setting) not in (None, "")
        }
        return cls(Thresholds(**values), per_source_table(settings.get(PER_SOURCE)))
