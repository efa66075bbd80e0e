"""The nightly pass (``scrapy crawlall``) as a sequence of named steps.

=============  ===========================================================================
``plan``       what the night is asked to do, and where its files go
``crawl``      1. crawl the sources, each crawler exporting into the staging folder
``settle``     2. statuses, clusters across sources and expiry over the staged items
``stage``      3. postings, jobs, delta, expired, dead letters and the report, staged
``publish``    4. the staging folder renamed into place in one step
``run``        the steps in order, 5. the state committed, each step announced (``signals``)
``lock``       one night at a time in a feeds folder
``interrupt``  SIGINT and SIGTERM: nothing published, nothing committed
``status``     complete, degraded or failed; the command's exit codes
``report``     the run report and the summary the command prints
``files``      JSON Lines read line by line; files fsynced before they are renamed
=============  ===========================================================================
"""
