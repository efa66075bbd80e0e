"""One night at a time in a feeds folder: an OS lock on ``<feeds>/.crawlall.lock`` (no Scrapy
import).

``flock`` is held by the open file, so the kernel releases it when the process ends however it
ends (``kill -9`` included): a lock left by a dead night never blocks the next one. The file holds
its holder (pid, start time, night) for the message a second night prints; it is removed when the
night ends, and a left-over file is simply locked again.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from scrapers.night.status import NightRunning

LOCK_FILE = ".crawlall.lock"


class NightLock:
    """Held by one night of ``feeds_dir`` from ``__enter__`` to ``__exit__`` (creating the
    folder); a second one raises :class:`NightRunning`, naming the holder."""

    def __init__(self, feeds_dir: Path, night: str) -> None:
        self.path = feeds_dir / LOCK_FILE
        self.night = night
        self.descriptor: int | None = None

    def __enter__(self) -> NightLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read(descriptor)
                os.close(descriptor)
                raise NightRunning(
                    f"another night is running in {self.path.parent} ({holder}): "
                    f"this one did not start (lock {self.path})"
                ) from None
            # The holder before us may have removed the file between our open and our lock:
            # a lock on a removed file guards nothing, so open the path again.
            if _same_file(descriptor, self.path):
                break
            os.close(descriptor)
        self.descriptor = descriptor
        holder = {
            "pid": os.getpid(),
            "started": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "night": self.night,
        }
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, (json.dumps(holder) + "\n").encode("utf-8"), 0)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.descriptor is None:
            return
        # Removed while still held, so no other night ever holds a file about to vanish.
        self.path.unlink(missing_ok=True)
        os.close(self.descriptor)  # releases the lock
        self.descriptor = None


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _read(descriptor: int) -> str:
    """The holder, as the message names it."""
    raw = os.pread(descriptor, 4096, 0).decode("utf-8", "replace")
    try:
        holder = json.loads(raw)
        return f"pid {holder['pid']}, started {holder['started']}, night {holder['night']}"
    except (ValueError, KeyError, TypeError):
        # The holder has its lock but has not written its name yet.
        return "holder not yet recorded"
