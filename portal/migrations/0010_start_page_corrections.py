"""Corrections to the start page texts the site launched with (0008).

- The webinar box mixed registrations with participation: 91 percent of the
  municipalities were among those who registered; 698 people took part, from 90 percent
  of the municipalities (final report, 4.3).
- "Läs frågorna och svaren från webbinariet" leads to the questions and answers on the
  webinar page itself.
- Numbers are written with a non-breaking space between thousands ("1 000").

Only a text still as launched is changed: whatever an editor wrote stays. The launch start
page, if no editor has saved it, keeps the launch as its date: its texts are the launch
texts corrected, and "Senast uppdaterad" must not show the day the migrations ran.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import migrations

LAUNCHED_AT = datetime(2024, 1, 16, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))

CORRECTIONS = {
    "webinar_text": (
        "Den 16 januari 2024 samlade webbinariet deltagare från 91 procent av landets kommuner.",
        "Till webbinariet den 16 januari 2024 anmälde sig 1\u00a0000 personer från 91 procent "
        "av landets kommuner. 698 av dem deltog i sändningen, från 90 procent av kommunerna.",
    ),
    "webinar_link_url": ("/webbinarium/", "/webbinarium/#fragor-och-svar"),
}


def correct(apps, schema_editor):
    StartPage = apps.get_model("portal", "StartPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    for field, (old, new) in CORRECTIONS.items():
        StartPage.objects.filter(**{field: old}).update(**{field: new})

    content_type = ContentType.objects.filter(app_label="portal", model="startpage").first()
    edited = set(
        Version.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )
    launch = StartPage.objects.filter(name="Startsidan").order_by("pk").first()
    if launch is not None and str(launch.pk) not in edited:
        StartPage.objects.filter(pk=launch.pk).update(
            published_at=LAUNCHED_AT, created_at=LAUNCHED_AT, updated_at=LAUNCHED_AT
        )


def restore(apps, schema_editor):
    StartPage = apps.get_model("portal", "StartPage")
    for field, (old, new) in CORRECTIONS.items():
        StartPage.objects.filter(**{field: new}).update(**{field: old})


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("portal", "0009_site_texts"),
    ]

    operations = [migrations.RunPython(correct, restore)]
