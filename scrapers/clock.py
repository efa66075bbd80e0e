"""The crawl clock, read here and nowhere else (no Scrapy import).

``JOBSIEVE_CRAWL_TIME`` (ISO 8601) freezes it, so a run on recorded responses gives the same feeds
every time; unset, it is the real time of each reading. Everything a crawl dates — ``crawled_at``,
relative ages, tonight's feeds folder, the state's first and last seen, the detail cache's ages —
reads this clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SETTING = "JOBSIEVE_CRAWL_TIME"
# What the setting takes, for the message when it takes something else.
EXPECTED = "an ISO 8601 date and time, such as 2026-11-22T03:00:00Z"


def parse_crawl_time(value: Any) -> datetime | None:
    """The frozen time ``JOBSIEVE_CRAWL_TIME`` says, None when unset; ValueError naming the setting
    and what it takes when it says something else."""
    if value is None or value == "":
        return None
    try:
        return datetime.fromisoformat(str(value)).astimezone(UTC)
    except ValueError:
        raise ValueError(f"{SETTING}={value!r} is not {EXPECTED}") from None


def utc_stamp(moment: datetime) -> str:
    """ISO 8601 UTC to the second, as every feed writes times: ``2026-11-22T03:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class CrawlClock:
    frozen: datetime | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | Any) -> CrawlClock:
        return cls(parse_crawl_time(settings.get(SETTING)))

    def now(self) -> datetime:
        return self.frozen or datetime.now(UTC)

    def stamp(self) -> str:
        return utc_stamp(self.now())

    def night_and_stamp(self) -> tuple[str, str]:
        """(night ``YYYY-MM-DD``, now ISO 8601 UTC), read at one instant."""
        now = self.now()
        return now.strftime("%Y-%m-%d"), utc_stamp(now)
