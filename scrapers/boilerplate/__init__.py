"""Boilerplate stripping for posting bodies: keep the employer's text, record everything else.

Pure package (no Scrapy). The body is split into blocks (`scrapers.textblocks`), each block is
classified by rules kept as data (`scrapers/data/boilerplate/`, read by `rules`), and the result is
the contract's clean `description` plus `boilerplate`, the removed blocks in document order with
their category (nothing is lost). `classify` lists the passes; each has its own module.
"""

from scrapers.boilerplate.classify import Classified, Stripped, classify_blocks, strip_boilerplate
from scrapers.boilerplate.rules import CATEGORIES
from scrapers.boilerplate.template import TemplateMemory

__all__ = [
    "CATEGORIES",
    "Classified",
    "Stripped",
    "TemplateMemory",
    "classify_blocks",
    "strip_boilerplate",
]
