"""What the tests share: saved responses, spiders on a real crawler, golden cases, nights."""
