"""Lever sites: `scrapy crawl lever [-a boards=farfetch,eu:backmarket,...]`.

A board is the site name in ``https://jobs.lever.co/<site>`` (``farfetch``). Sites on Lever's
EU instance (``https://jobs.eu.lever.co/<site>``, API ``api.eu.lever.co``) are written with an
``eu:`` prefix: ``eu:backmarket``. Company names come from ``companies`` in the ``[lever]``
table of the sources file, since the API does not give them.
"""

from scrapers.platforms.lever import LeverSpider as LeverBase


class LeverSpider(LeverBase):
    name = "lever"
