"""Text that is safe to print and shows what it says: ``clean_text`` (pure module, no Scrapy).

What goes (rules in scrapers/data/sanitise.toml, ``[text]``):

- lone surrogates (what an unpaired ``\\ud800`` JSON escape decodes to) become U+FFFD;
- UTF-8 read as Latin-1 whose bytes fell on C1 controls (``we\u00e2\\x80\\x99re``, as some
  pages carry it) is read back as the character it encodes (``we\u2019re``): the controls are
  not text, but what they encode is, and removing them would lose it;
- terminal escape sequences go whole (``ESC [ 2 J``, ``ESC ] 0 ; title BEL``, and their C1
  forms), so no colour code, cursor move or window title is left half-removed as ``[31m``;
- CR LF, CR, vertical tab, form feed, NEL and the line and paragraph separators become ``\\n``;
- every other C0 and C1 control but TAB and LF, DEL, the bidi embedding, override and isolate
  controls, the BOM, ZERO WIDTH SPACE, WORD JOINER and the invisible operators go;
- ZWNJ and ZWJ stay only beside a letter or mark of a script that needs them, and ZWJ between
  two emoji; elsewhere they go;
- the rest is put in Unicode NFC.

Bidi *marks* (LRM, RLM, ALM) stay: they are how mixed-direction text is written correctly, and
they cannot reorder text around them the way an override can.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from scrapers.sanitise.rules import Ranges, rules

__all__ = ["clean_text", "is_clean"]

_RULES = rules().text


def _char_class(ranges: Ranges) -> str:
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)


_SURROGATE = re.compile("[\ud800-\udfff]")
# One UTF-8 sequence of bytes read as Latin-1 characters: a lead byte and its continuations.
_UTF8_AS_LATIN1 = re.compile(
    "[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}"
    "|[\u00f0-\u00f4][\u0080-\u00bf]{3}"
)
# C1 controls that only such a sequence explains. NEL (U+0085) is left out: some text uses it as
# a line break, after any letter.
_C1_BUT_NEL = re.compile("[\u0080-\u0084\u0086-\u009f]")
# ECMA-48 sequences, whole: CSI (parameters, intermediates, a final byte); a control string
# (OSC, DCS, SOS, PM, APC) up to its terminator (BEL or ST); any other escape (ESC, intermediates,
# a final byte). An unterminated control string loses only its introducer: the text after it is
# shown, not swallowed. A control string's body stops at any introducer too, so a text of many
# unterminated ones is read in one pass, not one pass per introducer (200 kB of U+009D took
# minutes).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
_NEWLINES = re.compile(
    "|".join(re.escape(s) for s in sorted(_RULES.newline, key=len, reverse=True))
)
_REMOVE = re.compile(f"[{_char_class(_RULES.remove)}]+")
_JOINERS = re.compile("[\u200c\u200d]+")
_ZWJ = "\u200d"
# Anything clean_text might change, but for NFC (checked apart): a text without any is returned
# as it is.
_SUSPECT = re.compile(
    f"[{_char_class(_RULES.remove)}\u200c\u200d\ud800-\udfff"
    f"{''.join(re.escape(s) for s in _RULES.newline if len(s) == 1)}]"
)
# The bytes of UTF-8 text that are surely clean: printable ASCII, TAB and LF. Deleting them (a
# C loop) leaves what _SUSPECT has to look at: the controls and the non-ASCII characters, whole
# (their bytes are never ASCII). Twice as fast as searching the text, on every string of a posting.
_CLEAN_ASCII = bytes([0x09, 0x0A, *range(0x20, 0x7F)])


def _within(ranges: Ranges) -> tuple[list[int], list[int]]:
    ordered = sorted(ranges)  # for bisect
    return [low for low, _ in ordered], [high for _, high in ordered]


_JOINING = _within(_RULES.joining_scripts)
_EMOJI = _within(_RULES.emoji)
_EMOJI_LEFT = _within((*_RULES.emoji, *_RULES.emoji_left))


def _in(char: str, table: tuple[list[int], list[int]]) -> bool:
    lows, highs = table
    point = ord(char)
    at = bisect.bisect_right(lows, point) - 1
    return at >= 0 and point <= highs[at]


def _utf8(match: re.Match[str]) -> str:
    """A Latin-1 reading of UTF-8 holding a C1 control, read back as UTF-8 when it is valid."""
    sequence = match.group()
    if _C1_BUT_NEL.search(sequence) is None:
        return sequence  # "Ã©" may be mojibake, or French: not this function's to decide
    try:
        return sequence.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return sequence


def _joins(char: str) -> bool:
    """A letter or mark of a script that writes with ZWNJ/ZWJ."""
    return _in(char, _JOINING) and unicodedata.category(char)[0] in "LM"


def _joiner(match: re.Match[str]) -> str:
    """A run of ZWNJ/ZWJ: its first character where its neighbours need it, else nothing."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if (before and _joins(before)) or (after and _joins(after)):
        return match.group()[0]
    between_emoji = before and after and _in(before, _EMOJI_LEFT) and _in(after, _EMOJI)
    return _ZWJ if match.group() == _ZWJ and between_emoji else ""


def is_clean(text: str, *, compose: bool = True) -> bool:
    """Whether ``clean_text(text, compose=compose)`` would change nothing: True only when it
    surely would not, cheaply for the usual text (a text with a joiner is looked at anyway)."""
    try:
        rest = text.encode("utf-8").translate(None, _CLEAN_ASCII)
    except UnicodeEncodeError:  # a lone surrogate
        return False
    if rest and _SUSPECT.search(rest.decode("utf-8")) is not None:
        return False
    return not compose or text.isascii() or unicodedata.is_normalized("NFC", text)


def clean_text(text: str, *, compose: bool = True) -> str:
    """``text`` safe to print, with nothing hidden in it (see the module's docstring).

    ``compose=False`` leaves NFC out, for markup: composing would join a tag's ">" with a U+0338
    after it into one character and break the tag (sanitise_html composes the text of its output,
    once the markup is its own)."""
    return text if is_clean(text, compose=compose) else _clean(text, compose)


def _clean(text: str, compose: bool) -> str:
    """``clean_text`` without its fast path."""
    text = _SURROGATE.sub("\ufffd", text)
    if _C1_BUT_NEL.search(text):  # before the escapes: U+009D in "\u00e2\x80\x9d" is not an OSC
        text = _UTF8_AS_LATIN1.sub(_utf8, text)
    text = _ESCAPES.sub("", text)
    text = _NEWLINES.sub("\n", text)
    text = _REMOVE.sub("", text)
    text = _JOINERS.sub(_joiner, text)
    return unicodedata.normalize("NFC", text) if compose else text
