"""What every source's failing boards are made of (see ``tests/support/faults/__init__.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from scrapers.world import Recording

JSON = [("Content-Type", "application/json; charset=utf-8")]
XML = [("Content-Type", "application/xml; charset=utf-8")]
HTML = [("Content-Type", "text/html; charset=utf-8")]
TEXT = [("Content-Type", "text/plain")]
ALLOW_ALL = b"User-agent: *\nAllow: /\n"


@dataclass(frozen=True)
class Faults:
    """How the contract's boards look on one source. ``gone``/``broken``/``empty`` name boards
    (None where the source has no such case: an unknown Welcome to the Jungle organisation is
    just an empty search); ``recordings`` makes their answers (a board with no recording at all
    is answered 404 by the world, as a source answers an unknown board); ``extra`` are further
    boards the source's own tests check on the same night."""

    gone: str | None
    broken: str | None
    empty: str | None
    recordings: Callable[[], list[Recording]]
    extra: tuple[str, ...] = ()
    # Options of the source's table in the sources file beside its boards.
    options: dict[str, object] = field(default_factory=dict)

    @property
    def boards(self) -> tuple[str, ...]:
        return tuple(b for b in (self.gone, self.broken, self.empty, *self.extra) if b)


def get(url: str, body: bytes, status: int = 200, headers=JSON) -> Recording:
    return Recording("GET", url, status, headers, body)


def robots(origin: str) -> Recording:
    return get(f"{origin}/robots.txt", ALLOW_ALL, headers=TEXT)
