"""Workplace type: "onsite" | "hybrid" | "remote" | None.

A location or a title decides only by a short label: a whole value, a whole segment of it
("Backend Engineer (Remote)", "Paris - Hybrid") or a leading location token ("Hybrid-Palo Alto,
CA", "Remote - US"). The work-mode field (remote_raw, the first value) decides by a whole label
too ("Télétravail fréquent", WTTJ `partial`), and else by the workplace phrases inside it when it
is a short phrase or sentence (160 characters at most): "Hybride werken in 1012 Amsterdam",
"Mulighed for hjemmearbejde 1-2 dage om ugen", "Fullt hjemmekontor", "リモート可（週1出社）".
A sentence that merely mentions remote work ("a remote-friendly team") says nothing about the
job, and a longer work-mode value is read by its labels only, as a location is.

Decisions:
- occasional remote days (fr "Télétravail occasionnel", WTTJ `punctual`) are "hybrid": the job
  is neither fully on site nor remote.
- a value naming two different workplace types ("Remote or Hybrid", Recruitee's "Remote, On
  site") is not decisive.
- bare "Télétravail" / "Home office" are not decisive: across languages they mean either
  "remote allowed" or "fully remote". Nor is the "remote OK" tag of Japanese, Korean and
  Chinese boards (リモート可, 재택근무 가능, 可远程), which they put on fully remote jobs too.
- a word for remote or distance work, or working from home, is "remote" in every language
  ("Remoto", "Praca zdalna", "Etätyö", "Hjemmearbejde", "재택근무", "العمل عن بعد").
- some days at the office and some at home ("2 days in office", "週3日出社", "2 Tage
  Homeoffice", 1 to 4 days) are "hybrid".

In a work-mode phrase, a home or office word or a label takes its meaning from the words next
to it (in one clause, at most two words between them):
- all of the work ("Fullt hjemmekontor", "nur im Büro", "5 days a week in the office", "週5日
  出社") is remote, or on site.
- part of it, now and then, mostly, or a share ("teilweise Homeoffice", "mostly remote",
  "occasional office days", "60 % remote") is hybrid; so are 1 to 4 days at home or at the
  office ("Home office 3 Tage pro Woche", "Praca hybrydowa (2 dni w biurze)") and any days a
  month; days a year, or quarterly or yearly office meetups, name no workplace ("Work from
  home, with quarterly meetups in Berlin" is remote).
- remote allowed ("Possibilité de télétravail", "Remote possible") is hybrid, as the European
  sites' labels are; "Fully remote possible" stays remote; in Chinese, Japanese and Korean it
  stays undecided (the "remote OK" tag above).
- a negation makes a home word or a hybrid label on site ("kein Homeoffice", "Remote not
  possible", "pas de télétravail", "リモート不可", "재택 불가"), and an office word right next to
  it remote ("出社なし", "无需坐班", "Ohne Präsenzpflicht").
- a hyphen glued to a lower-case word makes a compound adjective ("remote-friendly",
  "remote-first"), no workplace.
One workplace read decides. Two different ones decide nothing, unless one is hybrid and states
the split (days, a part, an allowance): that is the stronger reading, the other word its frame
("Remote allowed, 1 day a week in office", "Vor Ort, teilweise Homeoffice" are hybrid).

The labels and the words around them, per language, are in scrapers/data/remote.toml; the lists
of all languages are read as one.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from scrapers.normalise.vocabulary import read_vocabulary, unspaced

# API enums that are lowercase single words whose meaning comes from the source, not the
# language ("no" = WTTJ: no remote), so they only count as an exact, case-sensitive value.
_EXACT_ENUMS: dict[str, str | None] = {
    "fulltime": "remote",  # WTTJ
    "partial": "hybrid",  # WTTJ
    "punctual": "hybrid",  # WTTJ: occasional remote days
    "no": "onsite",  # WTTJ
}

# Labels per language and workplace type, undecided labels, numbers of days and leading labels
# (scrapers/data/remote.toml).
_VOCABULARY = read_vocabulary("remote")
_KINDS = ("remote", "hybrid", "onsite")

# Letters that keep their own code point when accents are dropped, written both ways by sites.
_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe"}
    | {chr(0x660 + d): str(d) for d in range(10)}  # Arabic-Indic digits
)
# Marks that make another letter, kept: Indic and Thai vowel signs, the kana voicing marks.
_KEPT_MARKS = re.compile(r"[\u0900-\u0dff\u0e00-\u0e7f\u3099\u309a]")
_SPACES = re.compile(r"\s+")


def _strip_marks(text: str) -> str:
    """`text` without accents (kept: the marks that make another letter), case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(
        c for c in decomposed if not unicodedata.combining(c) or _KEPT_MARKS.match(c)
    )
    return unicodedata.normalize("NFC", stripped)


