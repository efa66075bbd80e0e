"""What leaves jobsieve is safe to render and to print (pure package, no Scrapy).

- ``clean_text``: no control, bidi or invisible character, NFC (``text.py``);
- ``sanitise_html``: an allow-list of elements, attributes and URL schemes (``html.py``);
- ``cut_html``, ``cut_text``, ``cap_source_html``: bodies cut to a size limit at a tag or
  between words, and a source's HTML before it is sanitised (``size.py``);
- ``sanitise_posting``: all of it on every string of a posting (``posting.py``).

The rules are data: ``scrapers/data/sanitise.toml`` (``rules.py`` reads them); docs/items.md
says the same for readers of the feeds.
"""

from scrapers.sanitise.html import sanitise_html
from scrapers.sanitise.posting import Sanitised, sanitise_posting
from scrapers.sanitise.rules import rules
from scrapers.sanitise.size import cap_source_html, cut_html, cut_text
from scrapers.sanitise.text import clean_text, is_clean

__all__ = [
    "Sanitised",
    "cap_source_html",
    "clean_text",
    "cut_html",
    "cut_text",
    "is_clean",
    "rules",
    "sanitise_html",
    "sanitise_posting",
]
