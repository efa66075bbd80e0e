"""HTML that is safe to render: ``sanitise_html`` keeps what scrapers/data/sanitise.toml allows
and nothing else (pure module, no Scrapy).

The allow-list is applied by nh3, the Python binding of Rust's ammonia: a maintained sanitiser
that parses as browsers do (html5ever, the WHATWG algorithm), so markup means to it what it
means to a browser, and writes the tree back out in one canonical form. Unclosed elements are
closed where a browser would close them: no text a browser shows is lost after them.

The source is cleaned as any text is (``clean_text``) before it is parsed, but for NFC.
Character references are read by the parse, so a ``&#x202E;`` in the source is a right-to-left
override in the output's text: the text and attribute values of that output are cleaned again,
and composed. That is done on nh3's serialisation, whose grammar is small and fixed: a tag is
``<name attr="value" ...>`` or ``</name>``, a value holds no ``"`` (written ``&quot;``), and text
holds no ``<`` (written ``&lt;``), so splitting it into tags and text is exact. Only characters
are removed or replaced there, never markup.
"""

from __future__ import annotations

import html as html_lib
import re

import nh3

from scrapers.sanitise.rules import HtmlPolicy, rules
from scrapers.sanitise.text import clean_text, is_clean

__all__ = ["sanitise_html"]


def _cleaner(policy: HtmlPolicy) -> nh3.Cleaner:
    restricted = {
        tag: {name: set(values) for name, values in policy.attribute_values.items()}
        for tag in policy.tags
    }
    return nh3.Cleaner(
        tags=set(policy.tags),
        clean_content_tags=set(policy.drop_with_content),
        # "*": no attribute on every element; ammonia would otherwise keep lang and title.
        attributes={"*": set(), **{tag: set(names) for tag, names in policy.attributes.items()}},
        tag_attribute_values=restricted,
        url_schemes=set(policy.url_schemes),
        url_relative="deny",
        link_rel=policy.link_rel,
        strip_comments=True,
    )


_CLEANER = _cleaner(rules().html)
# A tag of nh3's output, its attributes in group 1.
_TAG = re.compile(r'<(?:/[a-zA-Z0-9]+|[a-zA-Z0-9]+((?: [^\s"\'<>/=]+="[^"]*")*))>')
_ATTRIBUTE = re.compile(r'( [^\s"\'<>/=]+=")([^"]*)"')
_NO_TEXT = re.compile(r"(?:<[^>]*>|\s)*")


def _clean_value(match: re.Match[str]) -> str:
    value = clean_text(html_lib.unescape(match.group(2)))
    escaped = value.replace("&", "&amp;").replace('"', "&quot;").replace("\xa0", "&nbsp;")
    return f'{match.group(1)}{escaped}"'


def _clean_text(text: str) -> str:
    cleaned = clean_text(html_lib.unescape(text))
    return html_lib.escape(cleaned, quote=False).replace("\xa0", "&nbsp;")


def _clean_serialised(html: str) -> str:
    """nh3's output with its text and attribute values cleaned (see the module's docstring)."""
    # "&lt;" + U+0338 is "<" + U+0338 in the text, which NFC composes: look at the text then.
    if is_clean(html) and "\u0338" not in html:
        return html
    out: list[str] = []
    position = 0
    for tag in _TAG.finditer(html):
        if tag.start() > position:
            out.append(_clean_text(html[position : tag.start()]))
        attributes = tag.group(1)
        if attributes and not is_clean(attributes):
            out.append(tag.group().replace(attributes, _ATTRIBUTE.sub(_clean_value, attributes)))
        else:
            out.append(tag.group())
        position = tag.end()
    if position < len(html):
        out.append(_clean_text(html[position:]))
    return "".join(out)


def sanitise_html(html: str) -> str | None:
    """``html`` with only what the allow-list keeps, its text clean; None when no text is left
    (a body that was only a script, a frame or a comment is no body)."""
    # The source's characters first, as any text's (not composed: see clean_text): no lone
    # surrogate can cross into Rust, and html5ever, which reports each control character as a
    # parse error, takes seconds over a body of them.
    out = _clean_serialised(_CLEANER.clean(clean_text(html, compose=False)))
    if out.count("<a ") >= 2:
        # A link left inside a link once the element between them went ("<a><object>x<a>y"):
        # a browser reads it as two links, so the output is read again to be what it says.
        out = _clean_serialised(_CLEANER.clean(out))
    return None if _NO_TEXT.fullmatch(out) else out
