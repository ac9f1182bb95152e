"""A bare Django project: the benchmark's baselines, sharing nothing with the site.

No middleware, no context processors, no cache, no page-view counting: a template of 20
items (`/mall/`), the same page with the items read from PostgreSQL (`/databas/`) and a
bare insert (`POST /spara/`). bench/run.py serves it with gunicorn exactly like the site
(same workers and threads, same database server) and reports each of the site's pages as
a ratio to the baseline of its kind.
"""
