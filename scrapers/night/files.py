"""JSON Lines read one line at a time, and files written to survive a crash (no Scrapy import)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO


@contextmanager
def durable(target: Path) -> Iterator[TextIO]:
    """A file written line by line and fsynced when done: once renamed into place, it survives a
    crash or power cut."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def write_text(target: Path, text: str) -> None:
    """Written and fsynced: once renamed into place, the file survives a crash or power cut."""
    with durable(target) as handle:
        handle.write(text)


def write_jsonl(target: Path, lines: Iterable[dict[str, Any]]) -> None:
    write_text(target, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))


def read_jsonl(parts: Iterable[Path]) -> list[dict[str, Any]]:
    """Every line of the files that exist, in order."""
    lines = []
    for part in parts:
        if part.exists():
            lines.extend(
                json.loads(raw)
                for raw in part.read_text(encoding="utf-8").splitlines()
                if raw.strip()
            )
    return lines


def scan_jsonl(part: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each line of a JSON Lines file with its byte offset, one at a time (blank lines skipped)."""
    if not part.exists():
        return
    with part.open("rb") as handle:
        offset = 0
        for raw in handle:
            text = raw.decode("utf-8")
            if text.strip():
                yield offset, json.loads(text)
            offset += len(raw)


def fsync_dir(folder: Path) -> None:
    """Make the renames into ``folder`` durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
