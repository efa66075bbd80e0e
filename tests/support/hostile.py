"""The hostile corpus (``tests/fixtures/hostile/``): its constructs, how a browser reads what comes
out, and real crawls that carry every construct through a source.

What survives is judged on the exported item as a browser would read it: ``description_html`` is
parsed by html5lib (the WHATWG parsing algorithm browsers implement) as the content of a
``<div>``, never by the parser the sanitiser itself uses. A construct *survives* when anything
its ``forbid`` names is still there; it is *damaged* when text a reader must see is gone (its
``keep``, the exact ``expect``ed value, or the paragraph after it when a browser would show that
paragraph); it is *missing* when its posting was not exported at all.

``python -m tests.support.hostile [--part tuned|heldout] [--json FILE]`` crawls the corpus
through Greenhouse and Lever (the recorded world with a board of hostile postings added) and
prints what survived, construct by construct.
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import re
import sys
import tempfile
import tomllib
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import html5lib

from scrapers.world import Recording

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
PARTS = {"tuned": CORPUS, "heldout": CORPUS / "heldout"}
SOURCES = ("greenhouse", "lever")
GREENHOUSE_BOARD = "hostile"
LEVER_BOARD_PREFIX = "hostile-"
LEVER_BOARD_SIZE = 90  # under Lever's page of 100: one page per board
JSON = [("Content-Type", "application/json; charset=utf-8")]


# --- the corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlConstruct:
    id: str
    origin: str
    html: str
    forbid: tuple[str, ...]
    keep: tuple[str, ...] = ()

    @property
    def tail(self) -> str:
        """The paragraph put after the construct in its posting."""
        return f"Tail of {self.id}."

    @property
    def body(self) -> str:
        return f"{self.html}\n<p>{self.tail}</p>"


@dataclass(frozen=True)
class TextConstruct:
    id: str
    origin: str
    field: str
    text: str
    forbid: tuple[str, ...] = ()
    expect: str | None = None
    keep: tuple[str, ...] = ()
    max_chars: int | None = None
    flagged: tuple[str, ...] = ()


def html_constructs(part: str = "tuned") -> list[HtmlConstruct]:
    entries = tomllib.loads((PARTS[part] / "html.toml").read_text(encoding="utf-8"))["construct"]
    return [
        HtmlConstruct(
            id=e["id"],
            origin=e["origin"],
            html=e["html"],
            forbid=tuple(e["forbid"]),
            keep=tuple(e.get("keep", ())),
        )
        for e in entries
    ]


def text_constructs(part: str = "tuned") -> list[TextConstruct]:
    entries = tomllib.loads((PARTS[part] / "text.toml").read_text(encoding="utf-8"))["construct"]
    out = []
    for e in entries:
        text = json.loads(e["text_json"]) if "text_json" in e else e["text"]
        out.append(
            TextConstruct(
                id=e["id"],
                origin=e["origin"],
                field=e["field"],
                text=text * e.get("repeat", 1),
                forbid=tuple(e.get("forbid", ())),
                expect=e.get("expect"),
                keep=tuple(e.get("keep", ())),
                max_chars=e.get("max_chars"),
                flagged=tuple(e.get("flagged", ())),
            )
        )
    return out


# --- a browser's reading of HTML ----------------------------------------------------------------

# Elements whose content a browser never shows as text of the page (raw text and RCDATA
# elements, templates, noscript with scripting on): text that ends up inside one is not text a
# sanitiser can lose.
_UNSHOWN = frozenset(
    {
        "script", "style", "template", "noscript", "iframe", "noembed", "noframes", "title",
        "textarea", "xmp", "plaintext", "head",
    }
)  # fmt: skip
# What a browser ignores in a URL before reading its scheme: leading C0 controls and spaces, and
# tabs and newlines anywhere. Removed everywhere here, so a scheme split by them is still seen.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def parse(html: str) -> ET.Element:
    """``html`` as a browser parses it into a ``<div>`` (element.innerHTML = html)."""
    return html5lib.parseFragment(html, container="div", namespaceHTMLElements=False)


def local(name: Any) -> str:
    """An element's or attribute's name without its namespace, lower-cased."""
    return str(name).rpartition("}")[2].lower()


def is_comment(el: ET.Element) -> bool:
    return el.tag is ET.Comment  # type: ignore[comparison-overlap]


def elements(root: ET.Element) -> Iterator[ET.Element]:
    for el in root.iter():
        if el is not root and isinstance(el.tag, str):
            yield el


def visible_text(root: ET.Element) -> str:
    """The text a reader sees, whitespace collapsed."""
    parts: list[str] = []

    def walk(el: ET.Element, hidden: bool) -> None:
        hide = hidden or is_comment(el) or (isinstance(el.tag, str) and local(el.tag) in _UNSHOWN)
        if el.text and not hide:
            parts.append(el.text)
        for child in el:
            walk(child, hide)
            if child.tail and not hide:  # what follows the child is this element's content
                parts.append(child.tail)

    walk(root, False)
    return " ".join("".join(parts).split())


def has_url(value: str, scheme: str) -> bool:
    """Whether an attribute value holds a ``scheme:`` URL anywhere (a list of values, a meta
    refresh's ``url=``, a CSS ``url(...)``), as a browser would read the scheme."""
    squeezed = _URL_NOISE.sub("", value).lower()
    return re.search(rf"(?<![a-z0-9+.\-]){re.escape(scheme)}:", squeezed) is not None


def survivors(forbid: tuple[str, ...], html: str) -> list[str]:
    """The entries of ``forbid`` still present in ``html`` as a browser reads it."""
    root = parse(html or "")
    found: list[str] = []
    for rule in forbid:
        kind, _, name = rule.partition(":")
        if kind == "element":
            hit = any(local(el.tag) == name for el in elements(root))
        elif kind == "attribute":
            names = (local(a) for el in elements(root) for a in el.attrib)
            hit = any(n.startswith("on") if name == "on*" else n == name for n in names)
        elif kind == "url":
            values = (v for el in elements(root) for v in el.attrib.values())
            hit = any(has_url(v, name) for v in values)
        elif kind == "comment":
            hit = any(is_comment(el) for el in root.iter())
        else:
            raise ValueError(f"unknown forbid rule {rule!r}")
        if hit:
            found.append(rule)
    return found


# --- what is never allowed -----------------------------------------------------------------------

# Characters no output may hold (docs/items.md, "What no text holds"), written here apart from
# the rules the code reads: controls but TAB and LF, DEL and C1, bidi embeddings, overrides and
# isolates, BOM, ZERO WIDTH SPACE, WORD JOINER, invisible operators, lone surrogates.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
# A joiner between two ASCII letters or digits, or at an edge, or doubled: it joins nothing.
_IDLE_JOINER = re.compile("(?:^|(?<=[A-Za-z0-9]))[\u200c\u200d](?=[A-Za-z0-9]|$)|[\u200c\u200d]{2}")


def forbidden(text: str) -> list[str]:
    """What in ``text`` no output may hold: the characters (as U+XXXX), or "not NFC"."""
    found = [f"U+{ord(c):04X}" for c in _FORBIDDEN.findall(text)]
    found += [f"idle joiner U+{ord(m.group()[0]):04X}" for m in _IDLE_JOINER.finditer(text)]
    if not _FORBIDDEN.search(text) and not unicodedata.is_normalized("NFC", text):
        found.append("not NFC")
    return found


_C0_AND_SPACE = "".join(chr(point) for point in range(0x21))


def url_scheme(value: str) -> str | None:
    """The scheme of a URL as a browser reads it (leading controls and spaces, tabs and newlines
    ignored); None for a relative URL."""
    squeezed = re.sub(r"[\t\n\r]", "", value).strip(_C0_AND_SPACE)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", squeezed)
    return match.group(1).lower() if match else None


def violations(html: str) -> list[str]:
    """What in ``html``, as a browser reads it, the allow-list of docs/items.md does not allow
    (its elements, attributes, URL schemes and rel, no comment), and every character no text
    may hold, in text and attribute values alike."""
    from scrapers.sanitise import rules  # the allow-list docs/items.md lists (a test agrees)

    policy = rules().html
    root = parse(html or "")
    found: list[str] = []
    for node in root.iter():
        if is_comment(node):
            found.append("comment")
            continue
        if node is not root:
            name = local(node.tag)
            if "}" in str(node.tag) or name not in policy.tags:
                found.append(f"element {node.tag}")
            for attribute, value in node.attrib.items():
                key = local(attribute)
                allowed = (
                    key in policy.attributes.get(name, ())
                    or value in policy.attribute_values.get(key, ())
                    or (name, key, value) == ("a", "rel", policy.link_rel)
                )
                if "}" in str(attribute) or not allowed:
                    found.append(f"attribute {name} {attribute}={value!r}")
                if key == "href" and url_scheme(value) not in policy.url_schemes:
                    found.append(f"URL {value!r}")
                found += [f"{c} in {name} {key}" for c in forbidden(value)]
        for text in (node.text, node.tail if node is not root else None):
            found += [f"{c} in text" for c in forbidden(text or "")]
    return found


# --- judging an exported item -------------------------------------------------------------------


@dataclass
class Verdict:
    """What one construct came to through one source."""

    construct: str
    source: str
    survived: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    missing: str | None = None  # why the posting was not exported
    # Anything of the exported item outside the allow-list, or a character no text may hold
    # (`violations`, `forbidden`): stricter than `forbid`, for the sanitiser's own tests.
    unsafe: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.survived or self.damaged or self.missing)


