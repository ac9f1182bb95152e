"""Search terms per day, outbound clicks as a kind of daily count, and the summary's indexes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant_search_terms(apps, schema_editor):
    """Analytiker reads the daily search terms like the other statistics (only adds)."""
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Analytiker").first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="feedback", codename="view_searchtermday"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("feedback", "0004_analysts_read_content"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchTermDay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=100, verbose_name="sökord")),
                ("date", models.DateField(verbose_name="datum")),
                ("searches", models.PositiveIntegerField(default=0, verbose_name="sökningar")),
                (
                    "without_results",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Sökningar som inte hittade något.",
                        verbose_name="sökningar utan träffar",
                    ),
                ),
                (
                    "results",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Antal träffar vid dagens senaste sökning.",
                        verbose_name="träffar",
                    ),
                ),
            ],
            options={
                "verbose_name": "sökord per dag",
                "verbose_name_plural": "sökord per dag",
                "ordering": ["-date", "-searches", "term"],
            },
        ),
        migrations.AlterField(
            model_name="pageviewday",
            name="key",
            field=models.CharField(
                help_text="Sidans adress, filmens id eller länkens innehåll (innehållstyp/id/fält, t.ex. resources.resource/12/url).",
                max_length=300,
                verbose_name="sida, film eller länk",
            ),
        ),
        migrations.AlterField(
            model_name="pageviewday",
            name="kind",
            field=models.CharField(
                choices=[
                    ("page", "Sidvisning"),
                    ("film", "Filmvisning"),
                    ("link", "Klick på extern länk"),
                ],
                default="page",
                max_length=8,
                verbose_name="typ",
            ),
        ),
        migrations.AddIndex(
            model_name="pageviewday",
            index=models.Index(
                fields=["kind", "date", "key", "views", "unique_views"],
                name="pageviewday_kind_date",
            ),
        ),
        migrations.AddIndex(
            model_name="searchtermday",
            index=models.Index(
                fields=["date", "term", "searches", "without_results", "results"],
                name="searchtermday_date",
            ),
        ),
        migrations.AddConstraint(
            model_name="searchtermday",
            constraint=models.UniqueConstraint(
                fields=("date", "term"), name="one_count_per_term_day"
            ),
        ),
        migrations.AddConstraint(
            model_name="searchtermday",
            constraint=models.CheckConstraint(
                condition=models.Q(("without_results__lte", models.F("searches"))),
                name="searches_without_results_within_searches",
            ),
        ),
        migrations.RunPython(grant_search_terms, migrations.RunPython.noop),
    ]
