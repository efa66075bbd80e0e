"""Pay written in a posting's body, for a source with no pay field: the sentence and its salary.

A body is full of money that is not the job's pay (funding rounds, budgets, bonuses), so a
sentence is trusted only when it clearly states pay: a pay word (``body_pay_words`` of
``scrapers/data/salary.toml``) and an amount the salary normaliser reads with its currency,
as a range or with a period, and none of the words that make it the company's money
(``body_pay_not``). The first such sentence is the posting's pay; it is kept as ``salary_raw``.
"""

from __future__ import annotations

import re

from scrapers.normalise.countries import fold
from scrapers.normalise.salary import Salary, parse_salary
from scrapers.normalise.vocabulary import read_vocabulary

__all__ = ["may_state_pay", "pay_in_body"]

_VOCABULARY = read_vocabulary("salary")
_PAY_WORDS = re.compile("|".join(rf"(?:\b{w})" for w in _VOCABULARY["body_pay_words"]))
_NOT_PAY = re.compile("|".join(rf"(?:\b{w})" for w in _VOCABULARY["body_pay_not"]))
# A sentence ends at terminal punctuation before a space, or at a line end; "34.62" does not.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
# Longer "sentences" are paragraphs that run on: too much money talk to tell whose it is.
MAX_SENTENCE_CHARS = 300
_DIGIT = re.compile(r"\d")


def may_state_pay(text: str) -> bool:
    """Whether ``text`` (a body, markup too) names pay at all: a cheap look before reading it."""
    return bool(_DIGIT.search(text)) and bool(_PAY_WORDS.search(fold(text)))


def pay_in_body(text: str | None, *, country: str | None = None) -> tuple[str, Salary] | None:
    """``(sentence, salary)`` of the first body sentence that clearly states the job's pay."""
    if not text or not _DIGIT.search(text):
        return None
    for sentence in _SENTENCE_END.split(text):
        sentence = " ".join(sentence.split())
        if not sentence or len(sentence) > MAX_SENTENCE_CHARS or not _DIGIT.search(sentence):
            continue
        folded = fold(sentence)
        if not _PAY_WORDS.search(folded) or _NOT_PAY.search(folded):
            continue
        salary = parse_salary(sentence, country=country)
        if not salary or not salary.get("currency"):
            continue
        if salary.get("period") or salary.get("min") != salary.get("max"):
            return sentence, salary
    return None
