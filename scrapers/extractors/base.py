"""What every extractor returns or raises (no Scrapy import)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class SourceFormatError(ValueError):
    """The response cannot be read as the source's format (malformed JSON, missing keys, …)."""


@dataclass
class Extracted:
    """Raw item fields of the postings a response holds, and why any entry of it was skipped."""

    postings: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # What the response says of each posting's version (an ``updated_at``), by source_id: a later
    # night whose list shows the same version need not fetch the posting's detail again.
    versions: dict[str, str] = field(default_factory=dict)