def strings(value: Any) -> Iterator[str]:
    """Every string of an item, keys of nested objects included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = {
    "title": "title",
    "company": "company",
    "location": "location_raw",
    "department": "department",
}


def unsafe(item: dict[str, Any]) -> list[str]:
    """Anything of an exported item that is not allowed (see ``Verdict.unsafe``)."""
    found = [f"description_html: {v}" for v in violations(item.get("description_html") or "")]
    return found + [f for value in strings(item) for f in forbidden(value)]


def judge_html(construct: HtmlConstruct, item: dict[str, Any], source: str) -> Verdict:
    verdict = Verdict(construct.id, source, unsafe=unsafe(item))
    out = item.get("description_html") or ""
    verdict.survived = survivors(construct.forbid, out)
    shown = visible_text(parse(out))
    wanted = [" ".join(k.split()) for k in construct.keep]
    # The paragraph after the construct, when a browser shows it: an unclosed <script>, <style>,
    # <iframe> or comment makes the rest of the body part of itself, in a browser as here.
    if construct.tail in visible_text(parse(construct.body)):
        wanted.append(construct.tail)
    verdict.damaged = [f"lost {text!r}" for text in wanted if text not in shown]
    return verdict


def judge_text(construct: TextConstruct, item: dict[str, Any], source: str) -> Verdict:
    verdict = Verdict(construct.id, source, unsafe=unsafe(item))
    values = list(strings(item))
    for char in construct.forbid:
        pattern = _SURROGATE if char == "surrogate" else re.compile(re.escape(char))
        if any(pattern.search(v) for v in values):
            verdict.survived.append(f"U+{ord(char):04X}" if len(char) == 1 else char)
    if construct.max_chars is not None:
        longest = max((len(v) for v in values), default=0)
        if longest > construct.max_chars:
            verdict.survived.append(f"{longest} characters")
    for name in construct.flagged:
        if name not in (item.get("truncated") or []):
            verdict.survived.append(f"{name} not flagged as truncated")
    if construct.expect is not None:
        got = item.get(_FIELDS[construct.field])
        if got != construct.expect:
            verdict.damaged.append(f"{_FIELDS[construct.field]} is {got!r}")
    for text in construct.keep:
        if not any(text in v for v in values):
            verdict.damaged.append(f"lost {text!r}")
    return verdict


# --- the constructs as postings of real sources --------------------------------------------------


def greenhouse_id(index: int) -> int:
    return 9_100_000_000 + index


def lever_id(construct_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"jobsieve-hostile/{construct_id}"))


@dataclass(frozen=True)
class Posting:
    """One construct as the fields a source sends."""

    construct: str
    title: str
    body: str  # HTML
    company: str | None = "Hostile Corp"
    location: str = "Lisbon, Portugal"
    department: str = "Engineering"


def postings(html: list[HtmlConstruct], text: list[TextConstruct]) -> list[Posting]:
    out = [Posting(c.id, f"Hostile HTML {c.id}", c.body) for c in html]
    for c in text:
        fields: dict[str, Any] = {
            "title": f"Hostile text {c.id}",
            "body": f"<p>Body of {c.id}.</p>",
        }
        if c.field == "body":
            fields["body"] = f"<p>{html_lib.escape(c.text, quote=False)}</p>"
        elif c.field == "body_html":
            fields["body"] = c.text
        else:
            fields[c.field] = c.text
        out.append(Posting(c.id, **fields))
    return out


def greenhouse_board(items: list[Posting]) -> Recording:
    from scrapers.extractors.greenhouse import board_jobs_url

    jobs = []
    for index, posting in enumerate(items):
        job_id = greenhouse_id(index)
        jobs.append(
            {
                "id": job_id,
                "title": posting.title,
                "company_name": posting.company,
                "location": {"name": posting.location},
                "departments": [{"id": 1, "name": posting.department}],
                "absolute_url": (
                    f"https://job-boards.greenhouse.io/{GREENHOUSE_BOARD}/jobs/{job_id}"
                ),
                "updated_at": "2026-11-20T10:00:00-05:00",
                "first_published": "2026-11-20T10:00:00-05:00",
                "language": "en",
                "metadata": None,
                # Greenhouse sends the body entity-escaped once more.
                "content": html_lib.escape(posting.body),
            }
        )
    # json.dumps writes a lone surrogate as a \ud800 escape, as a server's JSON encoder would.
    body = json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}).encode()
    return Recording("GET", board_jobs_url(GREENHOUSE_BOARD), 200, JSON, body)


def lever_boards(items: list[Posting]) -> dict[str, Recording]:
    """Lever boards of the postings (its API names no company: those constructs are left out)."""
    from scrapers.extractors.lever import PAGE_SIZE, postings_url

    carried = [p for p in items if p.company == "Hostile Corp"]
    boards: dict[str, Recording] = {}
    for start in range(0, len(carried), LEVER_BOARD_SIZE):
        board = f"{LEVER_BOARD_PREFIX}{start // LEVER_BOARD_SIZE + 1}"
        entries = []
        for posting in carried[start : start + LEVER_BOARD_SIZE]:
            posting_id = lever_id(posting.construct)
            entries.append(
                {
                    "id": posting_id,
                    "text": posting.title,
                    "categories": {
                        "commitment": "Full-time",
                        "department": posting.department,
                        "location": posting.location,
                        "allLocations": [posting.location],
                    },
                    "createdAt": 1795000000000,
                    "description": posting.body,
                    "lists": [],
                    "hostedUrl": f"https://jobs.lever.co/{board}/{posting_id}",
                    "applyUrl": f"https://jobs.lever.co/{board}/{posting_id}/apply",
                    "workplaceType": "onsite",
                }
            )
        url = postings_url(board, 0, PAGE_SIZE)
        boards[board] = Recording("GET", url, 200, JSON, json.dumps(entries).encode())
    return boards


def source_ids(items: list[Posting]) -> dict[str, dict[str, str]]:
    """Each source's id of each construct's posting."""
    return {
        "greenhouse": {str(greenhouse_id(i)): p.construct for i, p in enumerate(items)},
        "lever": {lever_id(p.construct): p.construct for p in items if p.company == "Hostile Corp"},
    }


# --- a run of the corpus through the sources ----------------------------------------------------


def judge(
    html: list[HtmlConstruct],
    text: list[TextConstruct],
    exported: dict[str, list[dict[str, Any]]],
    dead: dict[str, list[dict[str, Any]]],
) -> list[Verdict]:
    """Verdicts of every construct through every source that can carry it."""
    ids = source_ids(postings(html, text))
    by_id = {c.id: c for c in [*html, *text]}
    verdicts = []
    for source in SOURCES:
        items = {
            ids[source][i["source_id"]]: i
            for i in exported[source]
            if i["source_id"] in ids[source]
        }
        letters = {
            ids[source].get(str((d.get("item") or {}).get("source_id"))): d.get("reason")
            for d in dead.get(source, [])
        }
        for construct_id in ids[source].values():
            construct = by_id[construct_id]
            item = items.get(construct_id)
            if item is None:
                why = letters.get(construct_id) or "not exported, not dead-lettered"
                verdicts.append(Verdict(construct_id, source, missing=str(why)))
            elif isinstance(construct, HtmlConstruct):
                verdicts.append(judge_html(construct, item, source))
            else:
                verdicts.append(judge_text(construct, item, source))
    return verdicts


async def crawl_corpus(root: Path, part: str = "tuned") -> list[Verdict]:
    """Crawl the part's constructs through Greenhouse and Lever in this process (the reactor must
    run: pytest-twisted in tests, ``main`` here) and judge what was exported."""
    from tests.support.inprocess import crawl, world_with

    html, text = html_constructs(part), text_constructs(part)
    items = postings(html, text)
    lever = lever_boards(items)
    world = world_with(root / "world", greenhouse_board(items), *lever.values())
    exported: dict[str, list[dict[str, Any]]] = {}
    dead: dict[str, list[dict[str, Any]]] = {}
    for source, boards, extra in (
        ("greenhouse", GREENHOUSE_BOARD, {"pay_ranges": "false"}),
        ("lever", ",".join(lever), {}),
    ):
        feeds = root / f"feeds-{source}"
        done = await crawl(source, world=world, feeds=feeds, boards=boards, **extra)
        exported[source] = done.items
        letters = feeds / f"deadletter-{source}.jsonl"
        dead[source] = (
            [json.loads(line) for line in letters.read_text(encoding="utf-8").splitlines()]
            if letters.exists()
            else []
        )
    return judge(html, text, exported, dead)


def summary(verdicts: list[Verdict]) -> dict[str, Any]:
    """Per construct: survived or damaged through any source, or lost there."""
    constructs = sorted({v.construct for v in verdicts})
    of = {c: [v for v in verdicts if v.construct == c] for c in constructs}
    return {
        "constructs": len(constructs),
        "survived": sorted(c for c in constructs if any(v.survived for v in of[c])),
        "damaged": sorted(c for c in constructs if any(v.damaged for v in of[c])),
        "missing": sorted(c for c in constructs if any(v.missing for v in of[c])),
    }


def report(verdicts: list[Verdict], out: Any = sys.stdout) -> None:
    for verdict in verdicts:
        if verdict.clean:
            continue
        what = "; ".join(
            [*(f"survived {s}" for s in verdict.survived), *verdict.damaged]
            + ([f"posting missing ({verdict.missing})"] if verdict.missing else [])
        )
        print(f"{verdict.source:<10} {verdict.construct:<45} {what}", file=out)
    counts = summary(verdicts)
    print(
        f"{counts['constructs']} constructs: {len(counts['survived'])} survive through a source, "
        f"{len(counts['damaged'])} damaged, {len(counts['missing'])} with a posting missing",
        file=out,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=sorted(PARTS), default="tuned")
    parser.add_argument("--json", type=Path, help="write every verdict here")
    args = parser.parse_args()

    from scrapy.utils.reactor import install_reactor

    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    from twisted.internet import defer, task

    async def run() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            verdicts = await crawl_corpus(Path(tmp), args.part)
        report(verdicts)
        if args.json:
            rows = [vars(v) for v in verdicts]
            args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")

    task.react(lambda _reactor: defer.Deferred.fromCoroutine(run()))


if __name__ == "__main__":
    main()