def _fold(text: str) -> str:
    """Case- and accent-insensitive, spaces collapsed: "Télétravail  fréquent" is
    "teletravail frequent"; Hangul syllables and ジ stay whole."""
    folded = _strip_marks(text).casefold().translate(_LETTERS)
    return _SPACES.sub(" ", folded).strip()


_JOINERS = re.compile(r"[-_\s]+")
_BEFORE_PERCENT = re.compile(r"\s+%")


def _key(text: str) -> str:
    """A value as labels are looked up: folded, hyphens and underscores as spaces, "100 %" as
    "100%"."""
    return _BEFORE_PERCENT.sub("%", _JOINERS.sub(" ", _fold(text))).strip()


def _labels() -> tuple[dict[str, str], list[tuple[str, re.Pattern[str], str]]]:
    """Workplace per label key; and the "{n} days" labels as (the words before the number, one
    pattern of the rest, workplace). A label that two languages give two different workplaces
    is a mistake in the data."""
    days = sorted(
        {_key(word) for words in _VOCABULARY["numbers"].values() for word in words},
        key=lambda word: (-len(word), word),
    )
    number = r"(?:[1-4](?: ?[-~〜～] ?[1-4]| [1-4])?|" + "|".join(map(re.escape, days)) + ")"
    labels: dict[str, str] = {}
    rests: dict[tuple[str, str], list[str]] = {}
    for language, table in _VOCABULARY["labels"].items():
        for kind, phrases in table.items():
            if kind not in _KINDS:
                raise ValueError(f"remote.toml: unknown workplace {kind!r} ({language})")
            for phrase in phrases:
                key = _key(phrase)
                if "{n}" in key:
                    prefix, _, rest = key.partition("{n}")
                    rests.setdefault((prefix, kind), []).append(re.escape(rest))
                elif labels.setdefault(key, kind) != kind:
                    raise ValueError(
                        f"remote.toml: {phrase!r} ({language}) is both {labels[key]} and {kind}"
                    )
    days_labels = [
        (prefix, re.compile(f"{number}(?:{'|'.join(rest)})"), kind)
        for (prefix, kind), rest in rests.items()
    ]
    return labels, days_labels


_LABELS, _DAY_LABELS = _labels()
_UNDECIDED = frozenset(
    _key(label) for labels in _VOCABULARY["undecided"].values() for label in labels
)

# Segment separators inside titles and location strings (CJK and Arabic punctuation too).
_SEGMENTS = re.compile(r"\s*(?:[,;|()\[\]/·•:、，；｜（）［］【】「」『』／：・،؛]|\s[-–—]\s)\s*")


def _leading() -> re.Pattern[str]:
    """ "Hybrid-Palo Alto", "Remote - US", "Remote US", "Remote in Germany", "Remoto en España";
    not "Remote-friendly team" (a hyphen glued to a lower-case word makes a compound adjective,
    not a label). Read on the value without accents, its case kept."""
    tables = _VOCABULARY["leading"].values()
    labels = sorted({_fold(label) for t in tables for label in t["labels"]}, key=len, reverse=True)
    label = "|".join(
        r"[\s-]*".join(re.escape(word).replace("%", r"\s*%") for word in phrase.split())
        for phrase in labels
    )
    then = "|".join(sorted({re.escape(word) for t in tables for word in t["then"]}))
    return re.compile(
        rf"""^\s*(?P<label>{label})
        (?=\s*$|\s*[-–—:(/,|]\s*(?-i:(?![a-z]))|\s+(?:(?-i:[A-Z(])|(?:{then})\s))""",
        re.I | re.X,
    )


