"""Trigger words of a rule: word prefixes one of which occurs in every text the rule matches.

A statement rule is searched in every sentence of every posting, and a search through a long
alternation costs about 0.1 ms per kB. Most rules cannot match unless some word starts in the
text ("\\bequal (?:employment )?opportunit..." needs a word starting "equa"), so each rule gets such
prefixes here, read from its syntax tree (`pattern_syntax`), and the gate (`gate`) searches only
the rules whose prefix occurs. A rule with no prefix found, or written outside the syntax the reader
knows, is always searched: the gate only ever skips a rule that cannot match.

A prefix is the first `TRIGGER_LEN` letters of a word, and a word starts where a letter follows a
non-word character or the start of the text; that is exactly what `word_prefixes` collects from a
text. The reading is conservative: a letter counts as starting a word only when the pattern makes
it so (after `\\b`, `^`, a space or other non-word character, or a class such as `\\s` with no word
character in it), and a word counts only when its first `TRIGGER_LEN` characters are fixed letters.
"""

from __future__ import annotations

import re
from collections import Counter

from scrapers.boilerplate.pattern_syntax import (
    Alternation,
    Assertion,
    CharClass,
    Literal,
    Node,
    Repeat,
    Sequence,
    UnsupportedPattern,
    is_word_char,
    parse,
)

__all__ = ["TRIGGER_LEN", "required_prefixes", "word_prefixes"]

# Four letters: long enough to be selective, short enough for words that change their ending.
TRIGGER_LEN = 4
# The few strings a small part of a pattern can match ("(?:la )?", "colou?r") are listed, up to
# this many, so that a word running across parts ("dis" + "criminación") is still seen.
_MAX_STRINGS = 64

_PREFIX_RE = re.compile(rf"\b[^\W\d_]{{{TRIGGER_LEN}}}")

# One required choice: at least one of these prefixes occurs in every match.
Option = frozenset[str]


def word_prefixes(text: str) -> set[str]:
    """The prefix of every word of `text` with `TRIGGER_LEN` letters or more."""
    return set(_PREFIX_RE.findall(text))


def required_prefixes(pattern: str) -> frozenset[str] | None:
    """Word prefixes of which one occurs in every text `pattern` matches; None = none known."""
    try:
        tree = parse(pattern)
    except UnsupportedPattern:
        return None
    options, _ = _analyse(tree, word_start=False)
    # The most selective: fewest alternatives (the first such one on a tie).
    return min(options, key=len) if options else None


def _analyse(node: Node, word_start: bool) -> tuple[list[Option], bool]:
    """Options every match of `node` satisfies, and whether a word starts right after it.

    `word_start` says the same of the position before `node`: a word character there would
    start a word (the character before it, if any, is not a word character).
    """
    strings = _strings(node)
    if strings is not None:
        return _string_options(strings, word_start), _after_strings(strings, word_start)
    match node:
        case Assertion(kind="word_boundary" | "start"):
            # After \b a word character can only follow a non-word one; ^ has nothing before.
            return [], True
        case Assertion():
            return [], word_start
        case CharClass(word=word):
            return [], not word
        case Sequence(items=items):
            return _sequence(items, word_start)
        case Alternation(branches=branches):
            results = [_analyse(branch, word_start) for branch in branches]
            after = all(a for _, a in results)
            if all(options for options, _ in results):
                best = (min(options, key=len) for options, _ in results)
                return [frozenset().union(*best)], after
            return [], after
        case Repeat(body=body, min=low, max=high):
            options, after = _analyse(body, word_start)
            if high is None or high > 1:
                # Later rounds start after an earlier one: where no word need start is the
                # worst case, and the state after a part never improves on a worse start.
                after = after and _analyse(body, False)[1]
            if low == 0:
                return [], after and word_start
            return options, after
    raise TypeError(node)  # pragma: no cover - every node type is handled above


def _sequence(items: tuple[Node, ...], word_start: bool) -> tuple[list[Option], bool]:
    options: list[Option] = []
    i = 0
    while i < len(items):
        strings = _strings(items[i])
        if strings is None:
            found, word_start = _analyse(items[i], word_start)
            options.extend(found)
            i += 1
            continue
        # Neighbouring parts with few strings are joined, so words across them are seen whole.
        i += 1
        while i < len(items) and (more := _strings(items[i])) is not None:
            joined = _product(strings, more)
            if joined is None:
                break
            strings = joined
            i += 1
        options.extend(_string_options(strings, word_start))
        word_start = _after_strings(strings, word_start)
    return options, word_start


def _strings(node: Node) -> tuple[str, ...] | None:
    """Every string `node` matches, in pattern order, if they are few and it asserts nothing."""
    match node:
        case Literal(char=char):
            return (char,)
        case CharClass(chars=chars):
            return None if chars is None else tuple(sorted(chars))
        case Sequence(items=items):
            out: tuple[str, ...] | None = ("",)
            for item in items:
                part = _strings(item)
                if part is None or out is None:
                    return None
                out = _product(out, part)
            return out
        case Alternation(branches=branches):
            union: dict[str, None] = {}
            for branch in branches:
                part = _strings(branch)
                if part is None:
                    return None
                union.update(dict.fromkeys(part))
            return tuple(union) if len(union) <= _MAX_STRINGS else None
        case Repeat(body=body, min=low, max=high) if high is not None:
            part = _strings(body)
            if part is None:
                return None
            rounds: dict[str, None] = {}
            current: tuple[str, ...] | None = ("",)
            for count in range(high + 1):
                if count >= low:
                    rounds.update(dict.fromkeys(current))
                if count < high:
                    current = _product(current, part)
                    if current is None or len(rounds) > _MAX_STRINGS:
                        return None
            return tuple(rounds) if len(rounds) <= _MAX_STRINGS else None
    return None


def _product(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, ...] | None:
    if len(left) * len(right) > _MAX_STRINGS:
        return None
    return tuple(dict.fromkeys(a + b for a in left for b in right))


def _after_strings(strings: tuple[str, ...], word_start: bool) -> bool:
    return all((not is_word_char(s[-1])) if s else word_start for s in strings)


def _string_options(strings: tuple[str, ...], word_start: bool) -> list[Option]:
    """Options from the words starting in each string; [] if one string has none.

    A prefix every string has is an option of its own; otherwise one option covers the strings,
    the smallest of the greedy covers opened by each prefix.
    """
    starts = [dict.fromkeys(_word_starts(s, word_start)) for s in strings]
    if not all(starts):
        return []
    common = [p for p in starts[0] if all(p in s for s in starts[1:])]
    if common:
        return [frozenset({p}) for p in common]
    covers = (_greedy_cover(starts, first) for first in dict.fromkeys(p for s in starts for p in s))
    return [min(covers, key=len)]


def _greedy_cover(starts: list[dict[str, None]], first: str) -> Option:
    chosen = [first]
    uncovered = [s for s in starts if first not in s]
    while uncovered:
        # The prefix shared by most remaining strings (the first such on a tie).
        counts = Counter(p for s in uncovered for p in s)
        best = max(counts, key=counts.__getitem__)
        chosen.append(best)
        uncovered = [s for s in uncovered if best not in s]
    return frozenset(chosen)


def _word_starts(text: str, word_start: bool) -> list[str]:
    """Prefixes of the words starting in `text` whose first TRIGGER_LEN characters it holds."""
    out = []
    for k in range(len(text) - TRIGGER_LEN + 1):
        starts = word_start if k == 0 else not is_word_char(text[k - 1])
        prefix = text[k : k + TRIGGER_LEN]
        if starts and prefix.isalpha():
            out.append(prefix)
    return out
