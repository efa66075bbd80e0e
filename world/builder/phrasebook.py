"""Real sentences in each language the sources speak, for generated postings.

Generated postings must read as their language reads (the language pipeline is tested on them)
and carry the boilerplate real ones carry (EEO statements, salary lines), so the text is written
per language, not translated on the fly.
"""

from __future__ import annotations

PHRASEBOOK: dict[str, dict[str, tuple[str, ...] | str]] = {
    "en": {
        "titles": (
            "Backend Engineer",
            "Frontend Engineer",
            "Data Engineer",
            "Product Designer",
            "Site Reliability Engineer",
            "Data Analyst",
            "Product Manager",
            "Account Executive",
            "Customer Success Manager",
            "Recruiter",
            "Machine Learning Engineer",
            "Security Engineer",
            "QA Engineer",
            "Finance Analyst",
            "Marketing Manager",
        ),
        "levels": ("", "", "Senior ", "Junior ", "Lead ", "Staff "),
        "about": "About us",
        "role": "The role",
        "requirements": "What we are looking for",
        "benefits": "What we offer",
        "intro": (
            "{company} builds software that helps thousands of businesses run their daily "
            "operations with less effort and fewer mistakes.",
            "At {company}, small teams own their products from the first sketch to the "
            "last support ticket, and we ship to customers every day.",
        ),
        "mission": (
            "As our new {title}, you will join a team of curious people who care about "
            "quality and about each other.",
            "You will work closely with product, design and engineering to turn real "
            "customer problems into simple, reliable solutions.",
        ),
        "requirement_items": (
            "Several years of professional experience in a similar role",
            "Clear written and spoken communication in English",
            "Comfort with ambiguity and a habit of asking good questions",
            "Experience working with data to make decisions",
            "A track record of finishing what you start",
            "Familiarity with modern cloud tooling and automation",
        ),
        "benefit_items": (
            "Competitive salary and equity",
            "Flexible working hours",
            "A yearly learning budget for books, courses and conferences",
            "Private health insurance for you and your family",
            "Twenty-five days of paid holiday",
            "A new laptop of your choice",
        ),
        "salary": "The salary range for this position is {low} - {high} {period}.",
        "period_year": "per year",
        "eeo": (
            "{company} is an equal opportunity employer. We do not discriminate on the basis "
            "of race, religion, color, national origin, gender, sexual orientation, age, "
            "marital status, veteran status or disability status."
        ),
        "remote": "Remote",
        "hybrid": "Hybrid",
    },
    "fr": {
        "titles": (
            "Développeur Backend",
            "Développeuse Frontend",
            "Ingénieur Data",
            "Chef de projet",
            "Responsable marketing",
            "Commercial terrain",
            "Chargé de recrutement",
            "Analyste financier",
            "Designer produit",
            "Ingénieur DevOps",
            "Responsable service client",
            "Comptable",
        ),
        "levels": ("", "", "Senior ", "Junior "),
        "about": "Qui sommes-nous ?",
        "role": "Le poste",
        "requirements": "Profil recherché",
        "benefits": "Avantages",
        "intro": (
            "{company} accompagne chaque jour des milliers d'entreprises dans la gestion "
            "de leurs opérations, avec des outils simples et fiables.",
            "Chez {company}, les équipes sont autonomes et responsables de leurs produits, "
            "de la conception jusqu'au support client.",
        ),
        "mission": (
            "En tant que {title}, vous rejoindrez une équipe bienveillante et exigeante "
            "qui attache beaucoup d'importance à la qualité.",
            "Vous travaillerez avec les équipes produit, design et technique pour "
            "résoudre de vrais problèmes rencontrés par nos clients.",
        ),
        "requirement_items": (
            "Plusieurs années d'expérience sur un poste similaire",
            "Une excellente communication écrite et orale",
            "Le goût du travail en équipe et de l'entraide",
            "Une capacité à prendre des décisions à partir des données",
            "De la rigueur et le sens des priorités",
            "Un bon niveau d'anglais est un plus",
        ),
        "benefit_items": (
            "Une mutuelle prise en charge à cent pour cent",
            "Des tickets restaurant",
            "Deux jours de télétravail par semaine",
            "Un budget formation annuel",
            "Des locaux lumineux en centre-ville",
            "Une prime annuelle sur objectifs",
        ),
        "salary": "Rémunération : entre {low} et {high} brut {period}.",
        "period_year": "par an",
        "eeo": (
            "{company} s'engage en faveur de la diversité et de l'égalité des chances. "
            "Toutes nos offres sont ouvertes aux personnes en situation de handicap, sans "
            "distinction d'origine, de sexe, d'âge, de religion ou d'orientation sexuelle."
        ),
        "remote": "Télétravail total",
        "hybrid": "Télétravail fréquent",
    },
    "de": {
        "titles": (
            "Softwareentwickler (m/w/d)",
            "Backend-Entwicklerin (m/w/d)",
            "Data Engineer (m/w/d)",
            "Projektmanager (m/w/d)",
            "Vertriebsmitarbeiter im Außendienst (m/w/d)",
            "Buchhalter (m/w/d)",
            "Personalreferentin (m/w/d)",
            "Kundenberater (m/w/d)",
            "IT-Administrator (m/w/d)",
            "Produktmanagerin (m/w/d)",
        ),
        "levels": ("", "", "Senior ", "Junior "),
        "about": "Über uns",
        "role": "Deine Aufgaben",
        "requirements": "Dein Profil",
        "benefits": "Wir bieten",
        "intro": (
            "{company} unterstützt tausende Unternehmen dabei, ihre täglichen Abläufe "
            "einfacher und zuverlässiger zu gestalten.",
            "Bei {company} arbeiten kleine Teams eigenverantwortlich an ihren Produkten, "
            "von der ersten Idee bis zum Kundensupport.",
        ),
        "mission": (
            "Als {title} wirst du Teil eines neugierigen Teams, dem Qualität und ein "
            "respektvoller Umgang miteinander wichtig sind.",
            "Du arbeitest eng mit Produkt, Design und Entwicklung zusammen, um echte "
            "Probleme unserer Kunden zu lösen.",
        ),
        "requirement_items": (
            "Mehrjährige Berufserfahrung in einer vergleichbaren Position",
            "Sehr gute Deutsch- und gute Englischkenntnisse",
            "Eine selbstständige und strukturierte Arbeitsweise",
            "Freude an der Arbeit im Team",
            "Erfahrung im Umgang mit Daten und Kennzahlen",
            "Eine abgeschlossene Ausbildung oder ein Studium",
        ),
        "benefit_items": (
            "Flexible Arbeitszeiten und Homeoffice",
            "Dreißig Tage Urlaub",
            "Ein jährliches Weiterbildungsbudget",
            "Ein Zuschuss zum Deutschlandticket",
            "Betriebliche Altersvorsorge",
            "Moderne Arbeitsplätze im Stadtzentrum",
        ),
        "salary": "Das Gehalt für diese Position liegt zwischen {low} und {high} {period}.",
        "period_year": "pro Jahr",
        "eeo": (
            "Wir freuen uns über alle Bewerbungen, unabhängig von Geschlecht, Nationalität, "
            "ethnischer und sozialer Herkunft, Religion, Behinderung, Alter sowie sexueller "
            "Orientierung und Identität."
        ),
        "remote": "Remote",
        "hybrid": "Hybrid",
    },
    "es": {
        "titles": (
            "Desarrollador Backend",
            "Ingeniera de Datos",
            "Jefe de Proyecto",
            "Responsable de Marketing",
            "Comercial",
            "Analista Financiero",
            "Técnico de Soporte",
            "Diseñadora de Producto",
            "Contable",
        ),
        "levels": ("", "", "Senior ", "Junior "),
        "about": "Sobre nosotros",
        "role": "Tus funciones",
        "requirements": "Qué buscamos",
        "benefits": "Qué ofrecemos",
        "intro": (
            "{company} ayuda cada día a miles de empresas a gestionar sus operaciones con "
            "herramientas sencillas y fiables.",
            "En {company}, los equipos son pequeños y autónomos, y se responsabilizan de "
            "sus productos desde la idea hasta la atención al cliente.",
        ),
        "mission": (
            "Como {title}, te unirás a un equipo curioso que cuida la calidad y el buen "
            "ambiente de trabajo.",
            "Trabajarás junto a los equipos de producto, diseño e ingeniería para "
            "resolver problemas reales de nuestros clientes.",
        ),
        "requirement_items": (
            "Varios años de experiencia en un puesto similar",
            "Buena comunicación oral y escrita",
            "Capacidad para trabajar en equipo",
            "Experiencia tomando decisiones basadas en datos",
            "Organización y atención al detalle",
            "Nivel alto de inglés",
        ),
        "benefit_items": (
            "Horario flexible",
            "Seguro médico privado",
            "Presupuesto anual para formación",
            "Dos días de teletrabajo a la semana",
            "Retribución flexible",
            "Oficinas en el centro de la ciudad",
        ),
        "salary": "Salario entre {low} y {high} brutos {period}.",
        "period_year": "al año",
        "eeo": (
            "{company} es una empresa comprometida con la igualdad de oportunidades y no "
            "discrimina por razón de raza, sexo, religión, edad, discapacidad u orientación "
            "sexual."
        ),
        "remote": "100% remoto",
        "hybrid": "Híbrido",
    },
    "nl": {
        "titles": (
            "Backend Developer",
            "Data Engineer",
            "Projectmanager",
            "Accountmanager",
            "Medewerker Klantenservice",
            "Financieel Analist",
            "Recruiter",
            "Productontwerper",
        ),
        "levels": ("", "", "Senior ", "Junior "),
        "about": "Over ons",
        "role": "Wat ga je doen",
        "requirements": "Wat vragen wij",
        "benefits": "Wat bieden wij",
        "intro": (
            "{company} helpt elke dag duizenden bedrijven om hun dagelijkse processen "
            "eenvoudiger en betrouwbaarder te maken.",
            "Bij {company} werken kleine teams zelfstandig aan hun eigen producten, van het "
            "eerste idee tot de klantenservice.",
        ),
        "mission": (
            "Als {title} kom je in een nieuwsgierig team dat veel waarde hecht aan "
            "kwaliteit en aan elkaar.",
            "Je werkt nauw samen met product, design en engineering om echte problemen "
            "van onze klanten op te lossen.",
        ),
        "requirement_items": (
            "Een aantal jaren werkervaring in een vergelijkbare functie",
            "Goede communicatieve vaardigheden in het Nederlands en Engels",
            "Je werkt graag samen in een team",
            "Ervaring met het nemen van beslissingen op basis van data",
            "Je bent nauwkeurig en georganiseerd",
        ),
        "benefit_items": (
            "Een goed salaris en een dertiende maand",
            "Flexibele werktijden",
            "Een opleidingsbudget",
            "Een goede pensioenregeling",
            "Vijfentwintig vakantiedagen",
        ),
        "salary": "Het salaris voor deze functie ligt tussen {low} en {high} {period}.",
        "period_year": "per jaar",
        "eeo": (
            "{company} is een werkgever die gelijke kansen biedt. Wij maken geen onderscheid "
            "op basis van afkomst, geslacht, leeftijd, religie, handicap of seksuele "
            "geaardheid."
        ),
        "remote": "Remote",
        "hybrid": "Hybride",
    },
}

