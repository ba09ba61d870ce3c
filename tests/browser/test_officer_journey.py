"""An officer corrects a forecast with the keyboard; a member sees it only once published."""

import re

import pytest
from playwright.sync_api import expect

from finance.models import LineForecast
from tests.browser.conftest import sign_in, sign_out

pytestmark = pytest.mark.browser


def _type_into(page, label: str, text: str) -> None:
    """Focus a field and type as a person would: select what is there, then type over it."""
    field = page.get_by_label(label, exact=True)
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_officer_corrects_a_forecast_and_the_member_sees_it_after_publication(page, live_demo):
    base = live_demo

    # The officer finds Services to Users in their workspace for the open period.
    sign_in(page, base, "officer", "officer-demo-2017")
    page.goto(f"{base}/periods/2017-18/11/workspace/")
    expect(page.get_by_role("heading", name="Officer workspace")).to_be_visible()
    page.get_by_role("link", name="Enter forecasts for Services to Users").click()
    expect(page.get_by_role("heading", name="Enter forecasts: Services to Users")).to_be_visible()

    # A mistyped figure: the page says which line and which field, and saves nothing.
    _type_into(page, "Older People forecast outturn (£)", "115,2OO,000")
    for label in page.get_by_role("textbox", name=re.compile("explanation of variance")).all():
        label.focus()
        page.keyboard.type("Reviewed at Period 11.")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Save Services to Users").press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem: nothing has been saved")
    expect(summary).to_contain_text("Older People: forecast outturn: Enter an amount in pounds")
    assert LineForecast.objects.get(period__number=11, line__code="STU-OP").forecast == 11_499_400_000

    # The error summary links to the field; the officer follows it and corrects the figure.
    summary.get_by_role("link", name=re.compile("Older People")).press("Enter")
    expect(page.get_by_label("Older People forecast outturn (£)", exact=True)).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("115,200,000")
    page.get_by_role("button", name="Save Services to Users").press("Enter")
    expect(page.get_by_text("Services to Users: saved")).to_be_visible()
    assert LineForecast.objects.get(period__number=11, line__code="STU-OP").forecast == 11_520_000_000
    sign_out(page)

    # Before publication the member cannot reach the period at all.
    sign_in(page, base, "member", "member-demo-2017")
    page.goto(f"{base}/periods/2017-18/11/appendix-a/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    sign_out(page)

    # The lead submits and publishes.
    sign_in(page, base, "lead", "lead-demo-2017")
    page.goto(f"{base}/periods/2017-18/11/")
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_role("button", name="Publish to members").click()
    expect(page.get_by_text("is now published")).to_be_visible()
    sign_out(page)

    # Now the member sees the corrected figure.
    sign_in(page, base, "member", "member-demo-2017")
    page.goto(f"{base}/periods/2017-18/11/appendix-a/")
    older_people = page.get_by_role("row", name=re.compile("^Older People"))
    expect(older_people).to_contain_text("115.200")
