"""A reader for the part of Python's regular-expression syntax the boilerplate rules are written in.

It exists so that code can reason about a rule (which words every match contains: `triggers`);
matching itself is always done by `re`. It reads:

- characters, and escaped punctuation (`\\.`, `\\(`, `\\?`, ...);
- `\\b`, `^` and `$`;
- `\\s \\S \\w \\W \\d \\D`, `.`, and classes `[...]` / `[^...]` (single characters, ranges and
  those escapes inside);
- groups `(...)` and `(?:...)`, alternation `|`;
- quantifiers `?`, `*`, `+`, `{m}`, `{m,}`, `{,n}`, `{m,n}`, greedy or lazy.

Anything else (lookarounds, backreferences, named groups, inline flags, `\\B`, `\\A`, `\\Z`,
numeric escapes, possessive quantifiers...) raises `UnsupportedPattern`: a caller must then treat
the pattern as unknown rather than guess what it means.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Alternation",
    "Assertion",
    "CharClass",
    "Literal",
    "Node",
    "Repeat",
    "Sequence",
    "UnsupportedPattern",
    "parse",
]

# A class listing at most this many characters is kept as its set of characters.
FINITE_CLASS_MAX = 16
# Ranges longer than this are not enumerated to tell whether they hold a word character.
_RANGE_SCAN_MAX = 1024


class UnsupportedPattern(ValueError):
    """The pattern uses syntax outside the subset above (or is malformed)."""


@dataclass(frozen=True, slots=True)
class Literal:
    char: str


@dataclass(frozen=True, slots=True)
class CharClass:
    """`.`, `\\w`-style escapes and `[...]` classes."""

    source: str  # as written, so `re` can be asked about it
    chars: frozenset[str] | None  # every character it matches, when it is a short list
    word: bool  # whether it may match a word character (`\\w`)


@dataclass(frozen=True, slots=True)
class Assertion:
    kind: str  # "word_boundary" (\b), "start" (^), "end" ($)


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Alternation:
    branches: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Repeat:
    body: Node
    min: int
    max: int | None  # None = unbounded


Node = Literal | CharClass | Assertion | Sequence | Alternation | Repeat


def is_word_char(char: str) -> bool:
    """What `\\w` matches in a `str` pattern (and so what `\\b` looks at)."""
    return char.isalnum() or char == "_"


# Class escapes: (matches a word character?, matches a non-word character?).
_CLASS_ESCAPES = {
    "s": (False, True),
    "S": (True, True),
    "w": (True, False),
    "W": (False, True),
    "d": (True, False),
    "D": (True, True),
}
# Escapes of letters and digits that stand for one character.
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


def parse(pattern: str) -> Node:
    """The syntax tree of `pattern`; `UnsupportedPattern` outside the subset."""
    reader = _Reader(pattern)
    node = reader.alternation()
    if reader.pos != len(pattern):
        reader.fail("unbalanced parenthesis")
    return node


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.pos = 0

    def fail(self, why: str) -> None:
        raise UnsupportedPattern(f"{why} at {self.pos} in {self.pattern!r}")

    def peek(self, ahead: int = 0) -> str:
        at = self.pos + ahead
        return self.pattern[at] if at < len(self.pattern) else ""

    def take(self) -> str:
        char = self.peek()
        if not char:
            self.fail("unexpected end")
        self.pos += 1
        return char

    def alternation(self) -> Node:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else Alternation(tuple(branches))

    def sequence(self) -> Node:
        items: list[Node] = []
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            items.append(self.quantified(atom))
        return items[0] if len(items) == 1 else Sequence(tuple(items))

    def atom(self) -> Node:
        char = self.take()
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char == "\\":
            return self.escape()
        if char == ".":
            return CharClass(".", None, word=True)
        if char == "^":
            return Assertion("start")
        if char == "$":
            return Assertion("end")
        if char in "*+?":
            self.fail("nothing to repeat")
        if char == "{" and self.quantifier_bounds(peek_only=True) is not None:
            self.fail("nothing to repeat")
        return Literal(char)

    def group(self) -> Node:
        if self.peek() == "?":
            if self.peek(1) != ":":
                self.fail("group syntax other than (?:")
            self.pos += 2
        body = self.alternation()
        if self.peek() != ")":
            self.fail("missing )")
        self.pos += 1
        return body

    def escape(self) -> Node:
        char = self.take()
        if char == "b":
            return Assertion("word_boundary")
        if char in _CLASS_ESCAPES:
            word, _ = _CLASS_ESCAPES[char]
            return CharClass("\\" + char, None, word=word)
        if char in _CHAR_ESCAPES:
            return Literal(_CHAR_ESCAPES[char])
        if char.isalnum():
            self.fail(f"escape \\{char}")
        return Literal(char)

    def char_class(self) -> CharClass:
        start = self.pos - 1
        negated = self.peek() == "^"
        if negated:
            self.pos += 1
        chars: set[str] = set()
        word = False
        finite = not negated
        first = True
        while True:
            char = self.take()
            if char == "]" and not first:
                break
            first = False
            if char == "[":
                self.fail("[ inside a class")
            if char == "\\":
                escaped = self.take()
                if escaped in _CLASS_ESCAPES:
                    word = word or _CLASS_ESCAPES[escaped][0]
                    finite = False
                    continue
                if escaped in _CHAR_ESCAPES:
                    char = _CHAR_ESCAPES[escaped]
                elif escaped.isalnum():
                    self.fail(f"escape \\{escaped} in a class")
                else:
                    char = escaped
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                end = self.take()
                if end == "\\":
                    end = self.take()
                    if end.isalnum():
                        self.fail(f"escape \\{end} as a range end")
                if ord(end) < ord(char):
                    self.fail("reversed range")
                if ord(end) - ord(char) > _RANGE_SCAN_MAX:
                    word, finite = True, False
                    continue
                chars.update(chr(c) for c in range(ord(char), ord(end) + 1))
            else:
                chars.add(char)
        word = word or any(is_word_char(c) for c in chars) or negated
        keep = finite and len(chars) <= FINITE_CLASS_MAX
        return CharClass(self.pattern[start : self.pos], frozenset(chars) if keep else None, word)

    def quantified(self, atom: Node) -> Node:
        bounds: tuple[int, int | None] | None
        char = self.peek()
        if char == "?":
            bounds = (0, 1)
        elif char == "*":
            bounds = (0, None)
        elif char == "+":
            bounds = (1, None)
        elif char == "{":
            bounds = self.quantifier_bounds(peek_only=False)
        else:
            bounds = None
        if bounds is None:
            return atom
        if char != "{":
            self.pos += 1
        if isinstance(atom, Assertion):
            self.fail("quantified assertion")
        if self.peek() == "?":  # lazy: the same strings can match
            self.pos += 1
        if self.peek() in ("+", "*", "?", "{") and (
            self.peek() != "{" or self.quantifier_bounds(peek_only=True) is not None
        ):
            self.fail("possessive or repeated quantifier")
        return Repeat(atom, bounds[0], bounds[1])

    def quantifier_bounds(self, peek_only: bool) -> tuple[int, int | None] | None:
        """`{m}`, `{m,}`, `{,n}`, `{m,n}` at the position; else None (then `{` is a character)."""
        end = self.pattern.find("}", self.pos)
        if self.peek() != "{" or end < 0:
            return None
        inside = self.pattern[self.pos + 1 : end]
        low, comma, high = inside.partition(",")
        if not (low.isdigit() or (comma and not low)) or not (high.isdigit() or not high):
            return None
        if not comma and not low:
            return None
        if not (low.isascii() and high.isascii()):
            return None
        bounds = (int(low or 0), int(high) if high else (None if comma else int(low)))
        if bounds[1] is not None and bounds[1] < bounds[0]:
            self.fail("min repeat greater than max")
        if not peek_only:
            self.pos = end + 1
        return bounds
