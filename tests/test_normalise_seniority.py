import pytest

from scrapers.normalise.seniority import _by_phrase, _field_key, normalise_seniority
from scrapers.normalise.vocabulary import read_vocabulary


@pytest.mark.parametrize(
    ("title", "raw", "expected"),
    [
        # seeds
        ("Sr. Software Engineer, Backend", "Mid Level", "senior"),
        ("Backend Engineer", "Mid-Level", "mid"),
        ("Backend Engineer", None, None),
        # the title's own signal
        ("Senior Backend Engineer", None, "senior"),
        ("Sr Data Engineer", None, "senior"),
        ("Lead Engineer", "Mid Level", "lead"),
        ("Tech Lead, Payments", None, "lead"),
        ("Staff Software Engineer", "senior", "lead"),
        ("Staff Machine Learning Engineer", None, "lead"),
        ("Senior Staff Engineer", None, "lead"),
        ("Principal Engineer", None, "principal"),
        ("Junior Developer", "senior", "junior"),
        ("Jr. Frontend Developer", None, "junior"),
        ("Software Engineering Intern", None, "intern"),
        ("Stage - Développeur Backend", None, "intern"),
        ("Head of Engineering", None, "director"),
        ("Director of Data", None, "director"),
        ("VP Engineering", None, "executive"),
        ("Chief Technology Officer", None, "executive"),
        ("CTO", None, "executive"),
        ("Engineering Manager", "senior", "manager"),
        ("Senior Engineering Manager", None, "manager"),
        ("Manager, Software Engineering", None, "manager"),
        # no signal in the title: the widget decides
        ("Product Manager", "senior", "senior"),
        ("Staff Accountant", None, None),
        ("Lead Generation Specialist", None, None),
        ("Early-stage Startup Engineer", None, None),
        ("International Sales", None, None),
        # widget values
        (None, "Mid-Level", "mid"),
        (None, "Mid Level", "mid"),
        (None, "mid_level", "mid"),
        (None, "Career Level Mid Level", "mid"),
        (None, "entry_level", "junior"),
        (None, "3_TO_4_YEARS", "mid"),
        (None, "LESS_THAN_6_MONTHS", "junior"),
        (None, "6_MONTHS_TO_1_YEAR", "junior"),
        (None, "5_TO_10_YEARS", "senior"),
        (None, "MORE_THAN_10_YEARS", "senior"),
        (None, "5+ years", "senior"),
        (None, "senior", "senior"),
        (None, "Director", "director"),
        (None, "C-Level", "executive"),
    ],
)
def test_normalise_seniority(title: str | None, raw: str | None, expected: str | None) -> None:
    assert normalise_seniority(title, raw) == expected


# The heads of a unit of people are managers; a bare "manager" still names a role.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Store Manager", "manager"),
        ("Assistant Store Manager", "manager"),
        ("Branch Manager - Retail Banking", "manager"),
        ("Restaurant Manager", "manager"),
        ("Plant Manager", "manager"),
        ("Warehouse Manager (Nights)", "manager"),
        ("Area Manager - North West", "manager"),
        ("Shift Manager", "manager"),
        ("HR Manager", "manager"),
        ("Operations Manager", "manager"),
        ("Shift Supervisor", "lead"),
        ("Warehouse Supervisor", "lead"),
        ("Foreman - Groundworks", "lead"),
        ("Product Manager", None),
        ("Account Manager", None),
        ("Project Manager", None),
        ("Sales Manager", None),
        ("Area Sales Manager", None),
        ("Customer Success Manager", None),
        ("General Manager", None),
        ("Sales Operations Manager", None),
        ("Key Stage 2 Teacher", None),
    ],
)
def test_heads_of_people(title: str, expected: str | None) -> None:
    assert normalise_seniority(title, None) == expected