_LEADING = _leading()


def normalise_remote(*values: str | None) -> str | None:
    """First decisive value wins; callers pass remote_raw, then location_raw, then title. The
    first value is a work-mode field: its phrases are read too (_read_phrases)."""
    for index, value in enumerate(values):
        kind = _classify(value, phrases=index == 0)
        if kind is not None:
            return kind
    return None


def _classify(value: str | None, phrases: bool = False) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text in _EXACT_ENUMS:
        return _EXACT_ENUMS[text]
    whole = _label(text)
    if whole is not None or _key(text) in _UNDECIDED:
        return whole
    if phrases and len(text) <= _PHRASE_TEXT_MAX:
        read = _read_phrases(text)
        if read is not _NOTHING:
            return read
    kinds = {kind for kind in map(_label, _SEGMENTS.split(text)) if kind is not None}
    leading = _LEADING.match(_strip_marks(text))
    if leading is not None:
        kinds.add(_label(leading.group("label")) or "")
    kinds.discard("")
    # Two different labels ("Remote or Hybrid", a multi-location list) decide nothing.
    return kinds.pop() if len(kinds) == 1 else None


def _label(text: str) -> str | None:
    """The workplace a label names, or None for no label."""
    key = _key(text)
    kind = _LABELS.get(key)
    if kind is None:
        kind = next(
            (
                kind
                for prefix, rest, kind in _DAY_LABELS
                if key.startswith(prefix) and rest.fullmatch(key, len(prefix))
            ),
            None,
        )
    return kind


def is_workplace_label(text: str) -> bool:
    """True for a text that is wholly a work-mode label in any language ("Home-Office",
    "フルリモート", "Remote"): a location text's token that names no place."""
    return _label(text) is not None or _key(text) in _UNDECIDED


# --- Phrases inside a work-mode field -------------------------------------------------------------
# The words around the labels, per language (scrapers/data/remote.toml, [phrases.<lang>]).
_PHRASES: dict[str, dict[str, list[str]]] = _VOCABULARY["phrases"]
# A longer work-mode value is a description, read by its labels only.
_PHRASE_TEXT_MAX = 160
_NOTHING = "nothing"  # _read_phrases: the text names no workplace at all
_SIDES = {"remote": "home", "onsite": "office", "hybrid": "hybrid"}
_FULL = {"home": "remote", "office": "onsite"}

# What separates two clauses: a modifier, a number of days and the word they go with are never
# read across one.
_CLAUSE = re.compile(r"[,;|()\[\]/·•:、，；｜（）［］【】「」『』／：・،؛!?。！？]|\s[-–—]\s")
# Between a word and the number of days that qualifies it: "Homeoffice (2 Tage)", "Hybrid: 3
# days in office", "在宅勤務可能（週3日まで）".
_OPENING = re.compile(r"\s*(?:[(\[（［:：]|[-–—])\s*")
# Upper-case letters and ß as _LETTERS writes them, so that the text keeps its case and length.
_CASED_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "Ł": "L",
     "Đ": "D", "Ø": "O", "Æ": "AE", "Œ": "OE"}
    | {chr(0x660 + d): str(d) for d in range(10)}
)  # fmt: skip
_COMPACT = re.compile(r"[\s\-]+")


def _words(kind: str) -> list[str]:
    """The [phrases] words of one kind in every language, as label keys."""
    return [_key(word) for table in _PHRASES.values() for word in table.get(kind, [])]


def _compact(text: str) -> str:
    return _COMPACT.sub("", text)


