"""Each exported posting's dedup signature, computed as the crawl exports it and written beside
its feed.

A night matches every posting with every other across sources by its signature
(``scrapers/dedup/signature.py``), which costs about 0.8 ms a posting to compute: more than the
rest of the post-pass together. Computed here, that cost is spread over the crawl, and over
every worker's core in a night with workers (``scrapers/workers``), instead of paid again on one
core after every crawl has ended; the night reads the lines back (``scrapers/night/settle.py``)
and computes only what is missing. One JSON line per exported posting,
``{"id": …, "fingerprint": …, "signature": …}`` (:meth:`Signature.as_json`): the night takes a
signature only for the posting of that id and content fingerprint.

Off unless ``JOBSIEVE_POSTING_SIGNATURES`` names the file (``%(name)s`` is the spider's name):
``scrapy crawlall`` sets it to the night's staging folder.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.utils.serialize import ScrapyJSONEncoder

from scrapers.dedup.signature import Signature
from scrapers.posting_boards import StagedLinesExtension

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# As the feed exporters write an item: the signature is of the posting the feed holds.
_ENCODER = ScrapyJSONEncoder(ensure_ascii=False)


def encoded_item(item: Any) -> str:
    """``item`` as one line of the night's staged feed."""
    return _ENCODER.encode(ItemAdapter(item).asdict())


def signature_line(line: str) -> dict[str, Any] | None:
    """The staged signature of the posting on feed line ``line`` (None: it has no id)."""
    posting = json.loads(line)
    if not posting.get("id"):
        return None
    return {
        "id": posting["id"],
        "fingerprint": posting.get("fingerprint"),
        "signature": Signature.of(posting).as_json(),
    }


class PostingSignaturesExtension(StagedLinesExtension):
    setting = "JOBSIEVE_POSTING_SIGNATURES"

    def __init__(self, crawler: Crawler, template: str) -> None:
        super().__init__(crawler, template)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    def item_scraped(self, item: Any, **kwargs: Any) -> None:
        line = signature_line(encoded_item(item))
        if line is not None:
            self.lines.write(line)