# The US grade ladder after a role noun: I junior, II mid, III and IV senior.
@pytest.mark.parametrize(
    ("title", "raw", "expected"),
    [
        ("Software Engineer II", "Mid-Senior level", "mid"),
        ("Software Engineer I", None, "junior"),
        ("Software Engineer III, Payments", None, "senior"),
        ("Data Analyst IV", None, "senior"),
        ("Software Engineer 2", None, "mid"),
        ("Software Engineer II Backend", None, "mid"),
        ("Accountant I (Accounts Payable)", None, "junior"),
        ("Customer Service Representative II", None, "mid"),
        ("SDE-III", None, "senior"),
        ("SDE2 - Platform", None, "mid"),
        ("Software Engineer I/II", None, "mid"),
        ("Analista de Sistemas II", None, "mid"),
        ("Analista Contábil I", None, "junior"),
        ("Ingeniero de Software III", None, "senior"),
        # a level word outranks the grade
        ("Senior Software Engineer II", None, "senior"),
        ("Junior Developer 1", None, "junior"),
        # no grade
        ("Software Engineer", "Mid-Senior level", None),
        ("Support Engineer Tier 2", None, None),
        ("Support Analyst Level 2", None, None),
        ("Developer Python 3", None, None),
        ("Blockchain Developer - Web 3", None, None),
        ("Developer 2 days a week in office", None, None),
        ("Nurse - 3 x 12 hour shifts", None, None),
        ("Teaching Assistant - 1:1 Support", None, None),
        ("Engineer 1-2 years", None, None),
        ("Tester i Analityk", None, None),
        ("Analista de TI", None, None),
        ("Auxiliar de Produção - Turno 2", None, None),
        ("Técnico de Nivel 3", None, None),
        ("Engineering Intern", None, "intern"),
        ("Embedded Engineer - I/O", None, None),
    ],
)
def test_grades(title: str, raw: str | None, expected: str | None) -> None:
    assert normalise_seniority(title, raw) == expected


# A level word glued to a role noun (sv, da, no, de).
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Seniorkonsult inom SAP", "senior"),
        ("Seniorutvecklare Java", "senior"),
        ("Juniorkonsulent til økonomi", "junior"),
        ("Seniorrådgiver", "senior"),
        ("Senioringeniør elkraft", "senior"),
        ("Juniorutvikler", "junior"),
        ("Seniorberater SAP (m/w/d)", "senior"),
        ("Seniorenbetreuer (m/w/d)", None),
        ("Seniorenassistenz", None),
        ("Seniorboende - undersköterska", None),
        ("Juniortræner til U12", None),
    ],
)
def test_compounds(title: str, expected: str | None) -> None:
    assert normalise_seniority(title, None) == expected


# Field values named in parts or with a role noun.
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Júnior/Trainee", "junior"),
        ("Trainee / Junior", "junior"),
        ("Entry Level, Mid Level", "mid"),
        ("Junior Executive", "junior"),
        ("Senior Executive", "senior"),
        ("Executive", "executive"),
        ("Non-executive", None),
        ("Professional", None),
        ("Fresh/entry level", "junior"),
        ("Middle Management", "manager"),
        ("Senior Management", "director"),
        ("Manager / Assistant Manager", "manager"),
        ("Experienced (Non-Manager)", "mid"),
        ("Mid Career", "mid"),
        ("Executive/Director", "director"),
        ("Senior Executive (President, CEO)", "executive"),
        ("Supervisão/Coordenação", "manager"),
        ("Mid-Senior level", None),
        ("Pleno-sênior", None),
        ("Not Applicable", None),
    ],
)
def test_field_parts(raw: str, expected: str | None) -> None:
    assert normalise_seniority(None, raw) == expected


# A gender ending after a slash or in brackets does not split a phrase.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Jefe/a de tienda", "manager"),
        ("Encargado(a) de tienda", "manager"),
        ("Jefe/a de equipo", "lead"),
        ("Coordenador(a) de Vendas", "manager"),
        ("Gérant(e) de portefeuille", None),
        ("מנהל/ת סניף", "manager"),
        ("מפתח/ת בכיר/ה", "senior"),
        ("Mid/Senior Engineer", "senior"),
    ],
)
def test_gender_endings(title: str, expected: str | None) -> None:
    assert normalise_seniority(title, None) == expected


@pytest.mark.parametrize(
    ("title", "raw"),
    [(None, None), ("", ""), ("Engineer", "Mid-Senior level"), (None, "Associate"), (None, "xyz")],
)
def test_normalise_seniority_unknown(title: str | None, raw: str | None) -> None:
    assert normalise_seniority(title, raw) is None


