"""What jobsieve remembers between nights, behind a small interface (no Scrapy import).

``open_store(location)`` gives a :class:`StateStore`: SQLite (one file, standard library, the
default) or PostgreSQL (``postgresql://…``, with the ``jobsieve[postgresql]`` extra), the same
methods with the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

STATUSES = ("new", "updated", "unchanged")


@dataclass
class PostingState:
    """One posting ``id`` as the state knows it."""

    id: str
    fingerprint: str
    source: str
    url: str
    original_url: str | None
    first_seen: str  # ISO 8601 UTC
    last_seen: str  # ISO 8601 UTC
    last_changed: str  # ISO 8601 UTC
    night: str  # YYYY-MM-DD of last_seen: the night whose status `status` is
    status: str
    cluster: str  # id of the cluster's canonical posting
    company: str  # normalised company (the clustering block)
    title: str  # normalised title words, space-separated
    cities: str  # folded city names, "|"-separated
    countries: str  # ISO codes, "|"-separated
    sketch: bytes  # packed body sketch (scrapers.dedup.sketch.pack_sketch)
    keys: str  # strong ATS keys, space-separated
    facets: str = "{}"  # JSON of scrapers.dedup.signature.Facets
    valid_through: str | None = None
    expired: str | None = None  # night it expired, None while live
    # The board it was last seen on (None: seen only before boards were recorded, or by a
    # `scrapy crawl`): a posting expires only on a night its board was read completely.
    board: str | None = None
    # Why it joined its cluster: the posting it matched and the evidence ("lever:…: company,
    # title, place, body 0.93"); None for a posting matched with none.
    matched: str | None = None


class StateStore(Protocol):
    def get(self, ids: Iterable[str]) -> dict[str, PostingState]: ...

    def ids_for_keys(self, keys: Iterable[str]) -> set[str]: ...

    def by_company(self, company: str) -> list[PostingState]: ...

    def company_titles(self, company: str) -> list[tuple[str, str]]:
        """(id, normalised title) of the live postings of a company: the cheap block scan."""
        ...

    def by_cluster(self, clusters: Iterable[str]) -> list[PostingState]: ...

    def stale(self, night: str, sources: Iterable[str], seen_before: str) -> list[PostingState]:
        """Postings of these sources that may be due to expire on ``night``: last seen on or
        before the night ``seen_before``, or past their ``valid_through``. Live, or expired on
        ``night`` (so a rerun of the night reports them again). Whether each board was read
        completely is the caller's to check (``scrapers.state.ledger.Expiry``)."""
        ...

    def commit_night(
        self,
        night: str,
        postings: Iterable[PostingState],
        complete: bool = True,
        forget_later: bool = False,
        figures: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """Write postings (upsert) and, for a ``complete`` night, mark it done: all or nothing.
        ``forget_later`` (a deliberate rebuild of an earlier night) also takes the nights after
        ``night`` off the list of nights done, so that they may be run again, in order.
        ``figures``: the night's figures per source (JSON-able; ``scrapers.health.figures``),
        kept in the same transaction and replacing any the night had."""
        ...

    def night_figures(self, before: str, limit: int) -> list[tuple[str, dict[str, dict[str, Any]]]]:
        """The figures of the last ``limit`` nights before ``before`` that have any, oldest
        first: ``[(night, {source: figures}), …]``."""
        ...

    def nights(self) -> list[str]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


# The URL schemes of a PostgreSQL state (libpq's two spellings).
POSTGRESQL_SCHEMES = ("postgresql", "postgres")
POSTGRESQL_DRIVER = (
    "the PostgreSQL driver is not installed: pip install 'jobsieve[postgresql]' (psycopg 3)"
)


class MissingDriver(ValueError):
    """A state URL whose store needs a package that is not installed."""


def scheme_of(location: str | Path) -> str | None:
    """The URL scheme of a state location (``sqlite``, ``postgresql``, …), None for a path."""
    text = str(location)
    if "://" in text or text.startswith("sqlite:"):
        return text.partition(":")[0]
    return None


def check_location(location: str | Path) -> None:
    """Raise ``ValueError`` (one line) for a location no store here can open: an unknown scheme,
    or a PostgreSQL URL without the driver installed. The server itself is not asked."""
    scheme = scheme_of(location)
    if scheme is None or scheme == "sqlite":
        return
    if scheme not in POSTGRESQL_SCHEMES:
        raise ValueError(f"no state store for {scheme!r}")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise MissingDriver(POSTGRESQL_DRIVER) from None


def open_store(location: str | Path) -> StateStore:
    """A store from a path (SQLite file) or a URL: ``sqlite:///abs/path``, ``sqlite:rel/path``,
    ``postgresql://user@host:5432/db`` (or ``postgres://``; any libpq URL).

    Raises ``ValueError`` with one line when the location cannot be opened (an unknown scheme,
    no driver, no server, a database of another schema version)."""
    text = str(location)
    scheme = scheme_of(text)
    if scheme is not None and scheme != "sqlite":
        try:
            check_location(text)
        except ValueError as error:
            hint = " (a path, sqlite:///… or postgresql://…)" if "store for" in str(error) else ""
            raise ValueError(f"JOBSIEVE_STATE {redacted(text)!r}: {error}{hint}") from None
        from scrapers.state.postgresql import PostgreSQLStore

        return PostgreSQLStore(text)
    from scrapers.state.sqlite import SQLiteStore

    if scheme == "sqlite":
        rest = text.partition(":")[2]
        path = rest[3:] if rest.startswith("///") else rest.removeprefix("//")
        if rest.startswith("///"):
            path = "/" + path
        return SQLiteStore(Path(path))
    return SQLiteStore(Path(text))


def redacted(location: str) -> str:
    """``location`` with any password in it replaced by ``***``, fit for a message or a log."""
    hidden = re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", location)
    return re.sub(r"([?&]password=)[^&]*", r"\1***", hidden)


def state_location(configured: str | None, feeds_dir: str | Path) -> str:
    """``JOBSIEVE_STATE``, else ``state.sqlite3`` beside the nights in the feeds folder."""
    return configured or str(Path(feeds_dir) / "state.sqlite3")
