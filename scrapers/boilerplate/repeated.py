"""Runs of repeated fields after the body (a sidebar such as NoDegree's): `repeated_block`."""

from __future__ import annotations

from scrapers.boilerplate.fields import FIELD_CATEGORY, HEADER_VALUE_CATEGORY, Fields
from scrapers.boilerplate.page import Page

__all__ = ["apply_repeated_runs"]


def apply_repeated_runs(page: Page, fields: Fields, body_start: int) -> None:
    """After the header, runs of field values (a sidebar) are `repeated_block`.

    A run needs two field lines and one of them must be the title, a short field (company,
    location) or a header value: an employer's own "About <company>" + blurb alone is kept.
    Blocks already labelled (a "Share" button inside the sidebar) neither break nor join a run.
    """
    i = body_start
    while i < len(page):
        run: list[int] = []
        strong = False
        j = i
        while j < len(page):
            if page.labels[j] is not None:
                j += 1
                continue
            key = page.keys[j]
            category = fields.category(key)
            if category is None and key not in fields.about_keys:
                break
            strong = (
                strong
                or key == fields.title_key
                or category == HEADER_VALUE_CATEGORY
                or (category == FIELD_CATEGORY and len(key.split()) <= 4)
            )
            run.append(j)
            j += 1
        if len(run) >= 2 and strong:
            for k in run:
                page.labels[k] = "repeated_block"
        i = max(j, i + 1)