# (city, region, country, UTC offset in November) per country the generated companies hire in.
CITIES: dict[str, tuple[tuple[str, str | None, str], ...]] = {
    "US": (
        ("San Francisco", "CA", "-08:00"),
        ("New York", "NY", "-05:00"),
        ("Austin", "TX", "-06:00"),
        ("Seattle", "WA", "-08:00"),
        ("Chicago", "IL", "-06:00"),
    ),
    "GB": (("London", None, "+00:00"), ("Manchester", None, "+00:00")),
    "FR": (("Paris", None, "+01:00"), ("Lyon", None, "+01:00"), ("Bordeaux", None, "+01:00")),
    "DE": (("Berlin", None, "+01:00"), ("München", None, "+01:00"), ("Hamburg", None, "+01:00")),
    "ES": (("Madrid", None, "+01:00"), ("Barcelona", None, "+01:00")),
    "NL": (("Amsterdam", None, "+01:00"), ("Rotterdam", None, "+01:00")),
    "PT": (("Lisbon", None, "+00:00"), ("Porto", None, "+00:00")),
}

# Languages a posting in that country is written in (English everywhere tech companies hire).
COUNTRY_LANGUAGES = {
    "US": ("en",),
    "GB": ("en",),
    "FR": ("fr", "en"),
    "DE": ("de", "en"),
    "ES": ("es", "en"),
    "NL": ("nl", "en"),
    "PT": ("en",),
}
# Languages that put the level after the job title ("Développeur Backend Senior").
LEVEL_AFTER_TITLE = {"fr", "es"}

COUNTRY_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "FR": "France",
    "DE": "Germany",
    "ES": "Spain",
    "NL": "Netherlands",
    "PT": "Portugal",
}
CURRENCIES = {"US": ("USD", "${:,}"), "GB": ("GBP", "£{:,}")}
EURO = ("EUR", "{:,} €")
