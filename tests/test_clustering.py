"""Cross-source clustering: ATS keys, content containment and the hard negatives."""

from __future__ import annotations

import random

import pytest

from scrapers.dedup.clusters import choose_canonical
from scrapers.dedup.keys import ats_key, strong_keys
from scrapers.dedup.matching import same_job, titles_compatible
from scrapers.dedup.signature import Signature, company_key
from scrapers.dedup.sketch import containment, sketch
from scrapers.dedup.title_index import TitleIndex, TitleLookup

UUID = "4e661362-45c4-43d1-9df3-93c231cb78dc"


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://job-boards.greenhouse.io/mercari/jobs/8519643002", "greenhouse:8519643002"),
        (
            "https://boards.greenhouse.io/mercari/jobs/8519643002?gh_src=abc",
            "greenhouse:8519643002",
        ),
        (
            "https://careers.mercari.com/jobs?gh_jid=8519643002&utm_source=x",
            "greenhouse:8519643002",
        ),
        (f"https://jobs.lever.co/farfetch/{UUID}", f"lever:{UUID}"),
        (
            f"https://jobs.eu.lever.co/backmarket/{UUID.upper()}/apply?lever-source=li",
            f"lever:{UUID}",
        ),
        (f"https://jobs.ashbyhq.com/backmarket/{UUID}/application", f"ashby:{UUID}"),
        ("https://apply.workable.com/tidewell-health/j/0195041707/apply/", "workable:0195041707"),
        (
            "https://jobs.smartrecruiters.com/CorvidPayments/744000001100000-junior-frontend?oga=1",
            "smartrecruiters:744000001100000",
        ),
        (
            "https://ostara.wd1.myworkdayjobs.com/OstaraCareers/job/Rotterdam/Accountmanager_R-120008/apply",
            "workday:ostara:R-120008",
        ),
        (
            "https://ostara.wd1.myworkdayjobs.com/en-US/OstaraCareers/job/Accountmanager_R-120008",
            "workday:ostara:R-120008",
        ),
        (
            "https://www.welcometothejungle.com/fr/companies/back-market/jobs/backend-engineer_bordeaux_BM_po9OalJ",
            "wttj:BM_po9OalJ",
        ),
        ("https://www.example.com/careers/backend", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_ats_key(url, key):
    assert ats_key(url) == key


def test_strong_keys_read_every_url_field():
    posting = {
        "url": "https://www.tealhq.com/job/x_7ea1",
        "original_url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002",
        "apply_url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002#app",
    }
    assert strong_keys(posting) == {"greenhouse:8519643002"}


def test_company_key_ignores_legal_form_and_case():
    assert company_key("Sonnenfeld Energie GmbH") == company_key("sonnenfeld energie")
    assert company_key("Tulp Data B.V.") == company_key("Tulp Data")


BODY = " ".join(
    f"Sentence {i} about building payment services with Go and Postgres for millions of buyers."
    for i in range(40)
)
OTHER_BODY = " ".join(
    f"Line {i} on designing seller onboarding flows in Figma with research and product teams."
    for i in range(40)
)


def _posting(**fields) -> dict:
    base = {
        "id": "lever:1",
        "source": "lever",
        "company": "Farfetch",
        "title": "Backend Engineer",
        "locations": [{"city": "Porto", "region": None, "country": "PT"}],
        "location_raw": "Porto, Portugal",
        "description": BODY,
    }
    return {**base, **fields}


def _same(a: dict, b: dict) -> bool:
    return same_job(Signature.of(a), Signature.of(b))


def test_copy_on_another_board_is_the_same_job():
    copy = _posting(id="nodegree:a", source="nodegree", company="FARFETCH Ltd")
    assert _same(_posting(), copy)


def test_truncated_copy_still_matches_by_containment():
    truncated = _posting(id="teal:a", source="teal", description=BODY[: len(BODY) // 2])
    assert containment(sketch(BODY), sketch(BODY[: len(BODY) // 2])) >= 0.9
    assert _same(_posting(), truncated)


def test_shared_ats_key_matches_whatever_the_text():
    url = f"https://jobs.lever.co/farfetch/{UUID}"
    a = _posting(url=url)
    b = _posting(id="nodegree:a", source="nodegree", original_url=url, description="short")
    assert _same(a, b)


def test_same_title_in_another_city_is_not_a_duplicate():
    lisbon = _posting(
        id="nodegree:a",
        source="nodegree",
        locations=[{"city": "Lisbon", "region": None, "country": "PT"}],
        location_raw="Lisbon, Portugal",
    )
    assert not _same(_posting(), lisbon)


def test_two_roles_sharing_a_template_are_not_duplicates():
    frontend = _posting(id="nodegree:a", source="nodegree", title="Frontend Engineer")
    assert not _same(_posting(), frontend)


def test_repost_for_another_team_is_not_a_duplicate():
    a = _posting(title="Backend Engineer, Payments")
    b = _posting(
        id="nodegree:a",
        source="nodegree",
        title="Backend Engineer, Search",
        description=BODY.replace("payment services", "search ranking"),
    )
    assert not _same(a, b)


def test_other_seniority_is_not_a_duplicate():
    senior = _posting(id="teal:a", source="teal", title="Sr. Backend Engineer")
    assert not _same(_posting(), senior)


def test_other_company_is_not_a_duplicate():
    assert not _same(_posting(), _posting(id="teal:a", source="teal", company="Mercari"))


def test_different_bodies_do_not_match():
    assert not _same(_posting(), _posting(id="teal:a", source="teal", description=OTHER_BODY))


def test_same_source_never_matches_on_content():
    assert not _same(_posting(), _posting(id="lever:2"))


def test_canonical_is_the_employers_ats_record_else_the_earliest():
    members = [
        {"id": "teal:a", "source": "teal", "first_seen": "2026-11-01T00:00:00Z"},
        {"id": "greenhouse:1", "source": "greenhouse", "first_seen": "2026-11-20T00:00:00Z"},
    ]
    assert choose_canonical(members)["id"] == "greenhouse:1"
    aggregators = [
        {"id": "teal:a", "source": "teal", "first_seen": "2026-11-05T00:00:00Z"},
        {"id": "nodegree:b", "source": "nodegree", "first_seen": "2026-11-01T00:00:00Z"},
    ]
    assert choose_canonical(aggregators)["id"] == "nodegree:b"


def test_disjoint_salaries_are_two_offers():
    a = _posting(salary={"min": 123000, "max": 131000, "currency": "EUR", "period": "year"})
    b = _posting(
        id="teal:a",
        source="teal",
        salary={"min": 82000, "max": 110000, "currency": "EUR", "period": "year"},
    )
    assert not _same(a, b)
    b["salary"] = {"min": 125000, "max": None, "currency": "EUR", "period": "year"}
    assert _same(a, b)


def test_other_remote_policy_or_department_is_another_opening():
    a = _posting(remote="onsite", department="Engineering / Payments")
    assert not _same(a, _posting(id="teal:a", source="teal", remote="hybrid"))
    assert not _same(a, _posting(id="teal:a", source="teal", department="Operations"))
    assert _same(a, _posting(id="teal:a", source="teal", department="Engineering", remote=None))


def test_reordered_sections_still_match():
    body = "\n\n".join(
        f"Section {i} says something specific about this very role {i}." for i in range(12)
    )
    reordered = "\n\n".join(reversed(body.split("\n\n")))
    assert _same(
        _posting(description=body), _posting(id="teal:a", source="teal", description=reordered)
    )


# --- title look-ups: exactly the titles a scan with titles_compatible keeps -----------------------

VOCABULARY = [
    "backend",
    "frontend",
    "data",
    "engineer",
    "manager",
    "product",
    "payments",
    "platform",
]
LEVEL_WORDS = ["senior", "junior", "lead", "staff", "head", "intern", "manager", "director"]


def _random_title(rng: random.Random) -> frozenset[str]:
    words = rng.sample(VOCABULARY, rng.randint(0, 4)) + rng.sample(
        LEVEL_WORDS, rng.choice((0, 0, 1, 2))
    )
    return frozenset(words)


def test_title_lookup_finds_exactly_the_compatible_titles():
    rng = random.Random(3)
    titles = {_random_title(rng) for _ in range(400)}
    lookup = TitleLookup()
    for title in titles:
        lookup.add(title)
    for title in [t for t in titles if rng.random() < 0.3]:
        lookup.remove(title)
        titles.discard(title)
    found_any = 0
    for _ in range(300):
        query = _random_title(rng)
        expected = {t for t in titles if titles_compatible(query, t)}
        assert set(lookup.compatible(query)) == expected, sorted(query)
        found_any += len(expected) > 1
    assert found_any > 50  # the queries do meet supersets and subsets, not only themselves


def test_title_index_follows_a_posting_retitled_or_moved_to_another_source():
    index = TitleIndex()
    backend, data = frozenset({"backend", "engineer"}), frozenset({"data", "engineer"})
    index.add("lever:a", backend, "lever")
    index.add("teal:b", frozenset({"senior", "backend", "engineer"}), "teal")
    assert index.matches(frozenset({"engineer"}), "nodegree") == {"lever:a"}
    assert index.matches(backend, "lever") == set()  # same source: never a content match
    index.add("lever:a", data, "lever")
    assert index.matches(backend, "nodegree") == set()
    assert index.matches(frozenset({"engineer"}), "nodegree") == {"lever:a"}
    index.discard("lever:a")
    assert index.matches(data, "nodegree") == set() and "lever:a" not in index


# --- as boards really copy jobs (issue 17): evidence a copy keeps -----------------------------


def _match(a: dict, b: dict):
    from scrapers.dedup.matching import match

    return match(Signature.of(a), Signature.of(b))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Acme Analytics GmbH & Co. KG", "ACME ANALYTICS"),
        ("Tejasvi Infotech Pvt. Ltd.", "Tejasvi Infotech Private Limited"),
        ("Wilczek Software Sp. z o.o.", "Wilczek Software"),
        ("St Mary's Hospital", "Saint Mary's Hospital"),
        ("Andina Express S.A.S.", "Andina Express"),
        ("Grupo Tapatío Alimentos S.A. de C.V.", "Grupo Tapatio Alimentos"),
    ],
)
def test_company_written_two_ways_is_one_key(one, other):
    assert company_key(one) == company_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Senior Data Engineer (m/w/d)", "Sr. Data Engineer"),
        ("Entwickler*in Backend (w/m/d)", "Backend Entwickler"),
        ("Ingeniero/a de Datos", "Ingeniero de Datos (H/F)"),
        ("Analista Contable Ssr", "Analista Contable Semi Senior"),
    ],
)
def test_titles_with_markers_and_short_forms_are_one_title(one, other):
    from scrapers.dedup.signature import title_words

    assert title_words(one) == title_words(other)


def test_a_translation_is_one_job_by_what_it_keeps_verbatim():
    english = _posting(
        description=BODY + "\n\nPay: €60,000 a year. Apply to talent@farfetch.example.",
        language="en",
    )
    spanish = _posting(
        id="jobposting:1",
        source="jobposting",
        url="https://www.infojobs.example/oferta/1",
        title="Ingeniero Backend",
        description=OTHER_BODY
        + "\n\nSalario: 60.000 € al año. Envía tu CV a talent@farfetch.example.",
        language="es",
    )
    found = _match(english, spanish)
    assert found is not None and "translation" in found.evidence


def test_two_stores_of_one_chain_are_two_jobs():
    a = _posting(description=BODY + "\n\nStore: #1142 Lincoln Park.")
    b = _posting(id="teal:a", source="teal", description=BODY + "\n\nStore: #1187 Wicker Park.")
    assert _match(a, b) is None


def test_a_permanent_post_and_a_fixed_term_cover_are_two_jobs():
    a = _posting(description=BODY + "\n\nPermanent contract, full time.")
    b = _posting(
        id="teal:a", source="teal", description=BODY + "\n\nFixed-term contract (maternity cover)."
    )
    assert _match(a, b) is None
    assert _match(a, {**b, "description": BODY + "\n\nPermanent contract, full time."}) is not None


def test_a_suburb_and_its_city_are_one_place_but_two_towns_are_not():
    stockholm = _posting(
        locations=[{"city": "Stockholm", "country": "SE"}], location_raw="Stockholm"
    )
    solna = {
        **stockholm,
        "id": "teal:a",
        "source": "teal",
        "locations": [],
        "location_raw": "Solna",
    }
    assert _match(stockholm, solna) is not None
    town = {**stockholm, "locations": [], "location_raw": "Huddersfield"}
    other_town = {**solna, "location_raw": "Brighouse"}
    assert _match(town, other_town) is None


def test_company_initials_and_one_name_inside_the_other():
    a = _posting(company="Main Taunus Consulting GmbH")
    assert _match(a, _posting(id="teal:a", source="teal", company="MTCG")) is not None
    assert _match(a, _posting(id="teal:a", source="teal", company="Main Taunus")) is not None
    assert _match(a, _posting(id="teal:a", source="teal", company="Rhein Main Bank")) is None


def test_every_match_names_its_evidence():
    found = _match(_posting(), _posting(id="teal:a", source="teal"))
    assert found is not None and str(found) == "company, title, place, body 1.00"


def test_two_career_sites_are_two_boards():
    a = _posting(id="jobposting:1", source="jobposting", url="https://careers.acme.example/jobs/1")
    b = {**a, "id": "jobposting:2", "url": "https://www.stepstone.example/job/2"}
    assert _match(a, b) is not None
    assert _match(a, {**b, "url": "https://careers.acme.example/jobs/2"}) is None


def test_two_suburbs_of_one_city_are_two_places_even_when_one_copy_names_the_city():
    kew = _posting(locations=[], location_raw="Kew VIC 3101")
    berwick = {**kew, "id": "teal:a", "source": "teal", "location_raw": "Berwick, Melbourne VIC"}
    assert _match(kew, berwick) is None
    assert _match(kew, {**berwick, "location_raw": "Kew, Melbourne VIC"}) is not None


def test_a_town_and_the_city_ten_times_its_size_beside_it_are_one_place():
    bologna = _posting(locations=[], location_raw="Bologna, Emilia-Romagna, Italy")
    casalecchio = {
        **bologna,
        "id": "teal:a",
        "source": "teal",
        "location_raw": "Casalecchio di Reno, BO, Italy",
    }
    assert _match(bologna, casalecchio) is not None
    # Two towns of one metro are two sites, even when each names its region.
    bello = _posting(locations=[], location_raw="Bello, Antioquia")
    envigado = {**bello, "id": "teal:a", "source": "teal", "location_raw": "Envigado, Antioquia"}
    assert _match(bello, envigado) is None


def test_a_department_named_in_two_languages_is_one_team():
    a = _posting(department="Acquisti")
    b = _posting(id="workable:a", source="workable", department="Procurement")
    assert _match(a, b) is not None
    assert _match(a, {**b, "department": "Vendite"}) is None


def test_a_title_naming_a_fixed_term_is_another_job_than_one_saying_nothing_of_it():
    a = _posting()
    cover = _posting(id="teal:a", source="teal", title="Backend Engineer (fixed-term)")
    assert _match(a, cover) is None
    said = {**a, "description": BODY + "\n\nFixed-term contract for 12 months."}
    assert _match(said, cover) is not None


def test_a_template_filled_in_for_another_site_or_cohort_is_another_job():
    intro = "Al Andalus Hospital {} is hiring an ICU staff nurse for its adult intensive care unit."
    start = "Training for the new cohort starts on {} November in our downtown centre."
    a = _posting(description=BODY + "\n\n" + intro.format("Nasr City") + "\n\n" + start.format(16))
    b = _posting(
        id="teal:a", source="teal", description=a["description"].replace("Nasr City", "Maadi")
    )
    assert _match(a, b) is None
    c = {**b, "description": a["description"].replace("16 November", "30 November")}
    assert _match(a, c) is None
    # A copy fills every sentence as the employer did, whatever chrome it adds.
    copy = {**b, "description": "Apply now on JobBoard.\n\n" + a["description"]}
    assert _match(a, copy) is not None


def test_a_sentence_going_on_otherwise_is_another_job_but_a_merged_list_item_is_not():
    line = (
        "For the 2027 season from mid March to late October we are looking for a waiter "
        "for the {} restaurant of our lakeside hotel in the old town"
    )
    a = _posting(description=line.format("panoramic") + ".\n\n" + BODY)
    b = _posting(id="teal:a", source="teal", description=line.format("gourmet") + ".\n\n" + BODY)
    assert _match(a, b) is None
    item = "- Write drivers for sensors, CAN bus and cellular and satellite modems in C and Rust"
    merged = item + ", and design safe over-the-air updates for the whole fleet"
    a = _posting(description=item + "\n\n" + BODY)
    b = _posting(id="teal:a", source="teal", description=merged + "\n\n" + BODY)
    assert _match(a, b) is not None


def test_codes_of_one_series_with_other_numbers_are_two_requisitions():
    a = _posting(description=BODY + "\n\nRif. MAN-0412")
    b = _posting(id="teal:a", source="teal", description=BODY + "\n\nRif. MAN-0437")
    assert _match(a, b) is None
    assert _match(a, {**b, "description": BODY + "\n\nRif. MAN-0412"}) is not None


def test_frames_round_trip_through_the_state():
    from scrapers.dedup.signature import Facets

    facets = Signature.of(
        _posting(description="Ref. MAN-0412 for the Lugano hotel.\n" + BODY)
    ).facets
    assert facets.frames
    assert Facets.from_json(facets.as_json()) == facets


def test_a_translation_keeps_the_bodys_numbers():
    english = (
        "We run 42 trucks from our 6698 m2 hub and ship 400 parcels an hour. "
        "Shifts are 90 minutes apart and the team has 80 people, 60 of them on nights."
    )
    turkish = (
        "6698 m2 merkezimizde 42 kamyon ile saatte 400 paket gönderiyoruz. "
        "Vardiyalar 90 dakika arayla, ekip 80 kişi, 60 kişi gece vardiyasında."
    )
    a = _posting(description=english, language="en")
    b = _posting(
        id="teal:a", source="teal", title="Vardiya Sorumlusu", description=turkish, language="tr"
    )
    found = _match(a, b)
    assert found is not None and "translation" in found.evidence
    other = {
        **b,
        "description": turkish.replace("42", "17").replace("6698", "5120").replace("400", "250"),
    }
    assert _match(a, other) is None


def test_a_company_in_another_script_is_one_by_the_numbers_only_its_body_states():
    english = (
        "Founded in 1968, Minase Seiko employs 450 people at its 121,000 m2 plant and gives "
        "121 days off a year; the line runs 240 days at 17 stations."
    )
    japanese = "1968年創業、従業員450名、敷地121,000㎡の工場。年間休日121日、稼働240日、17工程。"
    a = _posting(company="Minase Seiko", description=english, language="en")
    b = _posting(
        id="teal:a",
        source="teal",
        company="株式会社ミナセ精工",
        title="生産技術",
        description=japanese,
        language="ja",
    )
    found = _match(a, b)
    assert found is not None and found.evidence[0].startswith("company (numbers")
    assert _match(a, {**b, "company": "Kanto Denki"}) is None


def test_a_plural_is_one_title_word():
    a = _posting(title="Solar and Battery Installation Electrician")
    b = _posting(id="teal:a", source="teal", title="Solar & Battery Installations Electrician")
    assert _match(a, b) is not None


def test_a_copy_may_drop_a_legal_form_write_a_range_otherwise_or_edit_a_list():
    a = _posting(
        description=BODY
        + "\n\nPT Sehat Sentosa Farma Tbk runs 350 pharmacies across Java and Bali today."
        + "\n\n- 3–6 years of credit underwriting experience in MSME lending at a bank"
        + "\n\nWe offer meal vouchers, a savings fund, medical insurance and 12 days off a year."
    )
    b = _posting(
        id="teal:a",
        source="teal",
        description=BODY
        + "\n\nPT Sehat Sentosa Farma runs 350 pharmacies across Java and Bali today."
        + "\n\n3-6 years of credit underwriting experience in MSME lending at a bank."
        + "\n\nWe offer meal vouchers, a savings fund, medical insurance, 12 days off a year, "
        "remote Fridays.",
    )
    assert _match(a, b) is not None


def test_a_translation_without_a_shared_token_is_still_a_candidate():
    from scrapers.dedup.clusters import JobClusters

    english = _posting(description="We run 42 trucks from our 6698 m2 hub.", language="en")
    turkish = _posting(
        id="teal:a",
        source="teal",
        company="Farfetch Lojistik",
        title="Vardiya Sorumlusu",
        description="6698 m2 merkezimizde 42 kamyon.",
        language="tr",
    )
    a, b = Signature.of(english), Signature.of(turkish)
    clusters = JobClusters()
    clusters.add(a.id)
    clusters.index(a.id, a.keys, a.company, a.title, a.source, a.leads)
    assert a.id in clusters.candidates(b)
    elsewhere = Signature.of(
        {
            **turkish,
            "locations": [],
            "location_raw": "Lisbon, Portugal",
            "description": "Merkezimizde kamyon.",
        }
    )
    assert a.id not in clusters.candidates(elsewhere)
