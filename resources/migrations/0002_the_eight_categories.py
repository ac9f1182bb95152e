"""Create the eight categories of support and tools (table 2 of the final report).

The texts are editable in the admin afterwards; this migration only makes sure the
categories exist, so it never overwrites an editor's changes.
"""

from django.db import migrations

CATEGORIES = [
    (
        "Inspiration",
        "inspiration",
        "Hur andra kommuner har gjort och tips på hur AI kan användas i praktiken.",
    ),
    (
        "Komma igång",
        "komma-igang",
        "Tips för kommuner som vill börja arbeta med AI: kunskap, vägledning och stöd "
        "med hjälp av konkreta verktyg.",
    ),
    (
        "Kompetensutveckling",
        "kompetensutveckling",
        "Grundläggande och fördjupande material om AI. Samlade resurser för att lära sig "
        "mer om vad AI är, hur det fungerar och hur det kan användas i praktiken.",
    ),
    (
        "Finansiering",
        "finansiering",
        "Råd inför upphandling, projektmedel att söka och exempel på projekt som "
        "tidigare har fått medel beviljade.",
    ),
    (
        "Juridik",
        "juridik",
        "Information om rättsliga förutsättningar och tips på hur AI kan användas på "
        "ett säkert sätt inom socialtjänsten.",
    ),
    (
        "Etik",
        "etik",
        "Etiska aspekter av AI och inspiration för hur kommuner kan använda AI kritiskt "
        "och etiskt inom socialtjänsten.",
    ),
    (
        "Nyttorealisering",
        "nyttorealisering",
        "Samlade resurser om hur kommuner kan ta tillvara nyttan av planerade "
        "förändringar, så att den tid och de pengar som läggs ger de resultat som behövs.",
    ),
    (
        "Forskning och utbildning",
        "forskning-och-utbildning",
        "Hur några av Sveriges universitet och högskolor arbetar med AI, med exempel på "
        "forskningsprojekt och vetenskapliga artiklar om AI i socialtjänsten.",
    ),
]


def create_categories(apps, schema_editor):
    Category = apps.get_model("resources", "Category")
    for order, (name, slug, description) in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
