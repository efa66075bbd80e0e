"""Small readers every extractor needs (no Scrapy import)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from scrapers.extractors.base import SourceFormatError


def text(value: Any) -> str | None:
    """A trimmed string, or None for None / blank (the contract never holds "")."""
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None


def join(values: Any, separator: str = ", ") -> str | None:
    parts = [t for t in (text(v) for v in values or []) if t]
    return separator.join(dict.fromkeys(parts)) or None


def epoch_ms_to_iso(value: Any) -> str | None:
    """Epoch milliseconds (Lever ``createdAt``) as ISO 8601 UTC; None when it is not a number."""
    try:
        moment = datetime.fromtimestamp(int(value) / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def load_json(body: bytes | str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise SourceFormatError(f"malformed JSON: {error}") from error
