"""A gzip decompression bomb: about 10 MB on the wire that inflates to 10 GiB of zeros.

Compressing 10 GiB takes most of a minute, so the bomb is built from one compressed block: zlib
compresses a MiB of zeros and fully flushes (byte-aligned, history reset), after which every
further MiB compresses to the very same bytes. The block is written as many times as the bomb has
MiBs, between the stream's own first block and its end. The gzip trailer's CRC-32 of 10 GiB of
zeros is worked out without reading them: CRC-32 over a MiB of zeros is an affine map of the
running CRC, known from 33 values, then applied once per MiB. The result is a valid gzip stream
(``gzip.decompress`` checks its CRC and length), built in well under a second.
"""

from __future__ import annotations

import zlib
from pathlib import Path

MIB = 1 << 20
GIB = 1 << 30
BOMB_SIZE = 10 * GIB  # what the bomb inflates to


def _zeros_crc(blocks: int) -> int:
    """CRC-32 of ``blocks`` MiB of zeros."""
    zeros = bytes(MIB)
    base = zlib.crc32(zeros, 0)
    # crc32(zeros, c) == base ^ XOR of (column[i] for each bit i set in c)
    column = [zlib.crc32(zeros, 1 << i) ^ base for i in range(32)]
    crc = 0
    for _ in range(blocks):
        value = base
        for i in range(32):
            if crc >> i & 1:
                value ^= column[i]
        crc = value
    return crc


def bomb_bytes(size: int = BOMB_SIZE) -> bytes:
    """A gzip stream of ``size`` zero bytes (a whole number of MiB)."""
    blocks, rest = divmod(size, MIB)
    if rest or blocks < 2:
        raise ValueError("a bomb is two MiB or more, in whole MiB")
    zeros = bytes(MIB)
    # wbits 31: a gzip header and trailer around the deflate stream.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush(zlib.Z_FINISH)  # the final empty block and the trailer for 2 MiB
    deflate_end = end[:-8]
    trailer = _zeros_crc(blocks).to_bytes(4, "little") + (size % (1 << 32)).to_bytes(4, "little")
    return first + block * (blocks - 1) + deflate_end + trailer


def bomb_file(folder: Path, size: int = BOMB_SIZE) -> Path:
    """The bomb, written once into ``folder`` (kept there for the rest of the session)."""
    path = folder / f"bomb-{size}.gz"
    if not path.exists():
        path.write_bytes(bomb_bytes(size))
    return path
