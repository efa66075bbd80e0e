"""What every extractor returns or raises, and how it reads a list one entry at a time (no Scrapy
import)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

# What a dead letter keeps of a raw entry that failed: enough to see it, not a whole body.
RAW_LIMIT = 2000
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Entry = TypeVar("Entry")
Parsed = TypeVar("Parsed")


class SourceFormatError(ValueError):
    """The response cannot be read as the source's format (malformed JSON, missing keys, …)."""


class HiddenEntry(SourceFormatError):
    """An entry the board lists but marks as not public (an unlisted Ashby job): skipped and
    counted as any skipped entry, but the normal life of a board, not a format problem (logged
    at INFO: ``scrapers/terminal.py``)."""


class ExpectedSkip(str):
    """Why an entry was skipped, when skipping it is the normal life of a board (a hidden entry,
    a job page gone since the list was read): logged at INFO, counted as skipped."""


@dataclass
class FailedPosting:
    """One entry of a list whose extraction raised an unexpected exception: the rest of the list
    was read; this entry goes to the dead letters (reason ``error``) with its id and the cause."""

    source_id: str | None  # as far as the entry says, else None
    cause: str  # one line: the exception's type and message
    raw: str  # the entry as JSON (or its repr), cut to RAW_LIMIT characters

    @classmethod
    def of(
        cls,
        entry: Any,
        error: Exception,
        id_of: Callable[[Any], Any],
        show: Callable[[Any], str] | None = None,
    ) -> FailedPosting:
        try:
            found = id_of(entry)
        except Exception:
            found = None
        source_id = " ".join(str(found).split()) if found not in (None, "") else None
        message = " ".join(str(error).split())
        cause = f"{type(error).__name__}: {message}" if message else type(error).__name__
        try:
            raw = show(entry) if show else json.dumps(entry, ensure_ascii=False, default=repr)
        except (TypeError, ValueError):
            raw = repr(entry)
        return cls(
            source_id=replace_surrogates(source_id) if source_id else None,
            cause=replace_surrogates(cause),
            raw=replace_surrogates(raw[:RAW_LIMIT]),
        )


@dataclass
class Extracted:
    """Raw item fields of the postings a response holds, why any entry of it was skipped, and
    the entries whose extraction failed."""

    postings: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # What the response says of each posting's version (an ``updated_at``), by source_id: a later
    # night whose list shows the same version need not fetch the posting's detail again.
    versions: dict[str, str] = field(default_factory=dict)
    failed: list[FailedPosting] = field(default_factory=list)


class EntryLog(Protocol):
    """Where a list's skipped and failed entries are noted (an :class:`Extracted`, or a page
    object with the same two lists)."""

    skipped: list[str]
    failed: list[FailedPosting]


def entry_id(entry: Any) -> Any:
    """The ``id`` of a JSON object entry (most APIs' posting id)."""
    return entry.get("id") if isinstance(entry, dict) else None


def each_entry(
    entries: Iterable[Entry],
    parse: Callable[[Entry], Parsed],
    log: EntryLog,
    *,
    id_of: Callable[[Entry], Any] = entry_id,
    show: Callable[[Entry], str] | None = None,
) -> Iterator[tuple[Entry, Parsed]]:
    """``(entry, parse(entry))`` for each entry of a list that reads, each read in isolation.

    An entry that is not a posting of the source's format (``SourceFormatError``) is skipped,
    with why; any other exception is noted in ``log.failed`` with the entry's id (``id_of``), the
    cause and the entry (as JSON, or as ``show`` writes it), and the list goes on: one bad
    posting never costs the board."""
    for entry in entries:
        try:
            parsed = parse(entry)
        except HiddenEntry as error:
            log.skipped.append(ExpectedSkip(error))
            continue
        except SourceFormatError as error:
            log.skipped.append(str(error))
            continue
        except Exception as error:
            log.failed.append(FailedPosting.of(entry, error, id_of, show))
            continue
        yield entry, parsed


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (what a JSON ``\\ud800`` escape decodes to: no character
    at all, unwritable as UTF-8) replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def without_surrogates(value: Any) -> Any:
    """A JSON value (or raw item fields) with every lone surrogate in its strings replaced."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    return value