def _alternation(phrases: list[str], left: bool = True) -> str:
    """The phrases (label keys) as one pattern: a prefix tree, so that a long list costs little
    and the longest phrase at a place wins. A phrase in a spaced script is whole words (joined
    by spaces, hyphens or nothing: "on site", "on-site", "onsite"), one in an unspaced script
    is found anywhere; "/" takes spaces around it or none. Without `left`, a phrase may follow
    a letter or a digit ("2x", "3j")."""
    groups: dict[bool, dict[str, Any]] = {True: {}, False: {}}  # by "starts a word"
    for phrase in set(phrases):
        spaced = not unspaced(phrase)
        node = groups[left and spaced and phrase[0].isalnum()]
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node[""] = r"(?!\w)" if spaced and phrase[-1].isalnum() else ""
    bodies = [
        (r"(?<!\w)" if starts else "") + _tree(tree) for starts, tree in groups.items() if tree
    ]
    return "|".join(bodies) or "(?!)"


def _atoms(phrase: str) -> list[str]:
    """A phrase as the pieces of a pattern: one a character, one a space between words."""
    atoms = []
    for index, word in enumerate(phrase.split()):
        if index:
            atoms.append(r"[\s\-]*")
        atoms += [r"\s*/\s*" if c == "/" else re.escape(c) for c in word]
    return atoms


def _tree(node: dict[str, Any]) -> str:
    """A prefix tree as a pattern; a phrase ending where a longer one goes on is tried last."""
    branches = [atom + _tree(child) for atom, child in sorted(node.items()) if atom]
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    if not branches:
        return node[""]
    return f"(?:{body}|{node['']})" if node[""] else f"(?:{body})?"


# Modifiers next to a word, in the order they are tried: the last one before the word ("...$"),
# or the first one after it.
_MODIFIER_KINDS = ("not", "rarely", "full", "partly", "possible")
_MODIFIERS = {
    (kind, after): re.compile(
        rf"(?P<gap>.*?)(?:{_alternation(_words(kind + '_after'))})"
        if after
        else rf".*(?:{_alternation(_words(kind))})(?P<gap>.*)$",
        re.S,
    )
    for kind in _MODIFIER_KINDS
    for after in (False, True)
}


def _words_around(*kinds: str) -> re.Pattern[str]:
    """The modifiers of these kinds, before or after a word, anywhere in a label."""
    return re.compile(_alternation([w for k in kinds for w in _words(k) + _words(k + "_after")]))


# A hybrid label naming a part or an allowance states the split ("teilweise Homeoffice",
# "Télétravail possible"), unlike a bare "Hybrid"; a remote label naming the whole of the work
# ("Télétravail total", "Fully remote") stays remote when it is allowed ("... possible").
_SPLIT = _words_around("partly", "possible")
_WHOLE = _words_around("full")


def _anchors() -> tuple[re.Pattern[str], dict[str, tuple[str | None, str | None, bool]]]:
    """The labels, the undecided labels and the home and office words as one pattern; and per
    compact phrase its (workplace, side, stated): stated for a hybrid label that states the
    split, and a remote label that states the whole. The side ("home", "office", "hybrid") is
    what a modifier or a number of days beside the phrase turns into a workplace; an undecided
    label that is no home word has none."""
    entries: dict[str, tuple[str | None, str | None, bool]] = {}
    for label in _UNDECIDED:
        entries[_compact(label)] = (None, None, False)
    for side in ("home", "office"):
        for word in _words(side):
            known = entries.get(_compact(word))
            if known is not None and known[1] not in (None, side):
                raise ValueError(f"remote.toml: {word!r} is both a home and an office word")
            entries[_compact(word)] = (None, side, False)
    for key, kind in _LABELS.items():
        stated = {"hybrid": _SPLIT, "remote": _WHOLE}.get(kind)
        entries[_compact(key)] = (kind, _SIDES[kind], bool(stated and stated.search(key)))
    phrases = [*_LABELS, *_UNDECIDED, *_words("home"), *_words("office")]
    return re.compile(_alternation(phrases)), entries


