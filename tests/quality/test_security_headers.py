"""Security headers and cookie flags with production settings (tests/settings.py: DEBUG off)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_public_page_sends_the_security_headers(public_pages):
    client = Client(raise_request_exception=False)
    # Twice: rendered, then (for 200 pages) served from the page cache, which answers
    # before most middleware runs and must still get every header.
    for page in [*public_pages, *public_pages]:
        response = client.get(page.path, secure=True)
        assert response.status_code == page.status, page
        assert response["Strict-Transport-Security"].startswith("max-age=31536000"), page
        assert "includeSubDomains" in response["Strict-Transport-Security"], page
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", page
        assert response["X-Content-Type-Options"] == "nosniff", page
        assert response["X-Frame-Options"] == "DENY", page
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", page
        permissions = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()"):
            assert feature in permissions, page

        csp = csp_directives(response)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], page
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], page
        assert csp["default-src"] == ["'self'"], page
        assert csp["frame-ancestors"] == ["'none'"], page
        assert csp["object-src"] == ["'none'"], page
        assert csp["style-src"] == ["'self'"], page
        assert csp["script-src"][0] == "'self'", page
        assert all(v == "'self'" or v.startswith("'nonce-") for v in csp["script-src"]), page
    cached = client.get(public_pages[0].path, secure=True)
    assert cached["X-Page-Cache"] == "hit" and cached["X-Frame-Options"] == "DENY"


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/healthz")
    assert "Strict-Transport-Security" in client.get("/healthz", secure=True)


def test_plain_http_is_redirected_to_https_in_production(client, settings, site_pages):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/ai-initiativ/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/ai-initiativ/"
    # Behind the load balancer, X-Forwarded-Proto tells Django the visitor used HTTPS.
    forwarded = client.get("/ai-initiativ/", headers={"x-forwarded-proto": "https"})
    assert forwarded.status_code == 200


def test_csrf_and_session_cookies_are_secure_and_httponly(client, admin_user):
    login = client.get("/admin/login/", secure=True)
    csrf = login.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": admin_user.username, "password": "password"},
        secure=True,
    )

    assert response.status_code == 302
    session = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def production_env(**changes):
    """The environment of a production start: no test settings, no DEBUG, no test key."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "ALLOW_INSECURE_KEY", "SECURE_SSL_REDIRECT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        ALLOWED_HOSTS="aisocialtjanst.digg.se",
        DATABASE_URL="sqlite:///:memory:",
        PYTHONPATH=str(ROOT),
    )
    env.update(changes)
    return env


def test_deploy_check_passes_without_warnings():
    env = production_env(SECRET_KEY=secrets.token_urlsafe(60))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (None, "SECRET_KEY must be set when DEBUG is off"),
        ("too-short", "SECRET_KEY is too weak for production"),
    ],
)
def test_production_refuses_to_start_without_a_real_secret_key(key, message):
    env = production_env() if key is None else production_env(SECRET_KEY=key)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