@pytest.mark.parametrize(
    ("title", "raw", "body", "expected"),
    [
        # the body is the weakest signal
        ("Backend Engineer", None, "You have 3 to 5 years of experience.", "mid"),
        ("Backend Engineer", None, "5+ years of professional experience", "senior"),
        ("Backend Engineer", None, "1-2 years experience with Python", "junior"),
        ("Entwickler", None, "mindestens 5 Jahre Berufserfahrung", "senior"),
        ("Développeur", None, "3 ans d'expérience minimum", "mid"),
        ("Desarrollador", None, "Experiencia de al menos 2 años", "mid"),
        ("Desenvolvedor", None, "2 anos de experiência", "mid"),
        ("Ontwikkelaar", None, "3 jaar werkervaring", "mid"),
        ("Sviluppatore", None, "almeno 4 anni di esperienza", "mid"),
        ("エンジニア", None, "経験3年以上", "mid"),
        ("Utvecklare", None, "5 års erfarenhet", "senior"),
        # stronger signals win
        ("Junior Engineer", None, "5+ years of experience", "junior"),
        ("Engineer", "Mid-Level", "8 years of experience", "mid"),
        # not a requirement
        ("Engineer", None, "We have 20 years of experience in retail", None),
        ("Engineer", None, "Founded 3 years ago", None),
        # title signals in other languages
        ("Stagiaire Data", None, None, "intern"),
        ("Alternant développeur", None, None, "intern"),
        ("Développeur Confirmé", None, None, "mid"),
        ("Werkstudent Software", None, None, "intern"),
        ("Praktikant Marketing", None, None, "intern"),
    ],
)
def test_normalise_seniority_with_body(
    title: str, raw: str | None, body: str | None, expected: str | None
) -> None:
    assert normalise_seniority(title, raw, body) == expected


