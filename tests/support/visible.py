"""A page's text as a browser shows it, line by line, to compare with a seed's capture."""

from __future__ import annotations

import re

import lxml.html

_HIDDEN = frozenset({"head", "script", "style", "template", "noscript", "svg"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "details", "div", "dl", "dd",
        "dt", "figure", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tr", "ul",
    }
)  # fmt: skip
# The capture tool drew some list items with a marker ("- ", "• ").
_LIST_MARKER = re.compile(r"^[-•]\s+")


def _lines(text: str) -> list[str]:
    """``text``'s lines, runs of whitespace collapsed, empty lines dropped."""
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


def visible_lines(page: str | bytes, *, bullet: str = "• ") -> list[str]:
    """The page's text as a browser copy shows it: block elements on lines of their own, inline
    ones run together, the items of a bulleted list prefixed ``bullet``; nothing from <head>,
    scripts, styles, icons or hidden elements; whitespace collapsed, empty lines dropped."""
    parts: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is not None and tag not in _HIDDEN and element.get("hidden") is None:
            block = tag in _BLOCKS
            parts.append("\n" if block else "")
            parent = element.getparent()
            if tag == "li" and parent is not None and parent.tag == "ul":
                parts.append(bullet)
            parts.append(element.text or "")
            for child in element:
                walk(child)
            parts.append("\n" if block else "")
        parts.append(element.tail or "")

    walk(lxml.html.document_fromstring(page))
    return _lines("".join(parts))


def capture_lines(text: str, *, markers: bool = True) -> list[str]:
    """A capture's lines as ``visible_lines`` gives a page's; without ``markers``, the list markers
    the capture tool drew taken off."""
    lines = _lines(text)
    return lines if markers else [_LIST_MARKER.sub("", line) for line in lines]
