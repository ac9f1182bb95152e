"""Content for the benchmark: the demo content (1×) and synthetic multiples of it.

1× is the project's own demo command when this branch has it (load_demo_content), else a
stand-in of the same shape built with the test factories: eleven initiatives, about sixty
resources over the eight categories, the stand-alone pages and the webinar's questions.
10× and 100× add synthetic initiatives and resources in bulk until the counts are reached.
"""

import random

from bench.common import log

MUNICIPALITIES = [
    ("Helsingborg", "skane"),
    ("Kalmar", "kalmar"),
    ("Lidingö", "stockholm"),
    ("Linköping", "ostergotland"),
    ("Malmö", "skane"),
    ("Skellefteå", "vasterbotten"),
    ("Strängnäs", "sodermanland"),
    ("Sundsvall", "vasternorrland"),
    ("Uppsala", "uppsala"),
    ("Vetlanda", "jonkoping"),
    ("Värmdö", "stockholm"),
]
TAGS = [
    "schemaläggning",
    "språkmodeller",
    "taligenkänning",
    "chattbot",
    "dataskydd",
    "etik",
    "hemtjänst",
    "ekonomiskt bistånd",
    "prognoser",
    "bildanalys",
    "sensorer",
    "kompetens",
    "upphandling",
    "informationssäkerhet",
    "automatisering",
    "beslutsstöd",
    "tolkning",
    "dokumentation",
    "forskning",
    "nyttorealisering",
]
PARAGRAPH = (
    "Förvaltningen prövade tekniken i en avgränsad verksamhet tillsammans med medarbetare, "
    "jurister och informationssäkerhetssamordnare. Arbetet dokumenterades löpande så att "
    "andra kommuner kan ta del av erfarenheterna, både det som fungerade och det som inte "
    "gjorde det. "
)


def markdown(paragraphs):
    return "\n\n".join(PARAGRAPH * 2 for _ in range(paragraphs))


def demo_counts():
    from initiatives.models import Initiative
    from resources.models import Resource

    return Initiative.objects.count(), Resource.objects.count()


def load_demo():
    """1×: the demo command if this branch has it, else the factory stand-in."""
    from django.core.management import call_command, get_commands

    if "load_demo_content" in get_commands():
        log("content 1×: manage.py load_demo_content")
        call_command("load_demo_content", verbosity=0)
    else:
        log("content 1×: load_demo_content is not in this branch; factory stand-in of its shape")
        load_demo_stand_in()
    return demo_counts()


def load_demo_stand_in():
    from resources.models import Category
    from tests.factories import (
        InitiativeFactory,
        MunicipalityFactory,
        PageFactory,
        QuestionFactory,
        ResourceFactory,
    )

    rng = random.Random(1)
    for slug, title in [
        ("introduktion-till-ai", "Introduktion till AI"),
        ("natverk-och-forum", "Nätverk och forum"),
        ("webbinarium", "Webbinarium"),
        ("om-webbplatsen", "Om webbplatsen"),
        ("tillganglighetsredogorelse", "Tillgänglighetsredogörelse"),
    ]:
        page = PageFactory(slug=slug, title=title, body=markdown(6))
        if slug == "webbinarium":
            for n in range(24):
                QuestionFactory(
                    page=page,
                    group=["Juridik", "Etik", "Komma igång"][n % 3],
                    question=f"Fråga {n + 1} från webbinariet om AI i socialtjänsten?",
                    answer=PARAGRAPH,
                )
    phases = ["utforskande", "planering", "utveckling", "test", "i_drift", "avslutad"]
    areas = ["aldreomsorg", "individ_familj", "funktionshinder", "ekonomiskt_bistand"]
    for n, (name, county) in enumerate(MUNICIPALITIES):
        municipality = MunicipalityFactory(name=name, slug=name.lower(), county=county)
        InitiativeFactory(
            title=f"AI-initiativ i {name}",
            slug=f"ai-initiativ-{n + 1}",
            municipality=municipality,
            ingress=PARAGRAPH,
            body=markdown(2),
            goals=markdown(1),
            implementation=markdown(2),
            technology=markdown(1),
            law_and_ethics=markdown(1),
            lessons_learned=markdown(1),
            contact="Socialförvaltningen",
            phase=phases[n % len(phases)],
            area=areas[n % len(areas)],
            tags=rng.sample(TAGS, 3),
        )
    categories = list(Category.objects.all())
    for n in range(60):
        ResourceFactory(
            title=f"Stöd nummer {n + 1} om AI i socialtjänsten",
            category=categories[n % len(categories)],
            description=PARAGRAPH,
            year=2020 + n % 5,
            tags=rng.sample(TAGS, 2),
        )


def add_synthetic(initiatives, resources):
    """Bulk-insert synthetic published content with tags (no signals: callers bump the cache)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from taggit.models import Tag, TaggedItem

    from initiatives.models import Initiative, Municipality
    from resources.models import Category, Publisher, Resource

    rng = random.Random(initiatives + resources)
    start_i, start_r = Initiative.objects.count(), Resource.objects.count()
    towns = [
        Municipality.objects.get_or_create(
            slug=f"syntetkommun-{n}",
            defaults={"name": f"Syntetkommun {n}", "county": "uppsala"},
        )[0]
        for n in range(100)
    ]
    categories = list(Category.objects.all())
    publisher = Publisher.objects.get_or_create(
        name="Syntetisk avsändare", defaults={"slug": "syntetisk-avsandare"}
    )[0]
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    now = timezone.now()
    new_initiatives = Initiative.objects.bulk_create(
        [
            Initiative(
                title=f"Syntetiskt AI-initiativ {n}",
                slug=f"syntetiskt-ai-initiativ-{n}",
                municipality=towns[n % len(towns)],
                ingress=PARAGRAPH,
                body=markdown(2),
                lessons_learned=markdown(1),
                area=rng.choice(Initiative.Area.values),
                phase=rng.choice(Initiative.Phase.values),
                technique=rng.choice(Initiative.Technique.values),
                status="published",
                published_at=now - timezone.timedelta(days=rng.randint(1, 1000)),
            )
            for n in range(start_i, start_i + initiatives)
        ],
        batch_size=500,
    )
    new_resources = Resource.objects.bulk_create(
        [
            Resource(
                title=f"Syntetiskt stöd {n}",
                url=f"https://www.example.se/stod-{n}",
                publisher=publisher,
                description=PARAGRAPH,
                category=categories[n % len(categories)],
                status="published",
                published_at=now - timezone.timedelta(days=rng.randint(1, 1000)),
            )
            for n in range(start_r, start_r + resources)
        ],
        batch_size=500,
    )
    items = []
    for objects in (new_initiatives, new_resources):
        if not objects:
            continue
        content_type = ContentType.objects.get_for_model(objects[0])
        for obj in objects:
            items += [
                TaggedItem(tag=tag, content_type=content_type, object_id=obj.pk)
                for tag in rng.sample(tags, 2)
            ]
    TaggedItem.objects.bulk_create(items, batch_size=1000)


def grow_to(scale, base_initiatives, base_resources):
    """Add synthetic content until there are `scale` times the demo's initiatives/resources."""
    from publishing import generation

    have_i, have_r = demo_counts()
    add_synthetic(
        max(0, scale * base_initiatives - have_i), max(0, scale * base_resources - have_r)
    )
    generation.bump()
    # Bulk inserts leave the planner's statistics stale until autovacuum gets to them, which
    # on a live site happens within minutes; without this the first runs measure a planner
    # that believes the tables are empty (nested loops over thousands of rows).
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return demo_counts()
