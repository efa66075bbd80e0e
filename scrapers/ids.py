"""Posting ids live in :mod:`scrapers.dedup.ids`; this module keeps ``posting_id`` importable from
its old name for the importers that still use it (``pipelines/normalise.py``)."""

from scrapers.dedup.ids import posting_id

__all__ = ["posting_id"]
