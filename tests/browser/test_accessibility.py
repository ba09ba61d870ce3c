"""Every page, as every role that can open it, has no WCAG 2.2 AA violation axe can find,
at desktop and phone widths."""

import pytest

from tests.browser.axe import violations
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

P10, P11 = "/periods/2017-18/10", "/periods/2017-18/11"
PAGES = {
    "member": [
        "/periods/",
        f"{P10}/dashboard/",
        f"{P10}/",
        f"{P10}/appendix-a/",
        f"{P10}/areas/STU/",
        f"{P10}/savings/",
        f"{P10}/savings/programme/",
        f"{P10}/savings/projects/",
        f"{P10}/ibcf/",
        f"{P10}/reserves/",
        f"{P10}/capital/",
        f"{P10}/pack/",
        "/accessibility/",
    ],
    "officer": [
        f"{P11}/workspace/",
        f"{P11}/areas/STU/edit/",
        f"{P11}/appendix-a/",
        f"{P11}/dashboard/",
        f"{P11}/savings/",
        f"{P11}/savings/projects/",
        f"{P11}/savings/workstreams/COM/edit/",
        f"{P11}/ibcf/edit/",
        f"{P11}/reserves/edit/",
        f"{P11}/capital/edit/",
    ],
    "lead": [
        f"{P11}/",
        "/fidelity/",
        "/imports/period/",
        "/periods/new/",
        f"{P11}/audit/",
        "/lines/STU-OP/history/",
        f"{P10}/",
        f"{P11}/pack/",
        "/net-expenditure/upload/",
        "/imports/reserves/",
        "/imports/capital/",
        f"{P11}/reserves/",
        f"{P11}/capital/",
        "/net-expenditure/profiles/2017-18/",
    ],
}
PASSWORDS = {"member": "member-demo-2017", "officer": "officer-demo-2017", "lead": "lead-demo-2017"}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("role", list(PAGES))
def test_pages_have_no_accessibility_violations(browser, live_demo, role, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)  # to inject axe
    page = context.new_page()
    try:
        sign_in(page, live_demo, role, PASSWORDS[role])
        found = {}
        for url in PAGES[role]:
            page.goto(f"{live_demo}{url}")
            problems = violations(page)
            if problems:
                found[url] = problems
        assert found == {}
    finally:
        context.close()


def test_the_sign_in_page_and_its_errors_are_accessible(axe_page, live_demo):
    page = axe_page
    page.goto(f"{live_demo}/accounts/login/")
    assert violations(page) == []
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").is_visible()
    assert violations(page) == []


def test_entry_form_errors_are_accessible(axe_page, live_demo):
    page = axe_page
    sign_in(page, live_demo, "officer", PASSWORDS["officer"])
    page.goto(f"{live_demo}{P11}/areas/STU/edit/")
    page.get_by_label("Older People budget (£)", exact=True).fill("not money")
    page.get_by_role("button", name="Save Services to Users").click()
    assert page.get_by_role("alert").is_visible()
    assert violations(page) == []
