"""Turn a posting body (HTML or plain text) into a flat list of blocks, and blocks back into text.

Pure module (no Scrapy): spiders, pipelines and tests all share it. The block list is what the
boilerplate step classifies, and `render_blocks` produces the contract's `description` format.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from parsel import Selector

__all__ = [
    "Block",
    "ParsedHtml",
    "blocks_from_html",
    "blocks_from_text",
    "normalise_spaces",
    "parse_html",
    "render_blocks",
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


def normalise_spaces(text: str) -> str:
    """Collapse every run of (odd) whitespace to one space and trim.

    `str.split()` splits on exactly what `\\s` matches in a Unicode regex (NBSP, the U+2000 block,
    NNBSP, ideographic space...; a test checks every code point), at a fraction of a regex's cost.
    """
    if not text.isascii():  # the invisible characters are all non-ASCII; isascii() is O(1)
        text = _INVISIBLE_RE.sub("", text)
    return " ".join(text.split())


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
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def _has_block_descendant(el: etree._Element) -> bool:
    return any(_tag(d) in _BLOCK_TAGS for d in el.iterdescendants())


def _is_bold_only(el: etree._Element) -> bool:
    """`<p><strong>Benefits</strong></p>`: the paragraph's whole text sits in one bold child."""
    # Asked of every <p> and <div>: the test that usually fails (text before any child) first.
    text = el.text
    if text and normalise_spaces(text):
        return False
    child = None
    for c in el:
        if isinstance(c.tag, str):  # comments and processing instructions do not count
            if child is not None:
                return False
            child = c
    if child is None or _tag(child) not in _BOLD_TAGS:
        return False
    tail = child.tail
    if tail and normalise_spaces(tail):
        return False
    if _has_block_descendant(child):
        return False
    text = normalise_spaces("".join(child.itertext()))
    return 0 < len(text) <= _BOLD_HEADING_MAX_CHARS


class _HtmlWalker:
    """Depth-first walk that buffers inline text and emits a block at each block boundary."""

    __slots__ = ("_broken", "_parts", "blocks")

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._broken = False  # a <br> was seen in the current paragraph run

    def flush(self, kind: str, level: int = 0) -> None:
        parts = self._parts
        if not parts:  # most block boundaries have nothing buffered
            return
        text = normalise_spaces("".join(parts))
        parts.clear()
        if text:
            if kind == PARAGRAPH and self._broken:
                kind = LINE
            self.blocks.append(Block(kind, text, level if kind == HEADING else 0))

    def end_run(self, kind: str, level: int = 0) -> None:
        self.flush(kind, level)
        self._broken = False

    def walk(self, el: etree._Element, kind: str, level: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # comments and processing instructions
            return
        tag = tag.lower()
        if tag in _DROP_TAGS:
            return
        if tag == "br":
            self._on_br(kind, level)
        elif tag in _HEADING_TAGS:
            self.walk_block(el, HEADING, _HEADING_TAGS[tag], kind, level)
        elif tag == "li":
            self.walk_block(el, ITEM, 0, kind, level)
        elif tag in ("p", "div") and kind == PARAGRAPH and _is_bold_only(el):
            self.walk_block(el, HEADING, PSEUDO_HEADING_LEVEL, kind, level)
        elif tag in _BLOCK_TAGS:
            # A <p> inside an <li> or heading keeps the enclosing kind.
            inner = kind if kind in (ITEM, HEADING) else PARAGRAPH
            self.walk_block(el, inner, level if inner == HEADING else 0, kind, level)
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

    def walk_block(
        self, el: etree._Element, kind: str, level: int, outer_kind: str, outer_level: int
    ) -> None:
        """`el` as a block of `kind` inside a run of `outer_kind`."""
        # end_run(outer_kind, outer_level), children, end_run(kind, level), inlined: this runs for
        # every block element, and most boundaries have nothing buffered to flush.
        if self._parts:
            self.flush(outer_kind, outer_level)
        self._broken = False
        self._walk_children(el, kind, level)
        if self._parts:
            self.flush(kind, level)
        self._broken = False

    def _walk_children(self, el: etree._Element, kind: str, level: int) -> None:
        parts = self._parts
        text = el.text
        if text:
            parts.append(text)
        walk = self.walk
        for child in el:
            walk(child, kind, level)
            tail = child.tail
            if tail:
                parts.append(tail)


def _parsel_root(html: str) -> etree._Element:
    # The reference parse of `blocks_from_html`: parsel's, as the spiders' selectors see a page.
    return Selector(text=html, type="html").root


def _walk_document(root: etree._Element) -> list[Block]:
    walker = _HtmlWalker()
    walker.walk(root, PARAGRAPH, 0)
    walker.end_run(PARAGRAPH)
    return walker.blocks


def blocks_from_html(html: str | ParsedHtml) -> list[Block]:
    """Blocks of an HTML body or page; scripts, styles and templates are dropped."""
    if isinstance(html, ParsedHtml):
        return html.blocks
    if not html or not html.strip():
        return []
    return _walk_document(_parsel_root(html))


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
# The fast parse: libxml2 with plain lxml elements, for the block walk
# --------------------------------------------------------------------------------------------

_DOCUMENT_RE = re.compile(r"^\s*(?:<!doctype|<html[\s>])", re.IGNORECASE)


_LOCAL = threading.local()


def _parser() -> etree.HTMLParser:
    """The options of lxml.html's default parser (`lxml.html.html_parser` is a bare `HTMLParser()`)
    but plain lxml elements: lxml.html looks up its element classes in Python for every element
    touched, about a fifth of the block walk, and neither the parse nor the serialisation depends
    on them. One per thread, as its error log is read after each parse (`_walkable`)."""
    try:
        return _LOCAL.parser
    except AttributeError:
        _LOCAL.parser = parser = etree.HTMLParser()
        return parser


# lxml.html.fragment_fromstring's test for "already a document": it then parses without wrapper.
_LXML_FULL_HTML_RE = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE)


