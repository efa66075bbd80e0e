"""Bodies cut to a size limit without losing more than the limit asks: at a tag or between words,
never inside a tag or a character reference, the HTML still well formed (pure module, no
Scrapy). The caller says that it cut: a cut is never silent."""

from __future__ import annotations

from scrapers.sanitise.html import sanitise_html

__all__ = ["cap_source_html", "cut_html", "cut_text"]

# How far back from the limit a cut looks for a better place (a space, a tag) before cutting
# where it is.
_LOOK_BACK = 1000
# Room left for the end tags the sanitiser writes for elements the cut leaves open.
_END_TAGS_ROOM = 200


def _back_to_space(text: str) -> str:
    """``text`` less a trailing partial word, unless the last space is too far back."""
    space = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t"))
    return text[: space + 1] if space >= len(text) - _LOOK_BACK else text


def cut_text(text: str, limit: int) -> str:
    """``text`` if it fits, else its start, at most ``limit`` characters, ended between words."""
    if len(text) <= limit:
        return text
    return _back_to_space(text[:limit]).rstrip()


def _html_prefix(html: str, size: int) -> str:
    """The start of sanitised ``html``, about ``size`` characters, ended outside any tag and
    reference, between words when it ends in text."""
    piece = html[:size]
    tag_start, tag_end = piece.rfind("<"), piece.rfind(">")
    if tag_start > tag_end:  # inside a tag
        return piece[:tag_start]
    reference = piece.rfind("&")
    if reference > piece.rfind(";"):  # inside a character reference (nh3 writes &amp; &lt; ...)
        piece = piece[:reference]
    if tag_end == len(piece) - 1:
        return piece
    # In text: back to the last space of that text, or the tag before it.
    text_start = tag_end + 1
    space = max(piece.rfind(" ", text_start), piece.rfind("\n", text_start))
    if space >= max(text_start, len(piece) - _LOOK_BACK):
        return piece[: space + 1]
    return piece if len(piece) - text_start > _LOOK_BACK else piece[:text_start]


def cut_html(html: str, limit: int) -> str | None:
    """Sanitised ``html`` if it fits, else its start, sanitised again (open elements closed), at
    most ``limit`` characters. None when no text would be left."""
    if len(html) <= limit:
        return html
    size = limit - _END_TAGS_ROOM
    while True:
        out = sanitise_html(_html_prefix(html, size))
        if out is None or len(out) <= limit:
            return out
        size -= len(out) - limit + _END_TAGS_ROOM


def cap_source_html(html: str, max_chars: int, max_tags: int) -> tuple[str, bool]:
    """A source's HTML before it is sanitised: as it is when it has at most ``max_chars``
    characters and ``max_tags`` tags ("<"), else its start up to the tag where either is passed;
    and whether it was cut."""
    tags = html.count("<")
    if len(html) <= max_chars and tags <= max_tags:
        return html, False
    end = min(len(html), max_chars)
    if tags > max_tags:
        position = -1
        for _ in range(max_tags + 1):  # the tag past the limit
            position = html.find("<", position + 1)
        end = min(end, position)
    start_of_tag = html.rfind("<", 0, end)
    return html[: start_of_tag if start_of_tag > 0 else end], True