# (language, title, career-level field, body, level): each language's own words, in titles, in
# boards' level fields and in "N years of experience".
_BY_LANGUAGE = [
    # en
    ("en", "Fresher - Java Developer", None, None, "junior"),
    ("en", "Working Student - Data", None, None, "intern"),
    ("en", "Senior Care Assistant", None, None, None),
    ("en", "Multi-stage Pipeline Engineer", None, None, None),
    ("en", None, "Working Student", None, "intern"),
    ("en", None, "Vice President", None, "executive"),
    ("en", "Store Manager", None, None, "manager"),
    ("en", "Accounts Executive", None, None, None),
    # fr
    ("fr", "Chef d'équipe logistique", None, None, "lead"),
    ("fr", "Responsable d'équipe développement", None, None, "manager"),
    ("fr", "Développeuse expérimentée", None, None, "mid"),
    ("fr", "Jeune diplômé - Ingénieur", None, None, "junior"),
    ("fr", "PDG", None, None, "executive"),
    ("fr", None, "Premier emploi", None, "junior"),
    ("fr", None, "Cadre dirigeant", None, "executive"),
    ("fr", None, "3 à 5 ans", None, "mid"),
    ("fr", "Développeur", None, "Vous avez une expérience d'au moins 5 ans", "senior"),
    ("fr", "Responsable RH (80-100%)", None, None, "manager"),
    ("fr", "Responsable de magasin H/F", None, None, "manager"),
    ("fr", "Chef de rayon frais", None, None, "manager"),
    ("fr", "Gérante de restaurant", None, None, "manager"),
    ("fr", "Chef de quart production", None, None, "lead"),
    ("fr", "Responsable marketing", None, None, None),
    ("fr", "Gérant de portefeuille", None, None, None),
    ("fr", "Directeur de magasin", None, None, "director"),
    # de
    ("de", "Teamleiter Kundenservice (m/w/d)", None, None, "lead"),
    ("de", "Leiter IT (m/w/d)", None, None, "director"),
    ("de", "Entwicklungsleiterin", None, None, "manager"),
    ("de", "Absolvent (m/w/d) Informatik", None, None, "junior"),
    ("de", "Ausbildung zum Fachinformatiker", None, None, "intern"),
    ("de", "Werkstudent:in Marketing", None, None, "intern"),
    ("de", None, "Berufserfahrene", None, "mid"),
    ("de", None, "Mit Berufserfahrung", None, None),
    ("de", None, "Geschäftsführung", None, "executive"),
    ("de", None, "5+ Jahre Berufserfahrung", None, "senior"),
    ("de", "Filialleiter (m/w/d)", None, None, "manager"),
    ("de", "Marktleiterin Lebensmittel", None, None, "manager"),
    ("de", "Pflegedienstleitung (m/w/d)", None, None, "manager"),
    ("de", "Schichtleiter Produktion", None, None, "lead"),
    ("de", "Seniorenbetreuer (m/w/d)", None, None, None),
    ("de", "Projektleiter Elektrotechnik", None, None, None),
    # es
    ("es", "Becario/a de Marketing", None, None, "intern"),
    ("es", "Pasante de Sistemas", None, None, "intern"),
    ("es", "Líder Técnico Java", None, None, "lead"),
    ("es", "Jefe de Desarrollo", None, None, "manager"),
    ("es", "Consejero Delegado", None, None, "executive"),
    ("es", "Empresa líder busca programador", None, None, None),
    ("es", "Camarero en pleno centro", None, None, None),
    ("es", None, "Sin experiencia", None, "junior"),
    ("es", None, "Mando intermedio", None, "manager"),
    ("es", None, "Jefe / Supervisor", None, "manager"),
    ("es", "Desarrollador", None, "Experiencia mínima de 3 años", "mid"),
    ("es", "Jefe de tienda", None, None, "manager"),
    ("es", "Encargada de tienda - Zaragoza", None, None, "manager"),
    ("es", "Gerente de Sucursal", None, None, "manager"),
    ("es", "Jefe de turno producción", None, None, "lead"),
    ("es", "Jefe de ventas", None, None, None),
    # pt
    ("pt", "Desenvolvedor Pleno", None, None, "mid"),
    ("pt", "Desenvolvedora Júnior", None, None, "junior"),
    ("pt", "Jovem Aprendiz Administrativo", None, None, "intern"),
    ("pt", "Gerente de Engenharia", None, None, "manager"),
    ("pt", None, "Pleno", None, "mid"),
    ("pt", None, "Pleno-sênior", None, None),
    ("pt", None, "Estágio", None, "intern"),
    ("pt", "Analista", None, "Experiência de pelo menos 2 anos", "mid"),
    ("pt", "Gerente de Loja", None, None, "manager"),
    ("pt", "Coordenador de Logística", None, None, "manager"),
    ("pt", "Encarregado de Obras", None, None, "lead"),
    ("pt", "Gerente de Contas", None, None, None),
    ("pt", "Analista Pleno/Sênior", None, None, "senior"),
    ("pt", None, "Júnior/Trainee", None, "junior"),
    # it
    ("it", "Stagista Marketing", None, None, "intern"),
    ("it", "Neolaureato in Ingegneria", None, None, "junior"),
    ("it", "Amministratore Delegato", None, None, "executive"),
    ("it", "Direttrice Commerciale", None, None, "director"),
    ("it", None, "Livello base", None, "junior"),
    ("it", None, "Quadro", None, "manager"),
    ("it", "Sviluppatore", None, "Esperienza di almeno 3 anni", "mid"),
    ("it", "Responsabile Risorse Umane", None, None, "manager"),
    ("it", "Capo Reparto Ortofrutta", None, None, "manager"),
    ("it", "Capoturno", None, None, "lead"),
    # nl
    ("nl", "Medior Java Developer", None, None, "mid"),
    ("nl", "Teamleider Klantenservice", None, None, "lead"),
    ("nl", "Hoofd IT", None, None, "director"),
    ("nl", "Afstudeerstage Data Science", None, None, "intern"),
    ("nl", None, "Starter", None, "junior"),
    ("nl", None, "Ervaren", None, "mid"),
    ("nl", "Ontwikkelaar", None, "minimaal 5 jaar werkervaring", "senior"),
    ("nl", "Bedrijfsleider Horeca", None, None, "manager"),
    ("nl", "Filiaalmanager", None, None, "manager"),
    ("nl", "Ploegleider productie", None, None, "lead"),
    # pl
    ("pl", "Regular Java Developer", None, None, "mid"),
    ("pl", "Starszy Specjalista ds. Płac", None, None, "senior"),
    ("pl", "Młodszy Księgowy", None, None, "junior"),
    ("pl", "Stażysta w dziale IT", None, None, "intern"),
    ("pl", "Kierownik Zespołu Programistów", None, None, "manager"),
    ("pl", "Regular Part-time Associate", None, None, None),
    ("pl", None, "Specjalista (Mid / Regular)", None, "mid"),
    ("pl", None, "Młodszy specjalista (Junior)", None, "junior"),
    ("pl", None, "Starszy specjalista (Senior)", None, "senior"),
    ("pl", None, "Praktykant / Stażysta", None, "intern"),
    ("pl", "Programista", None, "min. 3 lata doświadczenia", "mid"),
    ("pl", "Kierownik Sklepu", None, None, "manager"),
    ("pl", "Kierownik Zmiany", None, None, "manager"),
    ("pl", "Brygadzista", None, None, "lead"),
    ("pl", "Kierownik Projektu", None, None, None),
    # sv
    ("sv", "Praktikant inom ekonomi", None, None, "intern"),
    ("sv", "Teamledare kundtjänst", None, None, "lead"),
    ("sv", "Nyexaminerad ingenjör", None, None, "junior"),
    ("sv", "Verkställande direktör", None, None, "executive"),
    ("sv", "Avdelningschef IT", None, None, "director"),
    ("sv", None, "Erfaren", None, "mid"),
    ("sv", "Utvecklare", None, "minst 3 års erfarenhet", "mid"),
    ("sv", "Seniorkonsult inom SAP", None, None, "senior"),
    ("sv", "Juniorutvecklare .NET", None, None, "junior"),
    ("sv", "Butikschef", None, None, "manager"),
    ("sv", "Skiftledare", None, None, "lead"),
    ("sv", "Seniorboende söker undersköterska", None, None, None),
    # da
    ("da", "Teamleder til kundeservice", None, None, "lead"),
    ("da", "Studentermedhjælper til IT", None, None, "intern"),
    ("da", "Nyuddannet ingeniør", None, None, "junior"),
    ("da", "Administrerende direktør", None, None, "executive"),
    ("da", None, "Leder", None, "manager"),
    ("da", "Udvikler", None, "mindst 5 års erfaring", "senior"),
    ("da", "Juniorkonsulent", None, None, "junior"),
    ("da", "Butikschef til Netto", None, None, "manager"),
    ("da", "Juniortræner", None, None, None),
    # no
    ("no", "Teamleder kundeservice", None, None, "lead"),
    ("no", "Lærling IKT-servicefag", None, None, "intern"),
    ("no", "Daglig leder", None, None, "executive"),
    ("no", "Avdelingsleder økonomi", None, None, "director"),
    ("no", None, "Nyutdannet", None, "junior"),
    ("no", "Utvikler", None, "minst 2 års erfaring", "mid"),
    ("no", "Seniorrådgiver", None, None, "senior"),
    ("no", "Butikksjef", None, None, "manager"),
    ("no", "Skiftleder", None, None, "lead"),
    # fi
    ("fi", "Vanhempi ohjelmistokehittäjä", None, None, "senior"),
    ("fi", "Harjoittelija, talous", None, None, "intern"),
    ("fi", "Toimitusjohtaja", None, None, "executive"),
    ("fi", "Johtava asiantuntija", None, None, "lead"),
    ("fi", None, "Vastavalmistunut", None, "junior"),
    ("fi", "Kehittäjä", None, "vähintään 3 vuoden kokemus", "mid"),
    ("fi", "Myymäläpäällikkö", None, None, "manager"),
    ("fi", "Työnjohtaja", None, None, "lead"),
    ("fi", "Tuotepäällikkö", None, None, None),
    # cs
    ("cs", "Starší účetní", None, None, "senior"),
    ("cs", "Mladší programátor", None, None, "junior"),
    ("cs", "Vedoucí týmu podpory", None, None, "lead"),
    ("cs", "Stážista v marketingu", None, None, "intern"),
    ("cs", "Generální ředitel", None, None, "executive"),
    ("cs", None, "Absolvent", None, "junior"),
    ("cs", "Programátor", None, "min. 3 roky praxe", "mid"),
    ("cs", "Vedoucí prodejny", None, None, "manager"),
    ("cs", "Vedoucí směny", None, None, "lead"),
    # sk
    ("sk", "Vedúci tímu", None, None, "lead"),
    ("sk", "Riaditeľ pobočky", None, None, "director"),
    ("sk", "Stážistka HR", None, None, "intern"),
    ("sk", "Starší účtovník", None, None, "senior"),
    ("sk", None, "Bez praxe", None, "junior"),
    ("sk", "Programátor", None, "prax min. 2 roky", "mid"),
    ("sk", "Vedúca predajne", None, None, "manager"),
    ("sk", "Vedúci zmeny", None, None, "lead"),
    # hu
    ("hu", "Gyakornok - Pénzügy", None, None, "intern"),
    ("hu", "Csoportvezető", None, None, "lead"),
    ("hu", "Medior Java fejlesztő", None, None, "mid"),
    ("hu", "Pályakezdő könyvelő", None, None, "junior"),
    ("hu", "Targonca vezető", None, None, None),
    ("hu", None, "Tapasztalt", None, "mid"),
    ("hu", "Fejlesztő", None, "legalább 3 év tapasztalat", "mid"),
    ("hu", "Áruházvezető", None, None, "manager"),
    ("hu", "Műszakvezető", None, None, "lead"),
    # ro
    ("ro", "Stagiar IT", None, None, "intern"),
    ("ro", "Lider de echipă", None, None, "lead"),
    ("ro", "Director General", None, None, "executive"),
    ("ro", "Absolvent Inginerie", None, None, "junior"),
    ("ro", None, "Fără experiență", None, "junior"),
    ("ro", "Programator", None, "minim 3 ani experiență", "mid"),
    ("ro", "Manager de magazin", None, None, "manager"),
    ("ro", "Șef de tură", None, None, "lead"),
    # tr
    ("tr", "Kıdemli Yazılım Mühendisi", None, None, "senior"),
    ("tr", "KIDEMLİ YAZILIM MÜHENDİSİ", None, None, "senior"),
    ("tr", "Yazılım Stajyeri", None, None, "intern"),
    ("tr", "Takım Lideri", None, None, "lead"),
    ("tr", "Genel Müdür Yardımcısı", None, None, "executive"),
    ("tr", "Satış Müdürü", None, None, None),
    ("tr", None, "Yeni Başlayan", None, "junior"),
    ("tr", "Geliştirici", None, "en az 3 yıl deneyim", "mid"),
    ("tr", "Geliştirici", None, "5 yıllık tecrübe", "senior"),
    ("tr", "Mağaza Müdürü", None, None, "manager"),
    ("tr", "Şube Müdürü", None, None, "manager"),
    ("tr", "Muhasebe Şefi", None, None, "lead"),
    ("tr", "Vardiya Amiri", None, None, "lead"),
    # el
    ("el", "Ασκούμενος Λογιστηρίου", None, None, "intern"),
    ("el", "Νέοι Απόφοιτοι Πληροφορικής", None, None, "junior"),
    ("el", "Διευθύνων Σύμβουλος", None, None, "executive"),
    ("el", "Υπεύθυνος Ομάδας Πωλήσεων", None, None, "lead"),
    ("el", None, "Έμπειρος", None, "mid"),
    ("el", "Μηχανικός", None, "τουλάχιστον 5 χρόνια εμπειρία", "senior"),
    ("el", "Υπεύθυνος Καταστήματος", None, None, "manager"),
    ("el", "Υπεύθυνη Βάρδιας", None, None, "lead"),
    # ja
    ("ja", "シニアエンジニア", None, None, "senior"),
    ("ja", "【新卒】Webエンジニア", None, None, "junior"),
    ("ja", "テックリード（Go）", None, None, "lead"),
    ("ja", "開発部長", None, None, "director"),
    ("ja", "長期インターン", None, None, "intern"),
    ("ja", "エンジニア", None, None, None),
    ("ja", "シニア歓迎！軽作業", None, None, None),
    ("ja", None, "中途", None, "mid"),
    ("ja", None, "課長", None, "manager"),
    ("ja", "エンジニア", None, "経験5年以上", "senior"),
    ("ja", "店長", None, None, "manager"),
    ("ja", "副店長（カフェ）", None, None, "manager"),
    ("ja", "工場長", None, None, "manager"),
    ("ja", "店長候補", None, None, None),
    ("ja", "営業次長", None, None, "manager"),
    # ko
    ("ko", "신입 백엔드 개발자", None, None, "junior"),
    ("ko", "[경력] 백엔드 개발자", None, None, "mid"),
    ("ko", "시니어 데이터 엔지니어", None, None, "senior"),
    ("ko", "개발팀장", None, None, "lead"),
    ("ko", "경력무관 웹 개발자", None, None, None),
    ("ko", None, "신입", None, "junior"),
    ("ko", None, "경력", None, "mid"),
    ("ko", None, "임원", None, "executive"),
    ("ko", "개발자", None, "경력 3년 이상", "mid"),
    ("ko", "매장 관리자", None, None, "manager"),
    ("ko", "점장", None, None, "manager"),
    ("ko", "회계 대리", None, None, "mid"),
    ("ko", "영업 과장", None, None, "manager"),
    ("ko", "인사 차장", None, None, "manager"),
    ("ko", "생산 부장", None, None, "director"),
    ("ko", "대리점 영업", None, None, None),
    ("ko", "주차장 관리원", None, None, None),
    ("ko", "세차장 직원", None, None, None),
    # zh-hans
    ("zh-hans", "高级Java工程师", None, None, "senior"),
    ("zh-hans", "技术总监", None, None, "director"),
    ("zh-hans", "实习生-前端", None, None, "intern"),
    ("zh-hans", "产品经理", None, None, None),
    ("zh-hans", "2025届校招-算法工程师", None, None, "junior"),
    ("zh-hans", None, "中级", None, "mid"),
    ("zh-hans", "工程师", None, "3年以上工作经验", "mid"),
    ("zh-hans", "店长", None, None, "manager"),
    ("zh-hans", "厂长", None, None, "manager"),
    ("zh-hans", "生产班长", None, None, "lead"),
    ("zh-hans", "储备店长", None, None, None),
    ("zh-hans", "客户经理", None, None, None),
    # zh-hant
    ("zh-hant", "資深後端工程師", None, None, "senior"),
    ("zh-hant", "實習生", None, None, "intern"),
    ("zh-hant", "技術長", None, None, "executive"),
    ("zh-hant", "研發經理", None, None, "manager"),
    ("zh-hant", None, "社會新鮮人", None, "junior"),
    ("zh-hant", "工程師", None, "工作經驗：5年以上", "senior"),
    ("zh-hant", "門市店長", None, None, "manager"),
    ("zh-hant", "人資經理", None, None, "manager"),
    # ar
    ("ar", "مهندس برمجيات أول", None, None, "senior"),
    ("ar", "خط الدعم الأول", None, None, None),
    ("ar", "متدرب محاسبة", None, None, "intern"),
    ("ar", "قائد فريق المبيعات", None, None, "lead"),
    ("ar", "حديث التخرج - مهندس", None, None, "junior"),
    ("ar", None, "مستوى مبتدئ", None, "junior"),
    ("ar", "مهندس", None, "خبرة لا تقل عن 3 سنوات", "mid"),
    ("ar", "مدير فرع", None, None, "manager"),
    ("ar", "مدير الموارد البشرية", None, None, "manager"),
    ("ar", "مشرف مبيعات", None, None, "lead"),
    ("ar", "مدير المبيعات", None, None, None),
    # he
    ("he", "מפתח/ת בכיר/ה", None, None, "senior"),
    ("he", "דרוש/ה מפתח/ת לחברה מובילה", None, None, None),
    ("he", 'מנכ"ל', None, None, "executive"),
    ("he", "ראש צוות פיתוח", None, None, "lead"),
    ("he", "סטודנט/ית למשרה חלקית", None, None, "intern"),
    ("he", None, "ללא ניסיון", None, "junior"),
    ("he", "מפתח", None, "ניסיון של 5 שנים לפחות", "senior"),
    ("he", "מנהל/ת סניף", None, None, "manager"),
    ("he", "אחראי/ת משמרת", None, None, "lead"),
    # hi
    ("hi", "वरिष्ठ सॉफ्टवेयर इंजीनियर", None, None, "senior"),
    ("hi", "इंटर्न - मार्केटिंग", None, None, "intern"),
    ("hi", "टीम लीडर", None, None, "lead"),
    ("hi", "निदेशक (वित्त)", None, None, "director"),
    ("hi", None, "फ्रेशर", None, "junior"),
    ("hi", "इंजीनियर", None, "3 साल का अनुभव", "mid"),
    ("hi", "स्टोर मैनेजर", None, None, "manager"),
    ("hi", "सुपरवाइजर", None, None, "lead"),
    # id
    ("id", "Magang Marketing", None, None, "intern"),
    ("id", "Kepala Divisi IT", None, None, "director"),
    ("id", "Ketua Tim Penjualan", None, None, "lead"),
    ("id", "Lulusan Baru - Staf Admin", None, None, "junior"),
    ("id", None, "Berpengalaman", None, "mid"),
    ("id", "Programmer", None, "pengalaman minimal 2 tahun", "mid"),
    ("id", "Kepala Toko", None, None, "manager"),
    ("id", "Kepala Shift Produksi", None, None, "lead"),
    # vi
    ("vi", "Lập trình viên cao cấp", None, None, "senior"),
    ("vi", "Thực tập sinh Marketing", None, None, "intern"),
    ("vi", "Trưởng nhóm kỹ thuật", None, None, "lead"),
    ("vi", "Giám đốc kỹ thuật", None, None, "director"),
    ("vi", "Tong giam doc", None, None, "executive"),
    ("vi", None, "Mới tốt nghiệp", None, "junior"),
    ("vi", "Lập trình viên", None, "3 năm kinh nghiệm", "mid"),
    ("vi", "Cửa hàng trưởng", None, None, "manager"),
    ("vi", "Trưởng ca", None, None, "lead"),
    # th
    ("th", "วิศวกรซอฟต์แวร์อาวุโส", None, None, "senior"),
    ("th", "นักศึกษาฝึกงาน ฝ่ายไอที", None, None, "intern"),
    ("th", "หัวหน้าทีมขาย", None, None, "lead"),
    ("th", "ผู้อำนวยการฝ่ายการเงิน", None, None, "director"),
    ("th", None, "จบใหม่", None, "junior"),
    ("th", "โปรแกรมเมอร์", None, "มีประสบการณ์อย่างน้อย 2 ปี", "mid"),
    ("th", "ผู้จัดการร้าน", None, None, "manager"),
    ("th", "หัวหน้ากะ", None, None, "lead"),
    # uk
    ("uk", "Молодший розробник", None, None, "junior"),
    ("uk", "Старший бухгалтер", None, None, "senior"),
    ("uk", "Стажер-аналітик", None, None, "intern"),
    ("uk", "Тімлід QA", None, None, "lead"),
    ("uk", None, "Без досвіду", None, "junior"),
    ("uk", "Розробник", None, "досвід роботи від 1 року", "junior"),
    ("uk", "Керуючий магазином", None, None, "manager"),
    ("uk", "Начальник зміни", None, None, "lead"),
    # ru
    ("ru", "Старший разработчик", None, None, "senior"),
    # "Ведущий": a grade above "старший" in Russian titles (ведущий специалист), not a team lead.
    ("ru", "Ведущий инженер", None, None, "senior"),
    ("ru", "Стажёр-аналитик", None, None, "intern"),
    ("ru", "Генеральный директор", None, None, "executive"),
    ("ru", "Руководитель отдела продаж", None, None, "director"),
    ("ru", None, "Без опыта", None, "junior"),
    ("ru", "Разработчик", None, "Опыт работы: от 3 лет", "mid"),
    ("ru", "Управляющий магазином", None, None, "manager"),
    ("ru", "Начальник смены", None, None, "lead"),
    ("ru", "Менеджер по персоналу", None, None, None),
]


