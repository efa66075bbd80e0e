"""The boilerplate rule engine: the data files' loader, the pattern reader and the rule gate.

The gate skips a statement rule in a text that has none of the rule's trigger prefixes, so every
trigger set must be *required*: no text the rule matches may lack all of them. That is checked
here against texts built from each rule's own syntax tree: every alternative, optional part taken
and skipped, repeats at their bounds, letters where a class allows them (to glue a word onto the
one before it), each text alone and inside letters or spaces. A wrong trigger is a text that
`re` matches without one of its words; `test_the_check_finds_wrong_triggers` shows the check
finding such texts for triggers that are wrong in the ways a reader of patterns could get wrong.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from scrapers.boilerplate.pattern_syntax import (
    Alternation,
    Assertion,
    CharClass,
    Literal,
    Node,
    Repeat,
    Sequence,
    UnsupportedPattern,
    parse,
)
from scrapers.boilerplate.rules import RULES, RuleError, load_rules
from scrapers.boilerplate.triggers import required_prefixes, word_prefixes

DATA = Path(__file__).resolve().parent.parent / "scrapers" / "data" / "boilerplate"

# Characters tried for a class, letters first: a letter glues what follows onto a word.
_CLASS_PROBES = ("a", "é", "0", "_", " ", "-", ".", "'", "/")
_CONTEXTS = (("", ""), ("x", "x"), (" ", " "), ("ä", ""), ("", "ä"))


def _members(node: CharClass, adversarial: bool) -> list[str]:
    if node.chars is not None:
        return sorted(node.chars)
    found = [c for c in _CLASS_PROBES if re.fullmatch(node.source, c)]
    assert found, node.source
    if adversarial:
        return found
    return [" "] if " " in found else found[:1]


def _samples(node: Node, adversarial: bool) -> list[str]:
    """Texts the node matches, covering every alternative (see the module docstring)."""
    match node:
        case Literal(char=char):
            return [char]
        case Assertion():
            return [""]
        case CharClass():
            return _members(node, adversarial)
        case Sequence(items=items):
            parts = [_samples(item, adversarial) for item in items]
            width = max(len(p) for p in parts)
            out = ["".join(p[k % len(p)] for p in parts) for k in range(width)]
            rng = random.Random(width)
            out += ["".join(rng.choice(p) for p in parts) for _ in range(8)]
            return list(dict.fromkeys(out))
        case Alternation(branches=branches):
            return list(dict.fromkeys(s for b in branches for s in _samples(b, adversarial)))
        case Repeat(body=body, min=low, max=high):
            parts = _samples(body, adversarial)
            top = low + 2 if high is None else high
            counts = sorted({c for c in (low, low + 1, top) if c <= top})
            out = []
            for count in counts:
                for k in range(len(parts)):
                    out.append("".join(parts[(k + j) % len(parts)] for j in range(count)))
            return list(dict.fromkeys(out))
    raise TypeError(node)


def counterexample(pattern: str, triggers: frozenset[str]) -> str | None:
    """A text `pattern` matches with none of `triggers` among its word prefixes, if one is found."""
    regex = re.compile(pattern)
    tree = parse(pattern)
    for sample in _samples(tree, adversarial=True) + _samples(tree, adversarial=False):
        for before, after in _CONTEXTS:
            text = before + sample + after
            if regex.search(text) and triggers.isdisjoint(word_prefixes(text)):
                return text
    return None


def _gated() -> list[tuple[str, frozenset[str]]]:
    """Every gated pattern with the triggers the shipped rules gate it on."""
    gate = RULES.gate
    statements = [
        (regex.pattern, t) for (_, regex), t in zip(gate.gated, gate.triggers, strict=True)
    ]
    firsts = [
        (rule[0].pattern, triggers)
        for category, rules in RULES.co_occurrence.items()
        for rule, triggers in zip(rules, RULES.co_occurrence_triggers[category], strict=True)
        if triggers is not None
    ]
    return statements + firsts


@pytest.mark.parametrize(("pattern", "triggers"), _gated())
def test_every_trigger_set_is_required(pattern: str, triggers: frozenset[str]) -> None:
    assert counterexample(pattern, triggers) is None


@pytest.mark.parametrize("pattern", [pattern for pattern, _ in _gated()])
def test_the_reader_reads_rules_as_re_does(pattern: str) -> None:
    # Texts built from the reader's tree are texts `re` matches whole: the tree is the pattern.
    # (The texts do not try to honour \b, so it is left out of the pattern they are held to.)
    regex = re.compile(pattern)
    unbounded = re.compile(pattern.replace(r"\b", ""))
    samples = _samples(parse(pattern), adversarial=False)
    assert any(regex.fullmatch(sample) for sample in samples)
    for sample in samples:
        assert unbounded.fullmatch(sample), sample


@pytest.mark.parametrize(
    ("pattern", "wrong"),
    [
        # An optional word is not required.
        (r"\bequal (?:employment )?opportunit", {"empl"}),
        # Without \b a word in the pattern may be the end of a longer word in the text.
        (r"equal opportunit", {"equa"}),
        # After a class that allows letters, the next word may be glued to one before it.
        (r"\bfoo[^.]{0,9}barbaz", {"barb"}),
        # A word made of two parts of the pattern starts where the first part does.
        (r"\b(?:bewerbungs|job)betrug\b", {"betr"}),
        # One alternative's word does not cover the others.
        (r"\b(?:truffa|frode) online", {"truf"}),
    ],
)
def test_the_check_finds_wrong_triggers(pattern: str, wrong: set[str]) -> None:
    assert counterexample(pattern, frozenset(wrong)) is not None
    right = required_prefixes(pattern)
    assert right is None or counterexample(pattern, right) is None


@pytest.mark.parametrize(
    ("pattern", "triggers"),
    [
        (r"\bequal (?:employment )?opportunit(?:y|ies)", {"equa"}),
        (r"equal opportunit", {"oppo"}),
        (r"\b(?:bewerbungs|recruiting-?|job)betrug\b", {"bewe", "recr", "jobb"}),
        (r"\bsin (?:ningún tipo de |ninguna )?(?:distinción|discriminación)\b", {"dist", "disc"}),
        (r"\be-verify\b", {"veri"}),
        (r"\bl'égalité", {"égal"}),
        (r"\bwe\s+celebrate", {"cele"}),
        (r"\bwe\s?celebrate", None),  # "wecelebrate": no word starts at "cele"
        (r"\beeoc?\b", None),  # no word of four letters
        (r"\bart(?:icolo|\.)? ?1[34]\b[^.]{0,20}(?:gdpr|rgpd)", None),  # glued after [^.]
        (r"(?<!not )\bequal", None),  # outside the syntax read: never guessed
    ],
)
def test_required_prefixes(pattern: str, triggers: set[str] | None) -> None:
    expected = None if triggers is None else frozenset(triggers)
    assert required_prefixes(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?=a)b",
        r"(?!a)b",
        r"(?<=a)b",
        r"(?<!a)b",
        r"(?P<name>a)",
        r"(a)\1",
        r"(?i)a",
        r"(?>a)",
        r"a*+",
        r"\Ba",
        r"\Aa",
        r"a\Z",
        r"\x41",
        r"[[a]",
        r"(a",
        r"a)",
        r"*a",
    ],
)
def test_the_reader_rejects_what_it_does_not_know(pattern: str) -> None:
    with pytest.raises(UnsupportedPattern):
        parse(pattern)


def test_nearly_every_statement_rule_is_gated() -> None:
    # Speed, not results: an ungated rule is searched in every block. Today three are: two have
    # no word of four letters ("eeoc?", "d. lgs"), one has its words glued after a class.
    assert len(RULES.gate.gated) >= 80
    assert len(RULES.gate.ungated) <= 5, RULES.gate.ungated


# --------------------------------------------------------------------------------------------
# The loader: a malformed file is an error naming it
# --------------------------------------------------------------------------------------------


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    copy = tmp_path / "boilerplate"
    shutil.copytree(DATA, copy)
    return copy


def test_a_copy_of_the_shipped_rules_loads_as_the_shipped_rules(rules_dir: Path) -> None:
    loaded = load_rules(rules_dir)
    assert loaded.line.pattern == RULES.line.pattern
    assert loaded.section.pattern == RULES.section.pattern
    assert loaded.statements.keys() == RULES.statements.keys()


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: _append(d / "share.toml", "lines = ['x']\n"), r"share\.toml: unknown keys"),
        (
            lambda d: _replace(d / "share.toml", "'linkedin|", "'(linkedin|"),
            r"share\.toml: line, pattern 3: missing \)",
        ),
        (lambda d: (d / "sidebar.toml").write_text("line = ['x']\n"), r"sidebar\.toml: 'sidebar'"),
        (
            lambda d: (d / "board_summary.toml").write_text("line = ['x']\n"),
            r"precedence\.toml: line does not list \['board_summary'\]",
        ),
        (
            lambda d: _replace(d / "precedence.toml", '"cookie",\n]', '"cookie", "eeo",\n]'),
            r"precedence\.toml: line lists \['eeo'\], which have no such rules",
        ),
        (
            lambda d: _replace(d / "privacy_notice.toml", 'terms = "applicant"', 'terms = "x"'),
            r"privacy_notice\.toml: co_occurrence 1: .* names no list of terms\.toml",
        ),
        (
            lambda d: _append(d / "cookie.toml", "about_prefixes = ['à propos de']\n"),
            r"cookie\.toml: about_prefixes belongs in repeated_block\.toml",
        ),
        (lambda d: _append(d / "footer.toml", "line = [\n"), r"footer\.toml: "),
        (lambda d: (d / "terms.toml").unlink(), r"terms\.toml is missing"),
    ],
)
def test_a_malformed_rule_file_is_named(rules_dir: Path, edit, message: str) -> None:
    edit(rules_dir)
    with pytest.raises(RuleError, match=message):
        load_rules(rules_dir)
