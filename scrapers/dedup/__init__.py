"""Telling postings apart and the same job apart, in one place (no Scrapy import).

==================  ======================================================================
``ids``             a posting's id (``<source>:<source_id>``) and its content fingerprint
``fold``            text folded for comparing: case, accents, spacing
``keys``            strong keys: the ATS posting a URL points at; which sources are ATSs
``sketch``          a body's shingle sample, and how much of one body another holds
``signature``       what matching compares of a posting (company, title, places, facets)
``matching``        ``same_job``: the rule saying two postings are one job
``title_index``     the index naming the postings whose title could match
``clusters``        postings grouped into jobs; the canonical posting of each
==================  ======================================================================

The phrase lists matching reads (legal forms, seniority words, noise words) are data, in
``scrapers/data/dedup.toml``. Within one crawl, ``pipelines/dedup.py`` drops a posting id seen
twice; across sources and nights, ``scrapers/state`` keeps each posting's signature and cluster.
"""