@pytest.mark.parametrize(("language", "title", "raw", "body", "expected"), _BY_LANGUAGE)
def test_normalise_seniority_by_language(
    language: str, title: str | None, raw: str | None, body: str | None, expected: str | None
) -> None:
    assert normalise_seniority(title, raw, body) == expected, language


def test_every_language_of_the_vocabulary_is_tested() -> None:
    vocabulary = read_vocabulary("seniority")
    languages = set(vocabulary["titles"]) | set(vocabulary["levels"]) | set(vocabulary["body"])
    tested: dict[str, int] = {}
    for language, *_ in _BY_LANGUAGE:
        tested[language] = tested.get(language, 0) + 1
    assert {language for language in languages if tested.get(language, 0) < 3} == set()


def test_a_phrase_names_one_level_in_every_language() -> None:
    with pytest.raises(ValueError, match="both"):
        _by_phrase({"es": {"director": ["gerencia"]}, "pt": {"manager": ["gerência"]}}, _field_key)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Programa Trainee 2027 - Engenharia de Produção", "junior"),
        ("Eksekutif Kanan, Akaun", "senior"),
        ("Trainee Engineer", "intern"),
    ],
)
def test_levels_of_the_fourth_round(title: str, expected: str) -> None:
    from scrapers.normalise.seniority import normalise_seniority

    assert normalise_seniority(title, None) == expected