def _document(html: str) -> etree._Element:
    """`lxml.html.document_fromstring(html)` with `_parser()`."""
    root = etree.fromstring(html, _parser())
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


def _fast_parse(html: str) -> tuple[etree._Element, bool, bool]:
    """The fast tree of a non-blank body: (root, is a document, parsed by `_parser()`).

    A document is parsed as such. A fragment is parsed inside "<html><body>...</body></html>", as
    `lxml.html.fragment_fromstring(html, create_parent="div")` does, and its <body> stands for the
    `<div>` that function would move the body's content into (a costly move across documents):
    the same text (kept only when not blank, as there) and the same children.
    """
    if _DOCUMENT_RE.match(html):
        return _document(html), True, True
    if not _LXML_FULL_HTML_RE.match(html):
        doc = _document(f"<html><body>{html}</body></html>")
        bodies = [child for child in doc if child.tag == "body"]
        if doc.tag == "html" and len(bodies) == 1:
            body = bodies[0]
            # Set as fragment_fromstring sets its wrapper's text, with lxml's check of the value:
            # text with control characters ("\x0c") raises ValueError there, so here too.
            body.text = body.text if body.text and body.text.strip() else None
            return body, False, True
    # Markup lxml.html handles its own way (or fails on, as before): lxml.html's own function.
    return lxml.html.fragment_fromstring(html, create_parent="div"), False, False


# --------------------------------------------------------------------------------------------
# When the fast parse gives parsel's blocks
# --------------------------------------------------------------------------------------------

