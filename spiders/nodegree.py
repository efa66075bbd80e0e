"""NoDegree job board: `scrapy crawl nodegree [-a organizations=farfetch,...]`."""

from scrapers.platforms.nodegree import NodegreeSpider as NodegreeBase


class NodegreeSpider(NodegreeBase):
    """NoDegree (https://jobs.nodegree.com), a board showing employers' postings.

    Arguments (each also an option of the ``[nodegree]`` table of sources.toml; an argument wins;
    a bad value stops the crawl at start):

    - ``organizations=farfetch,...`` (or ``boards=``): organisation slugs, as in
      ``/organizations/<slug>/jobs``; default: the table's ``boards``.
    - ``max_pages=N`` (1-10000, default 20): listing pages read per organisation at most.
    - ``all_jobs_pages=N`` (0-10000, default 0 = off): also read the first N pages of the
      all-jobs listing ``/jobs?page=N`` and every job they link to.

    Assumed, not verified (NoDegree documents nothing; see scrapers/extractors/nodegree.py):
    listings are server-rendered, paged by ``?page=N`` with a ``rel="next"`` link; a job page
    holds the employer's text in its own container and links the employer's posting as "+ Show
    Original Job Post" (``original_url``, also ``apply_url``: the board has no form of its own);
    some job pages (not the seed's) carry a JSON-LD ``JobPosting``, which then wins for title,
    company, body, date, employment type and pay, the markup giving the rest; otherwise the chip
    texts ("2 weeks ago", "Mid-Level") are the raw values and the sidebar's category is the
    department. A closed job answers 200 "This job is no longer available": counted as
    ``jobsieve/source/nodegree/<org>/expired``, no item (404/410 too). robots.txt disallows
    search queries, not listings, paging or job pages.
    """

    name = "nodegree"
