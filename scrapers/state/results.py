"""What a night keeps of each posting it sees, and what it says of each posting and job once
settled (no Scrapy import).

A night keeps a :class:`Sighting` of each posting, not the item: a night of 100,000 postings
would otherwise hold every body in memory. The feed lines are rebuilt from the items afterwards
(:meth:`NightResult.posting`, :meth:`NightResult.job_line`), which the nightly pass re-reads from
the files its crawlers staged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scrapers.dedup.signature import Signature
from scrapers.state import PostingState


@dataclass(slots=True)
class Sighting:
    """What a night keeps of one posting crawled tonight: its signature and the few fields its
    state row and its job's ``sources`` repeat, then what the night says of it."""

    id: str
    source: str | None
    url: str | None
    original_url: str | None
    fingerprint: str
    valid_through: str | None
    sig: Signature | None  # None once the night's ledger has built its state row
    status: str = ""
    first_seen: str = ""
    duplicate_of: str | None = None
    board: str | None = None  # the board it was read from tonight, when known

    @classmethod
    def of(cls, item: Mapping[str, Any], sig: Signature | None = None) -> Sighting:
        """``item``'s sighting, with its signature ``sig`` when its crawl staged it."""
        return cls(
            id=item["id"],
            source=item.get("source"),
            url=item.get("url"),
            original_url=item.get("original_url"),
            fingerprint=item["fingerprint"],
            valid_through=item.get("valid_through"),
            sig=sig if sig is not None else Signature.of(item),
        )


@dataclass
class Job:
    """One line of jobs.jsonl: the line of posting ``head`` with the job's status and sources."""

    head: str
    status: str
    sources: list[dict[str, Any]]


@dataclass
class NightResult:
    # id -> (status, first_seen, duplicate_of) of every posting crawled tonight
    marks: dict[str, tuple[str, str, str | None]]
    order: list[str]  # ids in postings.jsonl order: by source, then id
    jobs: list[Job]  # by id
    expired: list[dict[str, Any]]
    rows: list[PostingState]
    duplicates: dict[str, int] = field(default_factory=dict)

    @property
    def delta(self) -> list[Job]:
        return [job for job in self.jobs if job.status != "unchanged"]

    def posting(self, item: dict[str, Any]) -> dict[str, Any]:
        """Tonight's ``item`` as postings.jsonl holds it (annotated in place)."""
        item["status"], item["first_seen"], item["duplicate_of"] = self.marks[item["id"]]
        return item

    def job_line(self, job: Job, head: dict[str, Any]) -> dict[str, Any]:
        """The jobs.jsonl line of ``job``, given the item of its head posting."""
        return {
            **self.posting(head),
            "duplicate_of": None,
            "status": job.status,
            "sources": job.sources,
        }
