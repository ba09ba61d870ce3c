"""The savings pages, as each role that can open them, have no WCAG 2.2 AA violation axe can
find, at desktop and phone widths; so does the update form showing its errors."""

import pytest

from tests.browser.axe import violations
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

P10, P11 = "/periods/2017-18/10/savings", "/periods/2017-18/11/savings"
PAGES = {
    "member": [f"{P10}/", f"{P10}/programme/", f"{P10}/projects/"],
    "officer": [f"{P11}/", f"{P11}/projects/", f"{P11}/workstreams/COM/edit/"],
}
PASSWORDS = {"member": "member-demo-2017", "officer": "officer-demo-2017"}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("role", list(PAGES))
def test_savings_pages_have_no_accessibility_violations(browser, live_demo, role, width):
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


def test_an_officer_moves_a_project_off_target_only_with_an_explanation(axe_page, live_demo):
    page = axe_page
    sign_in(page, live_demo, "officer", PASSWORDS["officer"])
    page.goto(f"{live_demo}{P11}/workstreams/COM/edit/")
    page.get_by_label("Forecast saving for ASC020 (£)").fill("-100,000")
    page.get_by_role("button", name="Save Commissioning workstream").click()
    summary = page.get_by_role("alert")
    assert "mark it off target" in summary.inner_text()
    assert violations(page) == []
    fieldset = page.get_by_role("group", name="ASC020 Remodel contracts for support to mental health recovery")
    fieldset.get_by_label("Off target", exact=True).check()
    page.get_by_role("button", name="Save Commissioning workstream").click()
    assert "give why it is off target" in page.get_by_role("alert").inner_text()
    assert violations(page) == []
    fieldset = page.get_by_role("group", name="ASC020 Remodel contracts for support to mental health recovery")
    fieldset.get_by_label("Explanation for ASC020 (required when off target)").fill("Retendering took longer")
    fieldset.get_by_label("Recovery action for ASC020 (required when off target)").fill("New contract from April")
    # Period 10 carried forward: the paper gave home care commissioning no recovery action
    page.get_by_label("Recovery action for ASC024 (required when off target)").fill("Fee structures agreed")
    page.get_by_role("button", name="Save Commissioning workstream").click()
    assert "saved, " in page.get_by_role("alert").inner_text()
    page.goto(f"{live_demo}{P11}/projects/")
    row = page.get_by_role("row", name="Remodel contracts for support to mental health recovery")
    assert "Off target" in row.inner_text() and "(0.100)" in row.inner_text()
