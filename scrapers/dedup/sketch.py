"""Body sketches: a small sample of a clean body's shingles, and how much of one body another
holds (no Scrapy import)."""

from __future__ import annotations

import re
import struct
import zlib

from scrapers.dedup.fold import fold

SHINGLE_WORDS = 4
_PARAGRAPHS = re.compile(r"\n\s*\n")
# Keep a shingle when its hash is 0 mod this: a consistent sample keeps containment unbiased
# (bottom-k would not) and makes a posting's sketch four times smaller in memory and in state.
SAMPLE_MOD = 4
# A sketch smaller than this says too little to compare.
MIN_SKETCH = 4


def paragraphs(body: str | None) -> list[str]:
    """The body's paragraphs, folded: what a sketch is made of (and what else reads the folded
    body, once)."""
    return [folded for block in _PARAGRAPHS.split(body or "") if (folded := fold(block))]


def sketch(body: str | None, folded: list[str] | None = None) -> tuple[int, ...]:
    """Sorted sample of the hashes of the body's 4-word shingles, read across lines but not
    across paragraphs (``folded``: its :func:`paragraphs`, when already read).

    Boards re-wrap a posting: a list merged into one line, a sentence broken over two. Shingles
    read across line breaks change only where the words do. They never cross a blank line:
    boards also move whole sections, which would otherwise change the shingles at every edge.
    """
    grams: set[str] = set()
    for block in paragraphs(body) if folded is None else folded:
        words = block.split()
        if len(words) <= SHINGLE_WORDS:
            grams.add(block)
            continue
        grams.update(" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - 3))
    hashes = {zlib.crc32(g.encode("utf-8")) for g in grams}
    return tuple(sorted(h for h in hashes if h % SAMPLE_MOD == 0))


def pack_sketch(values: tuple[int, ...]) -> bytes:
    """The sketch as the state stores it: little-endian 32-bit hashes."""
    return struct.pack(f"<{len(values)}I", *values)


def unpack_sketch(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 4}I", blob)


def containment(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Share of the smaller sketch found in the larger: a truncated copy still scores high."""
    if len(a) < MIN_SKETCH or len(b) < MIN_SKETCH:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(set(small).intersection(large)) / len(small)
