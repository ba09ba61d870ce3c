"""An officer moves a project off target through the savings form, whose error states have no
WCAG 2.2 AA violation axe can find (every savings page is checked in test_accessibility.py)."""

import pytest

from tests.browser.axe import violations
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

P11 = "/periods/2017-18/11/savings"
PASSWORDS = {"officer": "officer-demo-2017"}


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
