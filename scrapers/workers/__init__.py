"""A night with many workers (``scrapy crawlall --workers N``, ``scrapy worker URL``): boards
handed out through Redis with a lease, crawled whole by one worker each, their results published
together with the board's acknowledgement, and the night's post-pass run once by the coordinator.
docs/scaling.md has the design."""
