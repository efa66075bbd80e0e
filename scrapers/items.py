"""The item every spider yields and every feed line carries (contract v1, see docs/items.md).

Spiders fill the raw fields; pipelines fill the normalised ones. Pipelines read and write items
through ``ItemAdapter``, so a plain ``dict`` with these keys works as well as :class:`JobPosting`.
Field order here is the column order of every feed (Scrapy >= 2.18 exports in declaration order).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class JobPosting:
    # Filled by spiders: what the source shows, as it shows it.
    url: str | None = None
    source: str | None = None
    source_id: str | None = None
    title: str | None = None
    company: str | None = None
    company_description: str | None = None
    location_raw: str | None = None
    remote_raw: str | None = None
    employment_type_raw: str | None = None
    seniority_raw: str | None = None
    salary_raw: str | None = None
    date_posted_raw: str | None = None
    department: str | None = None
    description_html: str | None = None
    description: str | None = None
    apply_url: str | None = None
    original_url: str | None = None
    page_language: str | None = None
    crawled_at: str | None = None
    # Filled by pipelines (a spider may set one from structured data; pipelines keep it).
    id: str | None = None
    locations: list[dict[str, Any]] = field(default_factory=list)
    remote: str | None = None
    employment_type: str | None = None
    seniority: str | None = None
    salary: dict[str, Any] | None = None
    date_posted: str | None = None
    valid_through: str | None = None
    skills: list[str] = field(default_factory=list)
    boilerplate: list[dict[str, str]] = field(default_factory=list)
    # Fields cut to their size limit (scrapers/data/sanitise.toml): never silently.
    truncated: list[str] = field(default_factory=list)
    language: str | None = None
    language_confidence: float | None = None
    secondary_language: str | None = None
    fingerprint: str | None = None
    duplicate_of: str | None = None
    status: str | None = None
    first_seen: str | None = None


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(JobPosting))
