"""Every page, as every role that can open it, has no WCAG 2.2 AA violation axe can find,
at desktop and phone widths."""

import pytest
from playwright.sync_api import expect

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
        f"{P10}/performance/",
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
        f"{P11}/performance/NEA/edit/",
        f"{P11}/performance/NEA/commentary/",
    ],
    "lead": [
        f"{P11}/",
        "/fidelity/",
        "/imports/period/",
        "/imports/",
        "/net-expenditure/upload/",
        "/imports/savings/",
        "/imports/ibcf/",
        "/periods/new/",
        f"{P11}/audit/",
        "/lines/STU-OP/history/",
        f"{P10}/",
        f"{P11}/pack/",
        "/net-expenditure/upload/",
        "/imports/reserves/",
        "/imports/capital/",
        "/imports/performance/",
        f"{P11}/performance/",
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


BAD_FILES = {
    "savings": (
        "code,forecast,status,explanation,recovery_action\nNOPE,-1,On target,,\nASC020,12O,Off target,Delayed,\n"
    ),
    "ibcf": "code,spend_to_date,forecast,activity_progress\niBCF0,1,,\niBCF1,lots,,\n",
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_an_import_pages_problem_table_is_accessible(axe_page, live_demo, tmp_path, kind):
    page = axe_page
    bad = tmp_path / f"{kind}.csv"
    bad.write_text(BAD_FILES[kind], encoding="utf-8")
    sign_in(page, live_demo, "lead", PASSWORDS["lead"])
    page.goto(f"{live_demo}/imports/{kind}/")
    page.get_by_label("Financial year").fill("2017-18")
    page.get_by_label("Period", exact=True).fill("11")
    page.get_by_label("CSV or Excel file").set_input_files(str(bad))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("alert")).to_contain_text("2 problems in the file: nothing has been saved")
    expect(page.get_by_role("table", name="Problems in the file").get_by_role("row")).to_have_count(3)
    assert violations(page) == []
