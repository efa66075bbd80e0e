"""Turn a posting body (HTML or plain text) into a flat list of blocks, and blocks back into text.

Pure module (no Scrapy): spiders, pipelines and tests all share it. The block list is what the
boilerplate step classifies, and `render_blocks` produces the contract's `description` format.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from parsel import Selector

__all__ = [
    "Block",
    "blocks_from_html",
    "blocks_from_text",
    "normalise_spaces",
    "render_blocks",
    "sanitise_html",
]

HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"
LINE = "line"

# Rank given to headings whose real rank is unknown: bold-only HTML paragraphs and plain-text
# headings. It is below h6 so an <hN> section is never cut short by an inline-bold subheading.
PSEUDO_HEADING_LEVEL = 7


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "heading" | "paragraph" | "item" | "line"
    text: str
    # Heading rank (1-6 for h1-h6, PSEUDO_HEADING_LEVEL otherwise, 0 for non-headings). Excluded
    # from equality so `Block("heading", "X")` still equals a parsed <h2>X</h2>.
    level: int = field(default=0, compare=False)
    # Text input only: index of the blank-line-separated group the block came from (0 for HTML).
    # A section headed by a line of a group ends with that group.
    group: int = field(default=0, compare=False)


# --------------------------------------------------------------------------------------------
# Whitespace
# --------------------------------------------------------------------------------------------

# Invisible characters that only break matching. ZWJ/ZWNJ stay: emoji and some scripts need them.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# `\s` in Python's Unicode mode already covers NBSP, the U+2000 block, NNBSP and ideographic space.
_SPACES_RE = re.compile(r"\s+")


def normalise_spaces(text: str) -> str:
    """Collapse every run of (odd) whitespace to one space and trim."""
    return _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()


# --------------------------------------------------------------------------------------------
# HTML -> blocks
# --------------------------------------------------------------------------------------------

_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "math"})
_BOLD_TAGS = frozenset({"strong", "b"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
        *_HEADING_TAGS,
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
# A fully bold paragraph longer than this is emphasis, not a heading.
_BOLD_HEADING_MAX_CHARS = 120


def _tag(el: etree._Element) -> str | None:
    # Comments and processing instructions have a non-string tag.
    return el.tag.lower() if isinstance(el.tag, str) else None


def _has_block_descendant(el: etree._Element) -> bool:
    return any(_tag(d) in _BLOCK_TAGS for d in el.iterdescendants())


def _is_bold_only(el: etree._Element) -> bool:
    """`<p><strong>Benefits</strong></p>`: the paragraph's whole text sits in one bold child."""
    children = [c for c in el if _tag(c) is not None]
    if len(children) != 1 or _tag(children[0]) not in _BOLD_TAGS:
        return False
    child = children[0]
    if normalise_spaces(el.text or "") or normalise_spaces(child.tail or ""):
        return False
    if _has_block_descendant(child):
        return False
    text = normalise_spaces("".join(child.itertext()))
    return 0 < len(text) <= _BOLD_HEADING_MAX_CHARS


