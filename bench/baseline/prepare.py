"""Create the baseline's tables and its 20 items: `python -m bench.baseline.prepare`."""

import django


def main():
    django.setup()
    from django.core.management import call_command

    from bench.baseline.models import Entry, Item
    from bench.baseline.views import ITEMS

    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    Entry.objects.all().delete()
    Item.objects.all().delete()
    Item.objects.bulk_create([Item(**item) for item in ITEMS])


if __name__ == "__main__":
    main()
