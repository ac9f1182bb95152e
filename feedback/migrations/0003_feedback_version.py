from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_analyst_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="version_id",
            field=models.PositiveBigIntegerField(
                blank=True,
                db_index=True,
                help_text="Den sparade version av sidans innehåll som besökaren svarade på; "
                "tom om sidan saknar versionshistorik.",
                null=True,
                verbose_name="version",
            ),
        ),
    ]
