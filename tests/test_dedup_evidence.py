"""What a copy keeps verbatim in any language: references, store numbers, contacts, amounts."""

from __future__ import annotations

import pytest

from scrapers.dedup.evidence import amounts, references, shared_tokens


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ref: DE-2026-114", {"de2026114"}),
        ("Kennziffer 4711", {"4711"}),
        ("Référence : RH-0426", {"rh0426"}),
        ("Referencia: MX/2026/031", {"mx2026031"}),
        ("求人番号：A-1203", {"a1203"}),
        ("Store: #1142 Lincoln Park", {"1142"}),
        ("Für unsere Filiale 0412 in Köln", {"0412"}),
        ("Reference our values in your letter", set()),
        ("Ausbildungsfiliale und Filialleitung", set()),
    ],
)
def test_references_labelled_in_many_languages(text, found):
    assert references(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("€60,000 – €75.000 per year", {60000, 75000}),
        ("zwischen 60 000 und 70 000 € brutto", {60000, 70000}),
        ("R$ 8.500 por mês", {8500}),
        ("60k EUR", {60000}),
        ("call +49 89 1234 5678, founded 1998, 2,000 customers", set()),
    ],
)
def test_amounts_are_money_only(text, found):
    assert amounts(text) == found


def test_contacts_and_links_are_tokens():
    tokens = shared_tokens("Mail Jobs@Acme.example or see https://www.acme.example/apply/7.")
    assert {"mail:jobs@acme.example", "url:acme.example/apply/7"} <= tokens
