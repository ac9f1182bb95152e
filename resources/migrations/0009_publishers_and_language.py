"""Publishers become rows (one per organisation), and resources get a language.

The free-text "avsändare" held the same organisation written in several ways ("SKR",
"Sveriges Kommuner och Regioner (SKR)", "Sveriges kommuner och regioner (SKR)"), so the
filter listed it several times. Each distinct spelling is grouped with the others that
share its full name or its abbreviation (case aside), and each group becomes one
Publisher. Saved versions in the history are rewritten to point to the publisher, so an
old version can still be compared and restored.

The eight categories (0002) carry the launch texts of the final report; where no editor
has saved one, its "Senast uppdaterad" becomes the launch instead of the day the
migrations ran.
"""

import json
import re
from collections import Counter, defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models
from django.utils.text import slugify

# "Sveriges Kommuner och Regioner (SKR)": a name and, in brackets, one short word.
WITH_ABBREVIATION = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^\s(),]{2,12})\)$")


def split_name(text):
    """(name, abbreviation) of one spelling; the abbreviation may be empty."""
    text = " ".join(text.split())
    match = WITH_ABBREVIATION.match(text)
    if match:
        return match["name"], match["short"]
    return text, ""


def group_spellings(counts):
    """Spellings that name the same organisation, as lists; `counts` maps spelling to uses."""
    parent = {spelling: spelling for spelling in counts}

    def root(spelling):
        while parent[spelling] != spelling:
            parent[spelling] = parent[parent[spelling]]
            spelling = parent[spelling]
        return spelling

    by_key = {}
    for spelling in counts:
        name, short = split_name(spelling)
        keys = {name.casefold()} | ({short.casefold()} if short else set())
        for key in keys:
            if key in by_key:
                parent[root(spelling)] = root(by_key[key])
            else:
                by_key[key] = spelling
    groups = defaultdict(list)
    for spelling in counts:
        groups[root(spelling)].append(spelling)
    return list(groups.values())


def canonical(spellings, counts):
    """The group's name and abbreviation: the most used spelling, capitals breaking ties."""
    names, shorts = Counter(), Counter()
    for spelling in spellings:
        name, short = split_name(spelling)
        names[name] += counts[spelling]
        if short:
            shorts[short] += counts[spelling]
    short = max(shorts, key=lambda s: (shorts[s], s)) if shorts else ""
    # A lone abbreviation ("SKR") is not the name when a full name is known.
    full_names = [n for n in names if n.casefold() != short.casefold()] or list(names)
    name = max(full_names, key=lambda n: (names[n], sum(c.isupper() for c in n)))
    return name, short


def unique_slug(base, taken):
    base = (slugify(base) or "avsandare")[:90]
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def make_publishers(apps, schema_editor):
    Resource = apps.get_model("resources", "Resource")
    Publisher = apps.get_model("resources", "Publisher")
    counts = Counter(Resource.objects.values_list("sender", flat=True))
    taken = set(Publisher.objects.values_list("slug", flat=True))
    publisher_of = {}
    for spellings in group_spellings(counts):
        name, short = canonical(spellings, counts)
        publisher = Publisher.objects.filter(name__iexact=name).first()
        if publisher is None:
            publisher = Publisher.objects.create(
                name=name, short_name=short, slug=unique_slug(short or name, taken)
            )
        for spelling in spellings:
            Resource.objects.filter(sender=spelling).update(publisher=publisher)
            publisher_of[spelling] = publisher.pk
    _rewrite_versions(apps, publisher_of)
    if schema_editor.connection.vendor == "postgresql":
        # Let the foreign keys checked at commit be checked now, before the table changes.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def senders_back(apps, schema_editor):
    Resource = apps.get_model("resources", "Resource")
    for resource in Resource.objects.select_related("publisher"):
        publisher = resource.publisher
        short = f" ({publisher.short_name})" if publisher.short_name else ""
        resource.sender = f"{publisher.name}{short}"
        resource.save(update_fields=["sender"])


def _rewrite_versions(apps, publisher_of):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label="resources", model="resource").first()
    if content_type is None:
        return
    for version in Version.objects.filter(content_type=content_type, format="json"):
        data = json.loads(version.serialized_data)
        changed = False
        for item in data:
            fields = item.get("fields", {})
            if "sender" in fields:
                sender = fields.pop("sender")
                fields["publisher"] = publisher_of.get(sender)
                changed = True
        if changed:
            version.serialized_data = json.dumps(data)
            version.save(update_fields=["serialized_data"])


LAUNCHED_AT = datetime(2024, 1, 16, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def categories_dated_from_launch(apps, schema_editor):
    Category = apps.get_model("resources", "Category")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_type = ContentType.objects.filter(app_label="resources", model="category").first()
    edited = set(
        Version.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )
    untouched = [pk for pk in Category.objects.values_list("pk", flat=True) if str(pk) not in edited]
    Category.objects.filter(pk__in=untouched).update(updated_at=LAUNCHED_AT)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("resources", "0008_category_texts_publishable"),
    ]

    operations = [
        migrations.CreateModel(
            name="Publisher",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Organisationens fullständiga namn, till exempel Sveriges "
                        "Kommuner och Regioner.",
                        max_length=300,
                        verbose_name="namn",
                    ),
                ),
                (
                    "short_name",
                    models.CharField(
                        blank=True,
                        help_text="Till exempel SKR. Kan lämnas tom.",
                        max_length=50,
                        verbose_name="förkortning",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="Används i filtrets adress, till exempel "
                        "/stod-och-verktyg/alla/?avsandare=skr.",
                        max_length=100,
                        unique=True,
                        verbose_name="adress",
                    ),
                ),
                (
                    "url",
                    models.URLField(blank=True, max_length=500, verbose_name="webbplats"),
                ),
            ],
            options={
                "verbose_name": "avsändare",
                "verbose_name_plural": "avsändare",
                "ordering": ["name"],
                "constraints": [
                    models.UniqueConstraint(
                        django.db.models.functions.text.Lower("name"),
                        name="unique_publisher_name",
                        violation_error_message="Det finns redan en avsändare med det namnet.",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="resource",
            name="publisher",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="resources",
                to="resources.publisher",
            ),
        ),
        migrations.AddField(
            model_name="resource",
            name="language",
            field=models.CharField(
                choices=[("sv", "Svenska"), ("en", "Engelska")],
                default="sv",
                help_text="Materialets språk. En rubrik på engelska märks som engelska, så att "
                "skärmläsare läser upp den med rätt uttal.",
                max_length=8,
                verbose_name="språk",
            ),
        ),
        migrations.RunPython(make_publishers, senders_back),
        migrations.RunPython(categories_dated_from_launch, migrations.RunPython.noop),
        migrations.RemoveField(model_name="resource", name="sender"),
        migrations.AlterField(
            model_name="resource",
            name="publisher",
            field=models.ForeignKey(
                help_text="Organisationen som står bakom materialet.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="resources",
                to="resources.publisher",
                verbose_name="avsändare",
            ),
        ),
    ]
