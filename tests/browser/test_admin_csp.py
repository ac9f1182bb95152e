"""The Django admin works under the site's strict Content Security Policy."""

import pytest

from tests.browser.test_accessibility import CSP_COLLECTOR
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_admin_login_and_change_form_without_csp_violations(live_server, page, admin_user):
    initiative = InitiativeFactory(title="Digitala tolken", tags=["tolkning"])
    violations, errors = [], []
    page.add_init_script(CSP_COLLECTOR)
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))

    def collect():
        # The collector starts afresh on every page: read it before leaving.
        page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 50))")
        violations.extend(page.evaluate("window.__cspViolations"))

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Användarnamn").fill(admin_user.username)
    page.get_by_label("Lösenord").fill("password")
    collect()
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    collect()

    page.goto(f"{live_server.url}/admin/initiatives/initiative/{initiative.pk}/change/")
    assert page.locator("#id_title").input_value() == "Digitala tolken"
    # The admin's own scripts run: date shortcuts and slug prepopulation need them.
    assert page.locator(".datetimeshortcuts").count() > 0
    collect()
    page.goto(f"{live_server.url}/admin/initiatives/initiative/add/")
    page.locator("#id_title").press_sequentially("Nytt initiativ om schemaläggning")
    assert page.locator("#id_slug").input_value() == "nytt-initiativ-om-schemalaggning"
    collect()

    assert violations == []
    assert errors == []
