"""Ashby job boards: `scrapy crawl ashby [-a boards=backmarket,...]`.

A board is the name in ``https://jobs.ashbyhq.com/<board>``. Company names come from
``companies`` in the ``[ashby]`` table of the sources file, since the API does not give them.
"""

from scrapers.platforms.ashby import AshbySpider as AshbyBase


class AshbySpider(AshbyBase):
    name = "ashby"
