"""An answer a spider's extractor cannot read fails like a download that failed.

Extractors raise ``SourceFormatError`` on a response that is not the source's format (malformed
JSON, a page without the expected markup). Rather than every callback catching it, this spider
middleware hands it to the errback of the request that brought the response, wrapped in
:class:`UnreadableResponse`: a board's page then fails the board, a posting's detail keeps what
the list showed, each as the request's role says (``scrapers.spider``). A detail that could not be
read is also dropped from the detail cache first, so the next night fetches it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from scrapy.http import Response
from scrapy.utils.misc import arg_to_iter
from twisted.python.failure import Failure

from scrapers.extractors.base import SourceFormatError


class UnreadableResponse(Exception):
    """A response its extractor could not read; ``error`` says why."""

    def __init__(self, response: Response, error: SourceFormatError) -> None:
        super().__init__(str(error))
        self.response = response
        self.error = error


class UnreadableResponseMiddleware:
    """Next to the spider, so what the errback yields passes every other spider middleware."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> UnreadableResponseMiddleware:
        return cls(crawler)

    def process_spider_exception(
        self, response: Response, exception: Exception
    ) -> Iterable[Any] | None:
        if not isinstance(exception, SourceFormatError):
            return None
        request = response.request
        if request is None or request.errback is None:
            return None
        forget = getattr(self.crawler.spider, "forget_cached", None)
        if forget is not None:
            forget(response)
        failure = Failure(UnreadableResponse(response, exception))
        failure.request = request  # type: ignore[attr-defined]
        return arg_to_iter(request.errback(failure))
