import pytest

from scrapers.normalise.remote import normalise_remote
from scrapers.normalise.vocabulary import read_vocabulary


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


# (language, value, workplace): each language's own labels, as boards' work-mode fields, title
# segments and location tokens write them.
_BY_LANGUAGE = [
    # en
    ("en", "Work from office", "onsite"),
    ("en", "WFO", "onsite"),
    ("en", "Hybrid (2 days in office)", "hybrid"),
    ("en", "3 days a week in the office", "hybrid"),
    ("en", "5 days in the office", None),
    ("en", "Sales Associate - Virtual", "remote"),
    ("en", "Telework eligible", "hybrid"),
    ("en", "Home office", None),
    # fr
    ("fr", "Télétravail 2 jours par semaine", "hybrid"),
    ("fr", "Hybride - 2 jours de télétravail", "hybrid"),
    ("fr", "100% présentiel", "onsite"),
    ("fr", "Entièrement à distance", "remote"),
    ("fr", "Remote total", "remote"),
    # de
    ("de", "Teilweise Home-Office", "hybrid"),
    ("de", "Nur Home-Office", "remote"),
    ("de", "2 Tage Homeoffice", "hybrid"),
    ("de", "zwei Tage Homeoffice", "hybrid"),
    ("de", "Präsenz", "onsite"),
    ("de", "Mobiles Arbeiten", None),
    ("de", "Mobiles Arbeiten möglich", "hybrid"),
    # es
    ("es", "Solo teletrabajo", "remote"),
    ("es", "Presencial y remoto", "hybrid"),
    ("es", "2 días en oficina", "hybrid"),
    ("es", "Remoto en España", "remote"),
    ("es", "Teletrabajo", None),
    # pt
    ("pt", "Trabalho remoto", "remote"),
    ("pt", "Modelo híbrido", "hybrid"),
    ("pt", "Híbrido São Paulo", "hybrid"),
    ("pt", "3 dias no escritório", "hybrid"),
    ("pt", "Regime presencial", "onsite"),
    ("pt", "A combinar", None),
    # it
    ("it", "Full smart working", "remote"),
    ("it", "Smart working", None),
    ("it", "Modalità ibrida", "hybrid"),
    ("it", "2 giorni in ufficio", "hybrid"),
    ("it", "In ufficio", "onsite"),
    # nl
    ("nl", "Hybride werken", "hybrid"),
    ("nl", "Volledig thuiswerken", "remote"),
    ("nl", "2 dagen thuiswerken", "hybrid"),
    ("nl", "Op kantoor", "onsite"),
    ("nl", "Thuiswerken", None),
    # pl
    ("pl", "Praca hybrydowa", "hybrid"),
    ("pl", "Praca w pełni zdalna", "remote"),
    ("pl", "W pelni zdalnie", "remote"),
    ("pl", "2 dni w biurze", "hybrid"),
    ("pl", "Praca stacjonarna", "onsite"),
    ("pl", "Zdalnie Warszawa", "remote"),
    # sv
    ("sv", "Helt på distans", "remote"),
    ("sv", "Delvis på distans", "hybrid"),
    ("sv", "2 dagar på kontoret", "hybrid"),
    ("sv", "På kontoret", "onsite"),
    # da
    ("da", "Hjemmearbejde", "remote"),
    ("da", "Delvis hjemmearbejde", "hybrid"),
    ("da", "Mulighed for hjemmearbejde", "hybrid"),
    ("da", "Fysisk fremmøde", "onsite"),
    ("da", "Hjemmekontor", None),
    # no
    ("no", "Kun hjemmekontor", "remote"),
    ("no", "Delvis hjemmekontor", "hybrid"),
    ("no", "Hjemmekontor ikke mulig", "onsite"),
    ("no", "Hjemmekontor", None),
    # fi
    ("fi", "Etätyö", "remote"),
    ("fi", "Etätyö mahdollinen", "hybrid"),
    ("fi", "Hybridityö", "hybrid"),
    ("fi", "Lähityö", "onsite"),
    # cs
    ("cs", "Práce z domova", "remote"),
    ("cs", "Částečná práce z domova", "hybrid"),
    ("cs", "Možnost home office", "hybrid"),
    ("cs", "Práce v kanceláři", "onsite"),
    # sk
    ("sk", "Práca na diaľku", "remote"),
    ("sk", "Možnosť práce z domu", "hybrid"),
    ("sk", "Na pracovisku", "onsite"),
    # hu
    ("hu", "Távmunka", "remote"),
    ("hu", "Hibrid munkavégzés", "hybrid"),
    ("hu", "2 nap home office", "hybrid"),
    ("hu", "Irodai munkavégzés", "onsite"),
    # ro
    ("ro", "Muncă de la distanță", "remote"),
    ("ro", "Hibrid", "hybrid"),
    ("ro", "La birou", "onsite"),
    ("ro", "Telemuncă", None),
    # tr
    ("tr", "Uzaktan", "remote"),
    ("tr", "%100 Uzaktan", "remote"),
    ("tr", "Hibrit", "hybrid"),
    ("tr", "İş yerinde", "onsite"),
    ("tr", "IŞ YERİNDE", "onsite"),
    # el
    ("el", "Εξ αποστάσεως", "remote"),
    ("el", "Υβριδική εργασία", "hybrid"),
    ("el", "Δια ζώσης", "onsite"),
    ("el", "Τηλεργασία", None),
    # ja
    ("ja", "完全リモート", "remote"),
    ("ja", "バックエンドエンジニア（フルリモート）", "remote"),
    ("ja", "週3日出社", "hybrid"),
    ("ja", "週３日リモート", "hybrid"),
    ("ja", "リモート可", None),
    ("ja", "原則出社", "onsite"),
    # ko
    ("ko", "재택근무", "remote"),
    ("ko", "주 2일 재택", "hybrid"),
    ("ko", "하이브리드 근무", "hybrid"),
    ("ko", "사무실 근무", "onsite"),
    ("ko", "재택근무 가능", None),
    # zh-hans
    ("zh-hans", "远程办公", "remote"),
    ("zh-hans", "混合办公", "hybrid"),
    ("zh-hans", "每周两天远程", "hybrid"),
    ("zh-hans", "坐班", "onsite"),
    ("zh-hans", "可远程", None),
    # zh-hant
    ("zh-hant", "遠端", "remote"),
    ("zh-hant", "完全遠端", "remote"),
    ("zh-hant", "部分遠端", "hybrid"),
    ("zh-hant", "進辦公室", "onsite"),
    # ar
    ("ar", "العمل عن بعد", "remote"),
    ("ar", "عمل هجين", "hybrid"),
    ("ar", "حضوري", "onsite"),
    ("ar", "مهندس برمجيات - عن بعد", "remote"),
    # he
    ("he", "עבודה מהבית", "remote"),
    ("he", "היברידי", "hybrid"),
    ("he", "2 ימים מהבית", "hybrid"),
    ("he", "עבודה מהמשרד", "onsite"),
    # hi
    ("hi", "घर से काम", "remote"),
    ("hi", "हाइब्रिड", "hybrid"),
    ("hi", "ऑफिस से काम", "onsite"),
    # id
    ("id", "Kerja jarak jauh", "remote"),
    ("id", "Bekerja dari rumah", "remote"),
    ("id", "Kerja hibrida", "hybrid"),
    ("id", "Di kantor", "onsite"),
    # vi
    ("vi", "Làm việc từ xa", "remote"),
    ("vi", "Kết hợp", "hybrid"),
    ("vi", "Tại văn phòng", "onsite"),
    # th
    ("th", "ทำงานจากที่บ้าน", "remote"),
    ("th", "ไฮบริด", "hybrid"),
    ("th", "ทำงานที่ออฟฟิศ", "onsite"),
    # uk
    ("uk", "Віддалено", "remote"),
    ("uk", "Гібридний формат", "hybrid"),
    ("uk", "В офісі", "onsite"),
    # ru
    ("ru", "Удалённо", "remote"),
    ("ru", "Удаленная работа", "remote"),
    ("ru", "Гибрид", "hybrid"),
    ("ru", "На месте работодателя", "onsite"),
    ("ru", "Гибкий график", None),
]


@pytest.mark.parametrize(("language", "raw", "expected"), _BY_LANGUAGE)
def test_normalise_remote_by_language(language: str, raw: str, expected: str | None) -> None:
    assert normalise_remote(raw) == expected, language


def test_every_language_of_the_vocabulary_is_tested() -> None:
    vocabulary = read_vocabulary("remote")
    languages = set(vocabulary["labels"]) | set(vocabulary["undecided"])
    tested: dict[str, int] = {}
    for language, _, _ in _BY_LANGUAGE:
        tested[language] = tested.get(language, 0) + 1
    assert {language for language in languages if tested.get(language, 0) < 3} == set()