class _HtmlWalker:
    """Depth-first walk that buffers inline text and emits a block at each block boundary."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._broken = False  # a <br> was seen in the current paragraph run

    def flush(self, kind: str, level: int = 0) -> None:
        text = normalise_spaces("".join(self._parts))
        self._parts.clear()
        if text:
            if kind == PARAGRAPH and self._broken:
                kind = LINE
            self.blocks.append(Block(kind, text, level if kind == HEADING else 0))

    def end_run(self, kind: str, level: int = 0) -> None:
        self.flush(kind, level)
        self._broken = False

    def walk(self, el: etree._Element, kind: str, level: int) -> None:
        tag = _tag(el)
        if tag is None or tag in _DROP_TAGS:
            return
        if tag == "br":
            self._on_br(kind, level)
        elif tag in _HEADING_TAGS:
            self._walk_block(el, HEADING, _HEADING_TAGS[tag], outer=(kind, level))
        elif tag == "li":
            self._walk_block(el, ITEM, 0, outer=(kind, level))
        elif tag in ("p", "div") and kind == PARAGRAPH and _is_bold_only(el):
            self._walk_block(el, HEADING, PSEUDO_HEADING_LEVEL, outer=(kind, level))
        elif tag in _BLOCK_TAGS:
            # A <p> inside an <li> or heading keeps the enclosing kind.
            inner = kind if kind in (ITEM, HEADING) else PARAGRAPH
            self._walk_block(el, inner, level if inner == HEADING else 0, outer=(kind, level))
        else:
            self._walk_children(el, kind, level)
            if tag in _CELL_TAGS:
                self._parts.append(" ")

    def _on_br(self, kind: str, level: int) -> None:
        if kind in (ITEM, HEADING):
            self._parts.append(" ")  # a wrapped item or heading is still one block
        else:
            self._broken = True
            self.flush(kind, level)

    def _walk_block(
        self, el: etree._Element, kind: str, level: int, outer: tuple[str, int]
    ) -> None:
        self.end_run(*outer)
        self._walk_children(el, kind, level)
        self.end_run(kind, level)

    def _walk_children(self, el: etree._Element, kind: str, level: int) -> None:
        if el.text:
            self._parts.append(el.text)
        for child in el:
            self.walk(child, kind, level)
            if child.tail:
                self._parts.append(child.tail)


def blocks_from_html(html: str) -> list[Block]:
    """Blocks of an HTML body or page; scripts, styles and templates are dropped."""
    if not html or not html.strip():
        return []
    root = Selector(text=html, type="html").root
    walker = _HtmlWalker()
    walker.walk(root, PARAGRAPH, 0)
    walker.end_run(PARAGRAPH)
    return walker.blocks


# --------------------------------------------------------------------------------------------
# Plain text -> blocks
# --------------------------------------------------------------------------------------------

# Glyph bullets may touch their text; ASCII-ish markers need a space so "-5%" or "*nix" survive.
_BULLET_RE = re.compile(r"^\s*(?:[•·●◦▪‣○■►✓✔]\s*|[-*–]\s+)(?=\S)")
_FINAL_PUNCT = tuple(".!?;:,…")
_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 12
_HAS_LETTER_RE = re.compile(r"[^\W\d_]")


def _looks_like_heading(line: str) -> bool:
    return (
        len(line) <= _HEADING_MAX_CHARS
        and len(line.split()) <= _HEADING_MAX_WORDS
        and not line.endswith(_FINAL_PUNCT)
        and _HAS_LETTER_RE.search(line) is not None
    )


def _group_blocks(group: list[str], group_id: int) -> Iterator[Block]:
    """A run of consecutive plain lines: alone it is a heading or paragraph, else lines.

    Whole-page captures put each visual element (a header field, a sidebar label) on its own
    line with no blank between, so lines of a group are kept apart rather than joined.
    """
    if len(group) == 1:
        line = group[0]
        if _looks_like_heading(line):
            yield Block(HEADING, line, PSEUDO_HEADING_LEVEL, group_id)
        else:
            yield Block(PARAGRAPH, line, 0, group_id)
        return
    for line in group:
        yield Block(LINE, line, 0, group_id)


def blocks_from_text(text: str) -> list[Block]:
    """Blocks of a plain-text body, including whole-page captures with site chrome."""
    blocks: list[Block] = []
    group: list[str] = []
    prev_item_open = False  # the previous physical line was a bullet item (for continuations)

    group_ids = iter(range(1, len(text or "") + 2))

    def close_group() -> None:
        if group:
            blocks.extend(_group_blocks(group, next(group_ids)))
        group.clear()

    for raw in (text or "").splitlines():
        line = normalise_spaces(raw)
        if not line:
            close_group()
            prev_item_open = False
            continue
        bullet = _BULLET_RE.match(raw.replace("\u00a0", " "))
        if bullet:
            close_group()
            item = normalise_spaces(raw.replace("\u00a0", " ")[bullet.end() :])
            blocks.append(Block(ITEM, item))
            prev_item_open = True
        elif prev_item_open and raw[:1].isspace():
            # An indented line right under a bullet continues that item.
            last = blocks[-1]
            blocks[-1] = Block(ITEM, f"{last.text} {line}")
        else:
            group.append(line)
            prev_item_open = False
    close_group()
    return blocks


# --------------------------------------------------------------------------------------------
# Blocks -> text
# --------------------------------------------------------------------------------------------

_TIGHT_KINDS = frozenset({ITEM, LINE})


def render_blocks(blocks: Iterable[Block]) -> str:
    """The contract's `description` format.

    One blank line between blocks, except that consecutive list items (and consecutive lines of
    one `<br>`-split run) stay on consecutive lines. Items are written `- item`.
    """
    out: list[str] = []
    prev_kind: str | None = None
    for block in blocks:
        if not block.text:
            continue
        text = f"- {block.text}" if block.kind == ITEM else block.text
        if prev_kind is not None:
            tight = block.kind == prev_kind and block.kind in _TIGHT_KINDS
            out.append("\n" if tight else "\n\n")
        out.append(text)
        prev_kind = block.kind
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Sanitising HTML for `description_html`
# --------------------------------------------------------------------------------------------

_UNSAFE_TAGS = ("script", "style", "iframe", "object", "embed")
_URL_ATTRS = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}
)
# Browsers ignore ASCII whitespace and control characters inside a URL scheme ("java\tscript:").
_URL_NOISE_RE = re.compile(r"[\x00-\x20\x7f]+")
_UNSAFE_SCHEMES = ("javascript:", "vbscript:")
_DOCUMENT_RE = re.compile(r"^\s*(?:<!doctype|<html[\s>])", re.IGNORECASE)


def _is_script_url(value: str) -> bool:
    return _URL_NOISE_RE.sub("", html_lib.unescape(value)).lower().startswith(_UNSAFE_SCHEMES)


def _clean_tree(root: etree._Element) -> None:
    for el in list(root.iter(*_UNSAFE_TAGS)):
        if el is not root:
            el.drop_tree()  # keeps the element's tail text
    for el in root.iter():
        if _tag(el) is None:
            continue
        for name in list(el.attrib):
            lowered = name.lower()
            if lowered.startswith("on") or (
                lowered in _URL_ATTRS and _is_script_url(el.attrib[name])
            ):
                del el.attrib[name]


def sanitise_html(html: str) -> str:
    """Remove active content (script/style/iframe/object/embed, on* handlers, javascript: URLs).

    Everything else is kept as is. A fragment stays a fragment; a full document stays a document.
    """
    if not html or not html.strip():
        return ""
    if _DOCUMENT_RE.match(html):
        doc = lxml.html.document_fromstring(html)
        _clean_tree(doc)
        return lxml.html.tostring(doc, encoding="unicode")
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    _clean_tree(wrapper)
    head = html_lib.escape(wrapper.text or "", quote=False)
    return head + "".join(lxml.html.tostring(child, encoding="unicode") for child in wrapper)
