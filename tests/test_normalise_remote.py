import pytest

from scrapers.normalise.remote import normalise_remote


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # labels in several languages
        ("Hybrid", "hybrid"),
        ("Télétravail fréquent", "hybrid"),
        ("Télétravail occasionnel", "hybrid"),
        ("Télétravail total", "remote"),
        ("Homeoffice möglich", "hybrid"),
        ("100% remoto", "remote"),
        ("Remoto", "remote"),
        ("Híbrido", "hybrid"),
        ("Da remoto", "remote"),
        ("Op afstand", "remote"),
        ("On-site", "onsite"),
        ("Onsite", "onsite"),
        ("On site", "onsite"),
        ("Sur site", "onsite"),
        ("Presencial", "onsite"),
        ("Fully remote", "remote"),
        # WTTJ enum
        ("fulltime", "remote"),
        ("partial", "hybrid"),
        ("punctual", "hybrid"),
        ("no", "onsite"),
        ("unknown", None),
        # Lever enum
        ("on-site", "onsite"),
        ("remote", "remote"),
        ("hybrid", "hybrid"),
        ("unspecified", None),
        # Ashby / Teal enum
        ("OnSite", "onsite"),
        ("Remote", "remote"),
        # schema.org jobLocationType
        ("TELECOMMUTE", "remote"),
        # leading location tokens and title segments
        ("Hybrid-Palo Alto, CA", "hybrid"),
        ("Remote - US", "remote"),
        ("Remote (EU)", "remote"),
        ("Remote US", "remote"),
        ("Remote in Germany", "remote"),
        ("Senior Backend Engineer (Remote)", "remote"),
        ("Paris - Hybrid", "hybrid"),
        # not a workplace label
        ("We are a remote-friendly team", None),
        ("Remote-friendly team", None),
        ("Remote work is possible two days a week", None),
        ("Porto, Portugal", None),
        ("Backend Engineer", None),
        ("Full-time", None),
        # two labels at once decide nothing
        ("Remote or Hybrid", None),
        ("Remote / Hybrid", None),
        # undecided by design
        ("Télétravail", None),
        ("Flexible", None),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_normalise_remote_single_value(raw: str | None, expected: str | None) -> None:
    assert normalise_remote(raw) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # seeds: (remote_raw, location_raw, title)
        (("Télétravail fréquent", "Bordeaux", "Backend Engineer"), "hybrid"),
        (("Hybrid", None, "Sr. Software Engineer, Backend"), "hybrid"),
        ((None, "Porto, Portugal", "Backend Engineer"), None),
        ((None, "Hybrid-Palo Alto, CA", "Sr. Software Engineer, Backend"), "hybrid"),
        # the first decisive value wins; undecided values fall through
        (("unknown", "Remote - US", "Engineer"), "remote"),
        (("no", "Remote - US", "Engineer (Remote)"), "onsite"),
        ((None, None, "Engineer (Remote)"), "remote"),
        ((), None),
    ],
)
def test_normalise_remote_first_decisive_wins(
    values: tuple[str | None, ...], expected: str | None
) -> None:
    assert normalise_remote(*values) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Fully-remote", "remote"),
        ("A few days at home", "hybrid"),
        ("Occasional remote", "hybrid"),
        ("No remote work", "onsite"),
    ],
)
def test_welcome_to_the_jungle_english_labels(raw: str, expected: str) -> None:
    assert normalise_remote(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # pl
        ("Praca zdalna", "remote"),
        ("Zdalnie", "remote"),
        ("Praca hybrydowa", "hybrid"),
        ("Stacjonarnie", "onsite"),
        # sv
        ("På distans", "remote"),
        ("Hybridarbete", "hybrid"),
        ("På plats", "onsite"),
        # ja
        ("フルリモート", "remote"),
        ("ハイブリッド", "hybrid"),
        ("出社", "onsite"),
        # issue forms
        ("Télétravail fréquent", "hybrid"),
        ("Télétravail total", "remote"),
        ("Homeoffice möglich", "hybrid"),
        ("100% remoto", "remote"),
        ("On-site", "onsite"),
        ("Remote (EU)", "remote"),
        ("Hybrid-Palo Alto, CA", "hybrid"),
        # an unknown word is no guess
        ("リモートワーク可", None),
        ("Distans", None),
    ],
)
def test_normalise_remote_more_languages(raw: str, expected: str | None) -> None:
    assert normalise_remote(raw) == expected