# parsel (the reference parse of the blocks) and the fast parse read a body differently: parsel
# parses the stripped text as it is, the fast parse a fragment inside
# "<html><body>...</body></html>" (lxml.html's way). Both are libxml2 with the same tree builder,
# so once inside <body> the same markup gives the same tree; they part ways only at the edges.
# `_walkable` lets the fast tree stand in for parsel's away from every such edge
# (tests/test_textblocks.py has bodies that need each guard), and elsewhere the blocks come from
# parsel's parse, as always.
_ASCII_SPACE = " \t\n\r\f"
# A fragment's first tag: parsel puts a leading head element (<title>, <base>, <style>...) in a
# <head> the walk drops, and places what follows it differently too (a stray <tr> after a <base>
# is dropped), while inside the wrapper's <body> all of it stays. Anything else first (text, a
# comment) is left to parsel's parse as well.
_FIRST_TAG_RE = re.compile(r"[ \t\n\r\f]*<([a-zA-Z][a-zA-Z0-9]*)[ \t\n\r\f/>]")
_BODY_FIRST_TAGS = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "blockquote", "br", "center", "code",
        "dd", "div", "dl", "dt", "em", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "i", "img", "li", "main", "nav", "ol", "p", "pre", "section",
        "small", "span", "strong", "sub", "sup", "table", "u", "ul",
    }
)  # fmt: skip
# Elements whose text runs to their end tag: one the fragment leaves open takes the wrapper's
# "</body></html>" as text of its own.
_RAW_TEXT_TAGS = ("textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
# The fragment's own document tags: after its "</body>" the wrapped parse drops text parsel's
# keeps. libxml2 reports the wrapper's second "</body>" as an error, but not when the fragment
# ends inside a comment or an attribute that swallows the wrapper's tags: so looked for here.
# The substrings are a cheap filter ("<head" is also "<header"), the regex decides.
_DOCUMENT_TAG_HINTS = ("<html", "<head", "<body", "</html", "</head", "</body")
_DOCUMENT_TAG_RE = re.compile(r"</?(?:html|head|body)[\s/>]")


def _has_document_tags(html: str) -> bool:
    lowered = html.lower()
    return any(hint in lowered for hint in _DOCUMENT_TAG_HINTS) and bool(
        _DOCUMENT_TAG_RE.search(lowered)
    )


def _walkable(html: str, root: etree._Element, document: bool) -> bool:
    """Whether the fast tree of `html` gives parsel's blocks (see above).

    Reads `_parser()`'s error log: call it right after the parse. Cheapest guards first.
    """
    if "\x00" in html:  # parsel deletes NULs, libxml2 ends the text at the first one
        return False
    # parsel strips the body with str.strip(): a Unicode space at an edge (NBSP before "<html>")
    # is text to libxml2 in the fast parse only. ASCII spaces the two treat alike. (The
    # error check below catches the known cases too; this one does not depend on libxml2.)
    core = html.strip(_ASCII_SPACE)
    if core[0].isspace() or core[-1].isspace():
        return False
    if _parser().error_log:
        # Any parse error, to be safe. Among them: a libxml2 limit (depth 256, 10 MB of text)
        # that cut the tree short where parsel's parser, with huge_tree, goes on; a lone
        # surrogate, where parsel raises (the posting fails, as it did); misplaced document tags.
        return False
    if document:
        return True
    first = _FIRST_TAG_RE.match(html)
    if first is None or first[1].lower() not in _BODY_FIRST_TAGS:
        return False
    # The fragment must end outside any tag, so that the wrapper's "</body>" is one: an unfinished
    # "<br class=x" would take it as its end, a trailing "</" would become a comment, not text.
    if core[-1] != ">":
        return False
    if next(root.getroottree().iter(*_RAW_TEXT_TAGS), None) is not None:
        return False
    return not _has_document_tags(html)


class ParsedHtml:
    """A body's HTML parsed once, for `blocks_from_html` and `strip_boilerplate`.

    The fast parse's tree is walked for the blocks when it is the tree parsel would give
    (`_walkable`); otherwise the blocks come from parsel's own parse. Either way
    `.blocks == blocks_from_html(html)`, exactly.
    """

    __slots__ = ("_blocks", "_document", "_root", "_walkable", "html")

    def __init__(self, html: str) -> None:
        self.html = html
        self._blocks: list[Block] | None = None
        self._root: etree._Element | None = None
        self._document = self._walkable = False
        if not html or not html.strip():
            self._blocks = []
            return
        try:
            self._root, self._document, ours = _fast_parse(html)
        except Exception:
            # Markup the fast parse refuses (a control character before the first tag, an empty
            # document, lxml.html's own assertion on "<html/>"): the blocks come from parsel's
            # parse, which reads it.
            return
        # `_walkable` reads the error log of the parse just made: right after it.
        self._walkable = ours and _walkable(html, self._root, self._document)

    def __bool__(self) -> bool:
        # As the string it came from: an empty body is no HTML body.
        return bool(self.html)

    @property
    def blocks(self) -> list[Block]:
        if self._blocks is None:
            # A fragment's root is the wrapper's <body>: a block, as parsel's <html> root is.
            root = self._root if self._walkable else _parsel_root(self.html)
            self._blocks = _walk_document(root)
            self._root = None
        return self._blocks


def parse_html(html: str) -> ParsedHtml:
    """Parse a body once for `blocks_from_html` and `strip_boilerplate`."""
    return ParsedHtml(html)
