"""The baseline as `django-admin startproject` makes it, for bench/floor.py.

The same pages as the bare baseline (bench/baseline), with what every new Django project
starts with: the admin, auth, contenttypes, sessions, messages and static files, and
their middleware and context processors. With REDIS_URL set, Redis is the cache, through
django-redis as the site uses it. None of the site's own apps or libraries.
"""

import os

from bench.baseline.settings import *  # noqa: F403 (the bare baseline, extended)
from bench.baseline.settings import TEMPLATES

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "bench.baseline",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
TEMPLATES[0]["OPTIONS"]["context_processors"] = [
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
]
ROOT_URLCONF = "bench.baseline.startproject_urls"
WSGI_APPLICATION = "bench.baseline.startproject_wsgi.application"
STATIC_URL = "static/"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # Reads only (startproject_wsgi.py), under the run's own prefix all the same.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "bench-floor"),
        }
    }
