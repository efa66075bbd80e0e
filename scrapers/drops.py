"""Why an item left the pipeline (no Scrapy import beyond the exception base)."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem


class RejectItem(DropItem):
    """A drop with a machine-readable reason; the dead-letter extension records every one."""

    def __init__(
        self,
        reason: str,
        message: str,
        details: list[dict[str, Any]] | None = None,
        log_level: str | None = None,
    ) -> None:
        super().__init__(f"{reason}: {message}", log_level=log_level)
        self.reason = reason
        self.details = details or []
