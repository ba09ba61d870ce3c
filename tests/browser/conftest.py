"""Browser tests: Playwright driving Debian's Chromium (installed by `make test`; never a
browser download) against the live test server."""

import os
import shutil

import pytest
from django.contrib.auth.models import User

from ascweb.demo import load_demo
from ascweb.lifecycle import period_create_next
from ascweb.models import FinancialYear

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(_norfolk):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs what follows in a context of its own, where Django opens
    # another database connection: the shared Norfolk transaction (tests/conftest.py) must be
    # rolled back here, in the connection that opened it, or it would hold the database.
    _norfolk.unload()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def axe_page(browser):
    """A page for accessibility checks: the test injects axe-core, which the app's strict CSP
    would (rightly) refuse, so only these contexts bypass it. Functional tests keep CSP on."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def live_demo_p10(transactional_db, live_server):
    """The demo data as the papers leave it (Period 10 published, nothing open), served by the
    live server."""
    load_demo()
    return live_server.url


@pytest.fixture
def live_demo(live_demo_p10):
    """The demo data with Period 11 open, served by the live server."""
    year = FinancialYear.objects.get(code="2017-18")
    period_create_next(user=User.objects.get(username="lead"), year=year, number=11)
    return live_demo_p10


def sign_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_out(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
