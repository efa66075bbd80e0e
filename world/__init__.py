"""The recorded world jobsieve is tested against, and the builder that writes it.

``records/`` and ``generated/`` describe postings; ``builder/`` renders them into ``recorded/``,
the exchanges replay serves. The package lives in a checkout only: ``pip install`` ships the
crawler, not its test world, so nothing in ``scrapers/``, ``spiders/`` or ``pipelines/`` imports it.
"""
