"""What a night is asked to do, decided before it starts, and where its files go (no Scrapy
import)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The night's feeds, beside its per-source files in sources/ and deadletter/.
FEEDS = ("postings.jsonl", "jobs.jsonl", "delta.jsonl", "expired.jsonl", "deadletter.jsonl")
REPORT = "report.json"
# The night's page (scrapers/night/html/), staged and published with the feeds.
REPORT_HTML = "report.html"
# Suffixes of the folders a night works in beside its own: ``.<night><suffix>``.
STAGING_SUFFIX = ".partial"
REPLACED_SUFFIX = ".replaced"


@dataclass(frozen=True)
class NightPlan:
    night: str  # YYYY-MM-DD: the feeds folder's name
    now: str  # ISO 8601 UTC: first_seen and last_seen of tonight's postings
    sources: tuple[str, ...]  # spider names, in the order their postings are published
    feeds_dir: Path
    state: str  # the state's location (scrapers.state.open_store)
    expire_after: int  # nights unseen before a posting expires
    world: str | None  # the recorded world replayed, None for a live crawl
    rebuild: bool = False  # run a night earlier than the state's last, on purpose
    workers: int = 0  # worker processes crawling the boards (scrapers/workers/); 0: one process

    @property
    def out(self) -> Path:
        """Where tonight's feeds are published."""
        return self.feeds_dir / self.night

    @property
    def staging(self) -> Path:
        """Where tonight's files are written until the night completes."""
        return self.feeds_dir / f".{self.night}{STAGING_SUFFIX}"

    @property
    def replaced(self) -> Path:
        """Where an earlier run of tonight's folder waits while tonight's takes its place."""
        return self.feeds_dir / f".{self.night}{REPLACED_SUFFIX}"

    def staged_items(self, source: str) -> Path:
        """The file a source's crawler exports its items to."""
        return self.staging / "sources" / f"{source}.jsonl"

    def staged_deadletter(self, source: str) -> Path:
        """The file a source's crawler writes its dropped items to."""
        return self.staging / "deadletter" / f"{source}.jsonl"
