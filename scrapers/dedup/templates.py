"""Sentences one template fills in two ways: what tells two postings cut from one template apart
when their bodies are otherwise the same (no Scrapy import).

A board that copies a posting adds chrome around it, cuts it short, re-wraps or reorders it; it
does not rewrite the employer's sentences. Two postings written from one template (the next
cohort, a sister hospital, another requisition) share every sentence but the few the employer
filled in: "Al Andalus Hospital Nasr City is hiring…" and "Al Andalus Hospital Maadi is hiring…",
"training starts on 16 November" and "… on 30 November", "Rif. MAN-0412" and "Rif. MAN-0437".

So each sentence is read two ways: as a frame (its words, names and numbers blanked) and its
fillers (the names and numbers); and as an opening (its first words) and the rest. Two postings
conflict when a frame they both hold is filled differently in each, or a sentence they both open
the same way goes on differently ("… per il ristorante panoramico dell'Hotel Belvedere" and
"… per il ristorante gastronomico della Villa Ceresio"): no way of it in one appears in the
other. A body's last sentence and one ending in an ellipsis are left out (a copy cut short ends
mid-sentence), and so is a sentence too short to say which (a list item merged with the next).
"""

from __future__ import annotations

import base64
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from scrapers.dedup.fold import fold
from scrapers.dedup.phrases import LEGAL_FORMS

_SENTENCES = re.compile(r"(?<=[.!?;:。！？])\s+|\n+|\s[-•·▪–—]\s")
_WORDS = re.compile(r"[^\W_][\w'’./-]*", re.UNICODE)
# An aside a copy adds or drops ("Hekla Marine Analytics (HMA)", "(m/w/d)") is no filling.
_ASIDE = re.compile(r"\([^()]*\)")
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d").search
# A frame says something only with this many words of its own (not "Hotel Villa Ceresio").
MIN_FRAME_WORDS = 4
# A posting keeps at most this many filled frames, and this many sentence openings (each
# opening is read at up to four lengths): the filled ones tell most, so they are kept longest.
MAX_FILLED = 64
MAX_OPENED = 32
# A sentence's opening, and how long a sentence must be for its rest to tell.
OPENING_WORDS = 6
MIN_SENTENCE_WORDS = 12
# The rest is read up to each of these lengths: a list item merged with the next goes on where
# the item alone stops, so only lengths both sentences reach are compared.
_REACHES = (12, 18, 26, 40)
MAX_SENTENCE_WORDS = _REACHES[-1]
LIST_COMMAS = 3
# Each frame (or opening) and its filling is one 48-bit number: 24 bits of each hash. A false
# "same frame, other filling" needs two sentences' 24-bit hashes to meet: about one pair in
# four thousand compared, and only when nothing else tells them apart.
_BITS = 24
_MASK = (1 << _BITS) - 1


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[str, ...] | str:
    """The word as fillers (a name, or each run of digits of a number), or folded as a word of
    the frame (a str); () for a word that is neither: a currency or country code a copy adds
    ("CA$140,000", "$140,000"), a legal form it drops ("PT Sehat Sentosa Farma Tbk"). Cached:
    a night's bodies share most of their words."""
    if word.isupper() and len(word) <= 3:
        return ()
    if _HAS_DIGIT(word):
        # 4.200.000 and 4,200,000 are one number, 3-6 and 3–6 one range.
        return tuple(_DIGITS.findall(word))
    folded = fold(word)
    if word[0].isupper():
        return () if LEGAL_FORMS.fullmatch(folded) else (folded,)
    return folded


def _hash(words: Iterable[str]) -> int:
    return zlib.crc32(" ".join(words).encode("utf-8"))


def frames(body: str | None) -> tuple[int, ...]:
    """The body's filled frames and opened sentences, each as one number: the frame's (or the
    opening's) hash, then its fillers' (or the rest's)."""
    filled_frames: set[int] = set()
    opened: set[int] = set()
    sentences = [s for s in _SENTENCES.split(body or "") if s.strip()]
    for number, sentence in enumerate(sentences):
        words = _WORDS.findall(_ASIDE.sub(" ", sentence))
        frame: list[str] = []
        fillers: list[str] = []
        for word in words:
            filled = _word(word)
            if isinstance(filled, str):
                frame.append(filled)
            elif filled:
                if not frame or frame[-1] != "#":  # a name of any length fills one blank
                    frame.append("#")
                fillers.extend(filled)
        enough = fillers and len(frame) - frame.count("#") >= MIN_FRAME_WORDS
        if enough and len(filled_frames) < MAX_FILLED:
            filled_frames.add((_hash(frame) & _MASK) << _BITS | _hash(fillers) & _MASK)
        cut = number == len(sentences) - 1 or sentence.rstrip().endswith(("…", "..."))
        # A list written as a sentence is one a copy edits ("X, Y y Z." as "X, Y, Z, W.").
        listed = sentence.count(",") + sentence.count("、") >= LIST_COMMAS
        if not cut and not listed and len(words) >= MIN_SENTENCE_WORDS and len(opened) < MAX_OPENED:
            folded = fold(" ".join(words)).split()[:MAX_SENTENCE_WORDS]
            for end in _REACHES:
                if end > len(folded):
                    break
                # An opening's hash is read with its length, apart from every frame's.
                reach = _hash(["opening", str(end), *folded[:OPENING_WORDS]]) & _MASK
                opened.add(reach << _BITS | _hash(folded[OPENING_WORDS:end]) & _MASK)
    found = filled_frames | opened
    return tuple(sorted(found))


def _by_frame(values: Iterable[int]) -> dict[int, set[int]]:
    grouped: dict[int, set[int]] = defaultdict(set)
    for value in values:
        grouped[value >> _BITS].add(value & _MASK)
    return grouped


def filled_apart(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """A frame both bodies hold, filled in each only in ways the other never fills it."""
    if not a or not b:
        return False
    one, other = _by_frame(a), _by_frame(b)
    return any(one[shape].isdisjoint(other[shape]) for shape in one.keys() & other.keys())


def frame_bytes(values: tuple[int, ...]) -> bytes:
    """The frames packed, 6 little-endian bytes each: how a signature holds them (a night holds
    every posting's; a tuple of Python ints takes four times the memory)."""
    return b"".join(v.to_bytes(6, "little") for v in values)


def frames_of(blob: bytes) -> tuple[int, ...]:
    return tuple(int.from_bytes(blob[i : i + 6], "little") for i in range(0, len(blob), 6))


def pack_frames(blob: bytes) -> str:
    """Packed frames as the state stores them: in base64."""
    return base64.b64encode(blob).decode("ascii")


def unpack_frames(stored: str | list[int] | None) -> bytes:
    """Packed frames from what the state stored (base64, or a list of an earlier layout)."""
    if not stored:
        return b""
    if isinstance(stored, list):
        return frame_bytes(tuple(stored))
    blob = base64.b64decode(stored)
    if len(blob) % 6:
        return b""  # a row stored in an earlier layout: read as no frames, as before they existed
    return blob
