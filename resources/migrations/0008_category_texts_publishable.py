"""A category's texts get the editorial workflow of all content (drafts, schedules, review).

The eight categories stay public: they start published, with their first review date a
review interval from now, as `Publishable.save()` would set it.
"""

import django.utils.timezone
from django.db import migrations, models


def first_review_dates(apps, schema_editor):
    from publishing.models import next_review_date

    Category = apps.get_model("resources", "Category")
    for category in Category.objects.filter(review_by__isnull=True):
        category.review_by = next_review_date(category.published_at)
        category.save(update_fields=["review_by"])


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0007_category_rendered_markdown"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="category",
            options={
                "ordering": ["order", "name"],
                "permissions": [("publish_category", "Kan publicera kategoriernas texter")],
                "verbose_name": "kategori",
                "verbose_name_plural": "kategorier",
            },
        ),
        migrations.AddField(
            model_name="category",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="skapad"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="category",
            name="published_at",
            field=models.DateTimeField(
                db_index=True,
                default=django.utils.timezone.now,
                help_text="Sätt en framtida tidpunkt för att schemalägga publiceringen.",
                verbose_name="publiceras",
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="review_by",
            field=models.DateField(
                blank=True,
                db_index=True,
                help_text="Sätts automatiskt till tolv månader efter publiceringen. Efter datumet ser besökarna att informationen kan vara inaktuell.",
                null=True,
                verbose_name="granskas senast",
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="reviewed_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Sätts när någon i redaktionen markerar innehållet som granskat.",
                null=True,
                verbose_name="senast granskad",
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="status",
            field=models.CharField(
                choices=[("draft", "Utkast"), ("published", "Publicerad")],
                db_index=True,
                default="published",
                help_text="Gäller kategorins texter (beskrivning och brödtext): utkast syns bara i redaktionen. Kategorisidan och listan med stöd och verktyg syns alltid.",
                max_length=16,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="unpublish_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Innehållet försvinner från webbplatsen vid den här tidpunkten. Lämna tomt om det ska ligga kvar tills vidare.",
                null=True,
                verbose_name="avpubliceras",
            ),
        ),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("unpublish_at__isnull", True),
                    ("unpublish_at__gt", models.F("published_at")),
                    _connector="OR",
                ),
                name="resources_category_unpublish_after_publish",
                violation_error_message="Avpubliceringen måste ligga efter publiceringen.",
            ),
        ),
        migrations.RunPython(first_review_dates, migrations.RunPython.noop),
    ]