_ANCHOR, _ENTRIES = _anchors()


def _counts() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """A number of days: "2 days a week", "1-2 dage om ugen", "2 Homeoffice-Tage", "週1",
    "每周两天", "يومين"; and the compact words that make it a number a month, or a year."""
    numbers = [_key(word) for table in _VOCABULARY["numbers"].values() for word in table]
    digits = (
        rf"(?<![\d.,])[1-5](?:\s*(?:[-–~〜/]|(?:{_alternation(_words('range'))}))\s*[1-5])?"
        r"(?![\d.,%])"
    )
    before = _words("week_before") + _words("month_before") + _words("year_before")
    period = "|".join(_alternation(_words(kind), left=False) for kind in ("week", "month", "year"))
    pattern = rf"""
        (?:(?P<before>{_alternation(before)})\s*)?
        (?P<n>{digits}|{_alternation(numbers)})[\s\-]*
        (?:(?P<place>{_alternation(_words("place_day"), left=False)})
          |(?P<day>{_alternation(_words("day"), left=False)}))?
        (?:\s*(?P<period>{period}))?
      |(?P<count>{_alternation(_words("count"))})(?:\s*(?P<period2>{period}))?
    """
    monthly = frozenset(map(_compact, _words("month") + _words("month_before")))
    yearly = frozenset(map(_compact, _words("year") + _words("year_before")))
    return re.compile(pattern, re.X), monthly, yearly


_COUNT, _MONTHLY, _YEARLY = _counts()
# A share of the work: "60 % remote", "Homeoffice bis zu 40 %", "%50 uzaktan" (1 to 99 %).
_SHARE = re.compile(r"(?<![\d.,%])(?:[1-9]\d?\s*%|%\s*[1-9]\d?(?![\d.,]))")
_CLAUSE_END = re.compile(rf"\s*(?:$|{_CLAUSE.pattern})")


def _near(gap: str, chars: int = 1, words: int = 2) -> bool:
    """Two phrases go together: in one clause, at most `words` words between them (`chars`
    characters in an unspaced script)."""
    if _CLAUSE.search(gap):
        return False
    gap = gap.strip(" -")
    if not gap:
        return True
    if unspaced(gap):
        return len(gap.replace(" ", "")) <= chars
    return len(gap.replace("-", " ").split()) <= words


def _modifier(before: str, after: str, side: str) -> str | None:
    """The modifier of a phrase, from the text up to it and the text after it: one of
    _MODIFIER_KINDS, tried in their order, or None. An office word is negated only right after
    or before the negation ("no office", "出社なし"; not "no fixed office days"); only an office
    word is rare ("quarterly on-site meetups")."""
    for kind in _MODIFIER_KINDS:
        for text, after_it in ((before, False), (after, True)):
            found = _MODIFIERS[kind, after_it].match(text)
            if found is None or not _near(found["gap"]):
                continue
            if kind == "not" and side == "office" and found["gap"].strip(" -"):
                continue
            if kind == "rarely" and side != "office":
                continue
            return kind
    return None


