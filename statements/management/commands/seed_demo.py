"""Generate a large synthetic record for demos and benchmarks: fictional politicians, real countries.

    python manage.py seed_demo --statements 100000

Everything made here is invented: people, outlets (on .example domains), articles and quotes.
Every article is marked ``is_demo`` so every page showing it says so. Rows are written with
bulk_create in batches, so 100,000 statements take seconds, not hours.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import secrets
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils.text import slugify

from common.quiet import QuietCommand
from people.models import Country, Organization, Person, PersonAlias, Position, Tenure
from people.normalize import normalize_name
from statements import topic_tallies
from statements.models import Article, Citation, Outlet, Statement, StatementTopic, Topic, TopicTally

# Real countries, invented names. Given names and surnames are combined at random.
COUNTRIES = {
    "FR": (
        "Paris",
        ["Amélie", "Bastien", "Clémence", "Damien", "Élodie", "Gaspard", "Inès", "Lucien"],
        ["Durocher", "Vallençay", "Morlanne", "Brisseau", "Fontarel", "Quérard", "Lestange", "Audiberte"],
    ),
    "DE": (
        "Berlin",
        ["Jonas", "Friederike", "Matthias", "Ilka", "Torben", "Wiebke", "Henrik", "Svenja"],
        [
            "Brenneke",
            "Hollmichel",
            "Strauchner",
            "Wendeborn",
            "Kalthoff",
            "Rennwald",
            "Obermaier",
            "Lüdtkemann",
        ],
    ),
    "IT": (
        "Rome",
        ["Teodora", "Massimo", "Ginevra", "Ottavio", "Rosalba", "Corrado", "Liliana", "Fausto"],
        [
            "Valsecchi",
            "Ardenghi",
            "Scarpellini",
            "Mordacci",
            "Pievani",
            "Cantalupo",
            "Bertoldini",
            "Zanfretta",
        ],
    ),
    "ES": (
        "Madrid",
        ["Inmaculada", "Rodrigo", "Nieves", "Baltasar", "Remedios", "Iñigo", "Consuelo", "Fermín"],
        ["Arrizabalaga", "Quintanar", "Lozoya", "Berrocal", "Villaseca", "Olmedilla", "Carrascal", "Ubrique"],
    ),
    "PL": (
        "Warsaw",
        ["Zofia", "Bartosz", "Jadwiga", "Radosław", "Halina", "Przemysław", "Bożena", "Wiesław"],
        [
            "Wierzbicka",
            "Kołodziejak",
            "Zaremba-Lis",
            "Dąbrowiecki",
            "Szczepaniuk",
            "Wróblewicz",
            "Gajowniczek",
            "Pilarczuk",
        ],
    ),
    "GB": (
        "London",
        ["Harriet", "Rupert", "Imogen", "Alasdair", "Philippa", "Crispin", "Rosalind", "Tobias"],
        [
            "Ashcombe",
            "Pennington-Hale",
            "Wraxall",
            "Thistlewood",
            "Carbery",
            "Elmstead",
            "Hawkridge",
            "Marchbanks",
        ],
    ),
    "NG": (
        "Abuja",
        ["Adaeze", "Olumide", "Chiamaka", "Babatunde", "Ifeoma", "Emeka", "Folasade", "Tunde"],
        [
            "Oyelaran",
            "Nwachukwu-Eze",
            "Adebanjo",
            "Okonkwo-Bello",
            "Afolabi",
            "Ezeudu",
            "Ogunleye",
            "Chukwuemeka",
        ],
    ),
    "BR": (
        "Brasília",
        ["Ludmila", "Anselmo", "Iracema", "Wanderley", "Rosângela", "Deoclécio", "Marilda", "Ubiratan"],
        [
            "Tavares Quintela",
            "Bittencourt",
            "Albuquerque Neto",
            "Figueiredo Lins",
            "Sampaio",
            "Vasconcelos",
            "Guimarães",
            "Pimentel",
        ],
    ),
    "IN": (
        "New Delhi",
        ["Anjali", "Vikram", "Meenakshi", "Harsh", "Sunanda", "Rohan", "Devika", "Arvind"],
        [
            "Raghunathan",
            "Chaturvedi",
            "Bhattacharjee",
            "Sriramulu",
            "Kulkarni",
            "Venkataraman",
            "Dasgupta",
            "Malhotra",
        ],
    ),
    "JP": (
        "Tokyo",
        ["Haruka", "Kenji", "Mitsuko", "Takumi", "Sayuri", "Hideo", "Noriko", "Daisuke"],
        ["Kawabata", "Moriyasu", "Takenouchi", "Hoshizaki", "Ishigami", "Nakagawara", "Sugiyama", "Tokunaga"],
    ),
    "CA": (
        "Ottawa",
        ["Geneviève", "Callum", "Maëlle", "Desmond", "Rowena", "Étienne", "Shauna", "Lachlan"],
        [
            "Thibodeau-Grant",
            "MacInnery",
            "Beauchesne",
            "Whitlock",
            "Ouellette",
            "Fairbairn",
            "Lapierre",
            "Strathy",
        ],
    ),
    "KE": (
        "Nairobi",
        ["Wanjiru", "Otieno", "Nyokabi", "Kiprotich", "Achieng", "Mwangi", "Chebet", "Odhiambo"],
        ["Kamau-Njoroge", "Wekesa", "Ochieng'", "Mutua", "Kiplagat", "Wambugu", "Nyamweya", "Karanja"],
    ),
}
OFFICES = [
    ("Prime Minister", "Government", "government"),
    ("Minister of Foreign Affairs", "Ministry of Foreign Affairs", "ministry"),
    ("Minister of Finance", "Ministry of Finance", "ministry"),
    ("Minister of Defence", "Ministry of Defence", "ministry"),
    ("Minister of Energy", "Ministry of Energy", "ministry"),
    ("Minister of Health", "Ministry of Health", "ministry"),
    ("Minister of the Interior", "Ministry of the Interior", "ministry"),
    ("Member of Parliament", "Parliament", "legislature"),
    ("Leader of the Opposition", "Parliament", "legislature"),
]
TOPICS = {
    "Energy": [
        "the interconnector",
        "gas prices",
        "the new nuclear plant",
        "offshore wind farms",
        "energy subsidies",
    ],
    "Defence": [
        "troops in the east",
        "the defence budget",
        "the new frigates",
        "military aid",
        "conscription",
    ],
    "Migration": [
        "the asylum reform",
        "border controls",
        "work visas",
        "the resettlement scheme",
        "migrant quotas",
    ],
    "Inflation": [
        "food prices",
        "the interest rate rise",
        "the cost of living",
        "wage indexation",
        "price caps",
    ],
    "Climate": [
        "the emissions target",
        "the coal phase-out",
        "the carbon tax",
        "climate finance",
        "the flood defences",
    ],
    "Health": [
        "hospital waiting lists",
        "the vaccine programme",
        "nurses' pay",
        "the pharmacy reform",
        "mental health services",
    ],
    "Trade": ["the trade agreement", "steel tariffs", "export controls", "the customs union", "farm imports"],
    "Housing": [
        "rent controls",
        "the social housing plan",
        "mortgage relief",
        "the building permits reform",
        "student housing",
    ],
    "Education": [
        "teachers' salaries",
        "the school curriculum",
        "university fees",
        "the apprenticeship scheme",
        "school meals",
    ],
    "Technology": [
        "the AI act",
        "broadband for rural areas",
        "the chip factory",
        "online safety rules",
        "the digital ID",
    ],
}
SUPPORT = [
    "We will fund {x}, because families across {country} need it.",
    "I fully back {x} and I will defend it in parliament.",
    "{X} is the right choice for {country}.",
    "Nobody should doubt our commitment to {x}.",
    "We have waited too long for {x}; now is the time to act.",
]
OPPOSE = [
    "{X} is a mistake that {country} cannot afford.",
    "We will vote against {x}, whatever the pressure.",
    "I have said it before: {x} will hurt ordinary people.",
    "There is no majority for {x} and there never will be.",
    "Spending more on {x} would be reckless.",
]
NEUTRAL = [
    "We are studying {x} carefully and will decide in the autumn.",
    "The commission will report on {x} before we take a position.",
    "All options on {x} remain on the table.",
    "We need more figures on {x} before anyone can judge it.",
]
INDIRECT = [
    ("the government would {verb} {x}", "support", "fund"),
    ("the government would {verb} {x}", "oppose", "scrap"),
    ("a decision on {x} would come after the summer", "neutral", ""),
    ("{x} had been {verb} for too long", "support", "neglected"),
    ("{x} was being pushed through without proper debate", "oppose", ""),
]
OUTLETS = [
    "The Morning Ledger",
    "Capital Dispatch",
    "The Northern Courier",
    "Evening Standard-Bearer",
    "Civic Herald",
    "The Daily Chronicle",
    "Parliament Watch",
    "The Continental Review",
    "Harbour Times",
    "The Plain Dealer Weekly",
    "Metro Gazette",
    "The Independent Observer",
    "Coastal Tribune",
    "The Evening Post-Examiner",
    "Frontline News",
]
CUES = [
    "said",
    "told reporters",
    "said in a statement",
    "told parliament",
    "wrote on X",
    "said in an interview",
]
WEEKDAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend"]
STATEMENTS_PER_ARTICLE = 4
SPAN_DAYS = 3 * 365


class DraftLine(NamedTuple):
    """One quote placed in a generated article, with what its Statement and Citation rows need."""

    speaker: Speaker
    quote: str
    kind: str
    stance: str
    said_on: dt.date
    tenure_id: int | None
    cue: str
    topic: str
    start: int
    end: int


@dataclass
class Speaker:
    person_id: int
    name: str
    country: str
    tenures: list[tuple[int, dt.date | None, dt.date | None, str]] = field(default_factory=list)

    def office_on(self, day: dt.date) -> tuple[int | None, str]:
        for tenure_id, start, end, title in self.tenures:
            if (start is None or start <= day) and (end is None or day <= end):
                return tenure_id, title
        return None, ""


def _free_slug(model, base: str) -> str:
    """``base``, or ``base-2``, ``-3``...: the same office may be on record already (found in
    real or sample articles) under another organisation, with the slug this one would take."""
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class Command(QuietCommand):
    help = "Generate a synthetic record (fictional politicians, real countries) for demos and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--statements", type=int, default=1000, help="How many statements to make.")
        parser.add_argument(
            "--people", type=int, default=0, help="How many people (default: scales with statements)."
        )
        parser.add_argument("--seed", type=int, default=7, help="Random seed, for a reproducible record.")
        parser.add_argument("--batch-size", type=int, default=5000, help="Rows per INSERT.")
        parser.add_argument(
            "--until", type=dt.date.fromisoformat, default=None, help="Latest date said (YYYY-MM-DD)."
        )

    def handle(self, *args, statements, people, seed, batch_size, until, **options):
        if statements < 1 or statements > 20_000_000:
            raise CommandError("--statements must be between 1 and 20,000,000.")
        if batch_size < 100:
            raise CommandError("--batch-size must be at least 100.")
        missing = set(COUNTRIES) - set(
            Country.objects.filter(code__in=COUNTRIES).values_list("code", flat=True)
        )
        if missing:
            raise CommandError(f"Countries {sorted(missing)} are not loaded: run `manage.py migrate` first.")
        self.rng = random.Random(seed)
        self.token = secrets.token_hex(4)  # keeps keys unique when the command runs again
        self.batch_size = batch_size
        self.until = until or dt.date.today()
        self.verbosity = options.get("verbosity", 1)
        people = people or max(24, min(5000, statements // 200))
        started = time.perf_counter()
        with transaction.atomic():
            topics = self._topics()
            outlets = self._outlets()
            speakers = self._people(people)
            made = self._statements(statements, speakers, topics, outlets)
        # The triggers appended a tally row per link: fold them as beat would a minute later.
        topic_tallies.compact()
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner plans the first queries for empty tables.
            with connection.cursor() as cursor:
                for model in (Article, Statement, Citation, StatementTopic, Person, Tenure, TopicTally):
                    cursor.execute(f'ANALYZE "{model._meta.db_table}"')
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Made {made['statements']:,} statements, {made['citations']:,} citations, {made['articles']:,} "
                f"articles, {len(speakers):,} people in {seconds:.1f}s. All are sample data about fictional politicians."
            )
        )

    # --- reference rows -------------------------------------------------------------------

    def _topics(self) -> dict[str, Topic]:
        topics = {}
        for name, phrases in TOPICS.items():
            topic, _ = Topic.objects.get_or_create(
                slug=slugify(name),
                defaults={
                    "name": name,
                    "keywords": [name.lower(), *phrases],
                    "description": f"Statements about {name.lower()}.",
                },
            )
            topics[name] = topic
        return topics

    def _outlets(self) -> list[Outlet]:
        outlets = []
        for name in OUTLETS:
            outlet, _ = Outlet.objects.get_or_create(
                domain=f"{slugify(name)}.example", defaults={"name": name}
            )
            outlets.append(outlet)
        return outlets

    def _people(self, count: int) -> list[Speaker]:
        positions = self._offices()
        rows = self._persons(count)
        tenures = self._tenures(rows, positions)
        speakers = {p.pk: Speaker(p.pk, p.name, p.country_id) for p in rows}
        titles = {pos.pk: pos.title for pos in positions.values()}
        for tenure in tenures:
            speakers[tenure.person_id].tenures.append(
                (tenure.pk, tenure.start, tenure.end, titles[tenure.position_id])
            )
        return list(speakers.values())

    def _offices(self) -> dict[tuple[str, str], Position]:
        """Every office of OFFICES in every country, by (country code, title); reused when on record."""
        organizations: dict[tuple[str, str], Organization] = {}
        positions: dict[tuple[str, str], Position] = {}
        for code in COUNTRIES:
            for title, org_name, kind in OFFICES:
                key = (code, org_name)
                if key not in organizations:
                    organizations[key], _ = Organization.objects.get_or_create(
                        normalized=normalize_name(org_name),
                        country_id=code,
                        defaults={
                            "name": org_name,
                            "slug": _free_slug(Organization, f"{slugify(org_name)}-{code.lower()}"),
                            "kind": kind,
                        },
                    )
                positions[(code, title)], _ = Position.objects.get_or_create(
                    normalized=normalize_name(title),
                    country_id=code,
                    organization=organizations[key],
                    defaults={
                        "title": title,
                        "slug": _free_slug(Position, f"{slugify(title)}-{code.lower()}"),
                    },
                )
        return positions

    def _persons(self, count: int) -> list[Person]:
        """`count` fictional people with their names as aliases, spread over the countries."""
        rng = self.rng
        codes = list(COUNTRIES)
        used_names: set[str] = set()
        rows: list[Person] = []
        for i in range(count):
            code = codes[i % len(codes)]
            _, given, family = COUNTRIES[code]
            name = f"{rng.choice(given)} {rng.choice(family)}"
            if name in used_names:  # more people than name pairs: add a middle initial
                name = f"{name.split()[0]} {chr(65 + i % 26)}. {' '.join(name.split()[1:])}"
            used_names.add(name)
            surname = name.split(" ", 1)[1]
            rows.append(
                Person(
                    name=name,
                    sort_name=f"{surname}, {name.split()[0]}",
                    slug=f"{slugify(name)}-{self.token}-{i}",
                    country_id=code,
                    description=f"Fictional {COUNTRIES[code][0]} politician (sample data).",
                )
            )
        rows = Person.objects.bulk_create(rows, batch_size=self.batch_size)
        PersonAlias.objects.bulk_create(
            [PersonAlias(person=p, name=p.name, normalized=normalize_name(p.name)) for p in rows],
            batch_size=self.batch_size,
        )
        return rows

    def _tenures(self, rows: list[Person], positions: dict[tuple[str, str], Position]) -> list[Tenure]:
        """Two offices in a row for each person: the second from the day the first ended."""
        rng = self.rng
        tenures: list[Tenure] = []
        first_day = self.until - dt.timedelta(days=SPAN_DAYS + 365)
        for person in rows:
            titles = rng.sample([title for title, _, _ in OFFICES], k=2)
            start = first_day + dt.timedelta(days=rng.randrange(0, 400))
            switch = start + dt.timedelta(days=rng.randrange(300, SPAN_DAYS))
            tenures.append(
                Tenure(
                    person=person,
                    position=positions[(person.country_id, titles[0])],
                    start=start,
                    end=switch,
                    source=Tenure.Source.IMPORT,
                )
            )
            if switch < self.until:
                tenures.append(
                    Tenure(
                        person=person,
                        position=positions[(person.country_id, titles[1])],
                        start=switch + dt.timedelta(days=1),
                        source=Tenure.Source.IMPORT,
                    )
                )
        return Tenure.objects.bulk_create(tenures, batch_size=self.batch_size)

    # --- statements -----------------------------------------------------------------------

    def _quote(self, speaker: Speaker, topic: str) -> tuple[str, str, str]:
        """(quote, kind, stance) for one remark."""
        rng = self.rng
        phrase = rng.choice(TOPICS[topic])
        country_name = COUNTRY_NAMES[speaker.country]
        if rng.random() < 0.25:
            template, stance, verb = rng.choice(INDIRECT)
            return template.format(x=phrase, verb=verb), Statement.Kind.INDIRECT, stance
        stance = rng.choices(["support", "oppose", "neutral", "unclear"], weights=[40, 35, 15, 10])[0]
        pool = {"support": SUPPORT, "oppose": OPPOSE}.get(stance, NEUTRAL)
        text = rng.choice(pool).format(x=phrase, X=phrase[0].upper() + phrase[1:], country=country_name)
        return text, Statement.Kind.DIRECT, stance

    def _statements(
        self, total: int, speakers: list[Speaker], topics: dict[str, Topic], outlets: list[Outlet]
    ):
        rng = self.rng
        made = {"statements": 0, "citations": 0, "articles": 0}
        per_batch = max(STATEMENTS_PER_ARTICLE, self.batch_size - self.batch_size % STATEMENTS_PER_ARTICLE)
        # Busy speakers say much more than others, as in real coverage.
        weights = [1 / (rank + 1) ** 0.8 for rank in range(len(speakers))]
        self.serial = 0
        while made["statements"] < total:
            n = min(per_batch, total - made["statements"])
            chosen = rng.choices(speakers, weights=weights, k=n)
            articles, drafts = [], []
            for start in range(0, n, STATEMENTS_PER_ARTICLE):
                article, lines = self._article_draft(
                    chosen[start : start + STATEMENTS_PER_ARTICLE], list(topics)
                )
                article.url = f"https://{rng.choice(outlets).domain}{article.url}"
                articles.append(article)
                drafts.append(lines)
            for article in articles:  # the outlet is the URL's domain
                domain = article.url.split("/")[2]
                article.outlet = next(o for o in outlets if o.domain == domain)
            articles = Article.objects.bulk_create(articles, batch_size=self.batch_size)
            statements = Statement.objects.bulk_create(
                [self._statement_row(line) for lines in drafts for line in lines], batch_size=self.batch_size
            )
            citations, links = self._citations_and_topic_links(articles, drafts, statements, topics)
            Citation.objects.bulk_create(citations, batch_size=self.batch_size)
            StatementTopic.objects.bulk_create(links, batch_size=self.batch_size)
            made["statements"] += len(statements)
            made["citations"] += len(citations)
            made["articles"] += len(articles)
            if self.verbosity >= 2 or made["statements"] % 100_000 < len(statements):
                self.stdout.write(f"  {made['statements']:,} statements…")
        return made

    def _article_draft(self, group: list[Speaker], topic_names: list[str]) -> tuple[Article, list[DraftLine]]:
        """One article quoting each speaker of ``group`` once; the URL gets its outlet's domain later."""
        rng = self.rng
        published = self.until - dt.timedelta(days=rng.randrange(0, SPAN_DAYS))
        topic = rng.choice(topic_names)
        city = COUNTRIES[group[0].country][0]
        headline = f"{group[0].name} speaks out on {topic.lower()}"
        text = f"{headline}\n\n{city.upper()} — Politicians traded arguments over {topic.lower()} this week."
        lines = []
        for speaker in group:
            said_on = published - dt.timedelta(days=rng.randrange(0, 3))
            item_topic = topic if rng.random() < 0.8 else rng.choice(topic_names)
            quote, kind, stance = self._quote(speaker, item_topic)
            tenure_id, title = speaker.office_on(said_on)
            lead = f"{title} {speaker.name}" if title else speaker.name
            cue = rng.choice(CUES)
            if kind == Statement.Kind.DIRECT:
                prefix, suffix = f"\n\n{lead} {cue} {rng.choice(WEEKDAYS)}: \u201c", "\u201d"
            else:
                prefix, suffix = f"\n\n{lead} said {rng.choice(WEEKDAYS)} that ", "."
            begin = len(text) + len(prefix)
            text = f"{text}{prefix}{quote}{suffix}"
            lines.append(
                DraftLine(
                    speaker,
                    quote,
                    kind,
                    stance,
                    said_on,
                    tenure_id,
                    cue,
                    item_topic,
                    begin,
                    begin + len(quote),
                )
            )
        text += "\n\nThe debate is expected to continue when parliament returns."
        self.serial += 1
        article = Article(
            url=f"/{published:%Y/%m/%d}/{self.token}-{self.serial}",
            content_hash=hashlib.sha256(f"{self.token}:{self.serial}:{text}".encode()).hexdigest(),
            title=headline,
            outlet=None,
            published=published,
            fetched_at=None,
            text=text,
            origin=Article.Origin.IMPORT,
            status=Article.Status.EXTRACTED,
            extractor_version="seed-demo",
            is_demo=True,
        )
        return article, lines

    def _statement_row(self, line: DraftLine) -> Statement:
        self.serial += 1
        return Statement(
            speaker_id=line.speaker.person_id,
            speaker_text=line.speaker.name,
            quote=line.quote,
            quote_key=hashlib.sha256(f"{self.token}:{self.serial}".encode()).hexdigest(),
            kind=line.kind,
            cue=line.cue.split()[0],
            said_on=line.said_on,
            date_precision="day",
            date_basis=Statement.DateBasis.RELATIVE,
            tenure_id=line.tenure_id,
            confidence=round(self.rng.uniform(0.55, 0.98), 2),
            review_status=self.rng.choices(
                ["unreviewed", "verified", "corrected", "rejected"], weights=[80, 15, 3, 2]
            )[0],
            extractor_version="seed-demo",
        )

    def _citations_and_topic_links(self, articles, drafts, statements, topics: dict[str, Topic]):
        rng = self.rng
        topic_names = list(topics)
        citations, links = [], []
        saved = iter(statements)
        for article, lines in zip(articles, drafts, strict=True):
            for line in lines:
                statement = next(saved)
                citations.append(
                    Citation(
                        statement=statement,
                        article=article,
                        start=line.start,
                        end=line.end,
                        text=line.quote,
                        speaker_text=line.speaker.name,
                        cue=line.cue.split()[0],
                        extractor_version="seed-demo",
                    )
                )
                topic = topics[line.topic]
                links.append(
                    StatementTopic(
                        statement=statement,
                        topic=topic,
                        stance=line.stance,
                        relevance=round(rng.uniform(0.5, 1), 2),
                        stance_confidence=round(rng.uniform(0.4, 0.95), 2),
                    )
                )
                if rng.random() < 0.3:  # some remarks touch a second topic
                    other = topics[rng.choice(topic_names)]
                    if other.slug != topic.slug:
                        links.append(
                            StatementTopic(statement=statement, topic=other, stance="unclear", relevance=0.4)
                        )
        return citations, links


COUNTRY_NAMES = {
    "FR": "France",
    "DE": "Germany",
    "IT": "Italy",
    "ES": "Spain",
    "PL": "Poland",
    "GB": "Britain",
    "NG": "Nigeria",
    "BR": "Brazil",
    "IN": "India",
    "JP": "Japan",
    "CA": "Canada",
    "KE": "Kenya",
}
