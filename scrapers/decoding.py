"""A text answer whose bytes are not valid in the charset it declares is read anyway, and counted.

A list declared UTF-8 with one latin-1 byte in it, or one invalid byte, would otherwise fail its
whole board ("can't decode byte 0xe9"). This downloader middleware, after decompression, checks
every text response (JSON, HTML, XML, plain text) against its declared charset — BOM,
``Content-Type``, else ``<meta charset>`` / the XML declaration, else UTF-8 — and, when the bytes
are not valid in it, reads them as ``scrapers.extractors.common.decode_body`` says (UTF-8 with the
bad bytes replaced, or the single-byte charset detection finds) and hands the spider the same
text re-encoded as UTF-8, its declarations saying so. Each such answer is counted
(``jobsieve/decode_replaced`` and ``jobsieve/source/<spider>/<board>/decode_replaced``) and
logged; a valid answer passes untouched, byte for byte.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from scrapy.http import Request, Response, TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from scrapers.extractors.common import codec_of, decode_body

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# Declarations inside the body that must say UTF-8 once the body is UTF-8 (the HTML prescan and
# the XML declaration both sit at the very start).
_HEAD = 4096
_META_CHARSET = re.compile(r"(<meta\s[^>]*?charset\s*=\s*[\"']?\s*)([-\w.:]+)", re.I)
_XML_ENCODING = re.compile(r"(<\?xml[^>]*?encoding\s*=\s*[\"'])([^\"']+)", re.I)


def declared_charset(response: TextResponse) -> str | None:
    """What the answer says its charset is: BOM, then Content-Type, then the body's own
    declaration (``<meta charset>``, the XML declaration); None when it says nothing."""
    bom, _ = read_bom(response.body)
    if bom:
        return bom
    content_type = response.headers.get(b"Content-Type")
    header = http_content_type_encoding(content_type.decode("latin-1")) if content_type else None
    return header or html_body_declared_encoding(response.body)


def as_utf8(text: str) -> bytes:
    """``text`` as UTF-8 bytes, its own charset declarations rewritten to say so."""
    head = _XML_ENCODING.sub(r"\g<1>utf-8", _META_CHARSET.sub(r"\g<1>utf-8", text[:_HEAD]))
    return (head + text[_HEAD:]).encode("utf-8")


def _content_type_utf8(response: Response) -> bytes:
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
    media = content_type.split(";", 1)[0].strip() or "text/plain"
    return f"{media}; charset=utf-8".encode("latin-1")


class BodyDecodingMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BodyDecodingMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse) or not response.body:
            return response
        declared = declared_charset(response)
        codec = codec_of(declared) or "utf-8"
        try:
            response.body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return response
        decoded = decode_body(response.body, declared)
        self._count(request, response, declared or "UTF-8 (undeclared)", decoded)
        headers = response.headers.copy()
        headers[b"Content-Type"] = _content_type_utf8(response)
        return response.replace(body=as_utf8(decoded.text), headers=headers, encoding="utf-8")

    def _count(self, request: Request, response: Response, declared: str, decoded: Any) -> None:
        board = request.cb_kwargs.get("board")
        spider = self.crawler.spider
        self.stats.inc_value("jobsieve/decode_replaced")
        if isinstance(board, str) and spider is not None:
            self.stats.inc_value(f"jobsieve/source/{spider.name}/{board}/decode_replaced")
        how = (
            f"{decoded.replaced} byte sequence(s) replaced by U+FFFD"
            if decoded.replaced
            else f"read as {decoded.encoding}"
        )
        logger.warning(
            "%s%s is not valid %s: %s",
            f"Board {board!r}: " if isinstance(board, str) else "",
            response.url,
            declared,
            how,
        )