def _read_phrases(text: str) -> str | None:
    """The workplace a work-mode phrase or sentence states: _NOTHING when it names none, None
    when it names two and neither is the stronger reading."""
    folded = _BEFORE_PERCENT.sub("%", _SPACES.sub(" ", _strip_marks(text).replace("_", " ")))
    low = folded.strip().casefold().translate(_LETTERS)
    cased = folded.strip().translate(_CASED_LETTERS)
    # (start, end, what it says: "hybrid", "full" (five days a week), "rare"; what it counts:
    # "days", "place" (days that name their place), "share")
    counts: list[tuple[int, int, str, str]] = []
    for found in _COUNT.finditer(low):
        if not (found["day"] or found["place"] or found["before"] or found["count"]):
            continue
        said = {
            _compact(found["period"] or found["period2"] or ""),
            _compact(found["before"] or ""),
        }
        if said & _YEARLY:
            value = "rare"  # "2 days a year in the office", "年2回出社": a meeting, no workplace
        elif found["n"] == "5" and not said & _MONTHLY:
            value = "full"
        else:
            value = "hybrid"
        counts.append((found.start(), found.end(), value, "place" if found["place"] else "days"))
    counts += [(found.start(), found.end(), "hybrid", "share") for found in _SHARE.finditer(low)]
    anchors: list[tuple[int, int, tuple[str | None, str | None, bool]]] = []
    for found in _ANCHOR.finditer(low):
        start, end = found.span()
        if any(s < end and start < e for s, e, _, _ in counts):
            continue  # a word of "2 Homeoffice-Tage"
        if (
            low.startswith("-", end)
            and low[end + 1 : end + 2].isalpha()
            and (len(cased) != len(low) or cased[end + 1].islower())
        ):
            continue  # "remote-friendly", "remote-first": a compound adjective
        anchors.append((start, end, _ENTRIES[_compact(found.group())]))

    readings: list[tuple[str, bool]] = []  # (workplace, states the split)
    counted: set[int] = set()
    for start, end, value, counts_what in counts:
        if counts_what == "place":
            target = None
        else:
            target = _counted(low, anchors, start, end, counts_what == "share")
            if target is None:
                continue
            counted.add(target)
        side = anchors[target][2][1] if target is not None else None
        if value == "hybrid":
            readings.append(("hybrid", True))
        elif value == "full" and side in _FULL:
            readings.append((_FULL[side], False))

    home = False  # a bare home word: "Télétravail ou présentiel" is not on site
    edges = sorted([(s, e) for s, e, _, _ in counts] + [(s, e) for s, e, _ in anchors])
    for index, (start, end, (kind, side, stated)) in enumerate(anchors):
        if index in counted or side is None:
            continue
        previous = max((e for s, e in edges if e <= start), default=0)
        following = min((s for s, e in edges if s >= end), default=len(low))
        modifier = _modifier(low[previous:start], low[end:following], side)
        if modifier == "not":
            readings.append(("remote" if side == "office" else "onsite", False))
        elif modifier == "rarely":
            continue  # "quarterly on-site meetups"
        elif modifier == "full" and side in _FULL:
            readings.append((_FULL[side], False))
        elif modifier == "partly" or (modifier == "possible" and side == "home" and not stated):
            readings.append(("hybrid", True))
        elif kind is not None:
            readings.append((kind, stated and kind == "hybrid"))
        elif side == "home" and modifier is None:
            home = True
    if not readings:
        return _NOTHING
    kinds = {kind for kind, _ in readings}
    if len(kinds) == 1 and not (home and kinds == {"onsite"}):
        return kinds.pop()
    # A split stated ("1 day a week in the office", "teilweise Homeoffice") is the stronger
    # reading beside a remote or an on-site word: "Remote allowed, 1 day a week in office".
    if any(kind == "hybrid" and split for kind, split in readings):
        return "hybrid"
    return None


def _counted(
    low: str, anchors: list[tuple[int, int, Any]], start: int, end: int, share: bool
) -> int | None:
    """The phrase a number of days goes with: the one right after it ("2 days in office"), else
    the one right before it ("Home office 3 Tage pro Woche", "Hybrid (3 days)"). A share goes
    with the word right after it ("60 % remote"), or one before it when it ends the clause
    ("Homeoffice bis zu 40 %"; not "Remote 20 % travel")."""
    following = next((i for i, (s, _, _) in enumerate(anchors) if s >= end), None)
    if following is not None and _near(low[end : anchors[following][0]], 3, 1 if share else 2):
        return following
    previous = next((i for i in range(len(anchors) - 1, -1, -1) if anchors[i][1] <= start), None)
    if previous is None:
        return None
    gap = low[anchors[previous][1] : start]
    if share:
        return previous if _near(gap) and _CLAUSE_END.match(low, end) else None
    return previous if _near(gap, 3) or _OPENING.fullmatch(gap) else None
