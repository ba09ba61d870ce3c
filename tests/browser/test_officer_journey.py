"""One month in the browser (issue 15): the lead starts Period 11; the officer lands on their
workspace, corrects a mistyped forecast with the keyboard, reviews the explanation the move
calls for and confirms every other carried-forward explanation in one step; the lead reads the
checks, is refused until each is acknowledged, then publishes; a member sees the new figure,
and only once published."""

import re

import pytest
from playwright.sync_api import expect

from ascweb.models import PeriodEvent
from finance.models import GroupExplanation, LineForecast
from tests.browser.conftest import sign_in, sign_out

pytestmark = pytest.mark.browser


def _type_into(page, label: str, text: str) -> None:
    """Focus a field and type as a person would: select what is there, then type over it."""
    field = page.get_by_label(label, exact=True)
    field.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_one_month_from_start_to_publication(page, live_demo_p10):
    base = live_demo_p10

    # The lead starts Period 11.
    sign_in(page, base, "lead", "lead-demo-2017")
    page.goto(f"{base}/periods/new/")
    page.get_by_label("Period number").select_option("11")
    page.get_by_role("button", name=re.compile("Start")).click()
    expect(page.get_by_text("is open for officers")).to_be_visible()
    sign_out(page)

    # The officer lands on their workspace and finds Services to Users there.
    sign_in(page, base, "officer", "officer-demo-2017")
    expect(page.get_by_role("heading", name="Officer workspace")).to_be_visible()
    assert page.url.endswith("/periods/2017-18/11/workspace/")
    page.get_by_role("link", name="Enter forecasts for Services to Users").click()
    expect(page.get_by_role("heading", name="Enter forecasts: Services to Users")).to_be_visible()

    # A mistyped figure: the page says which line and which field, and saves nothing.
    _type_into(page, "Older People forecast outturn (£)", "115,2OO,000")
    page.get_by_role("button", name="Save Services to Users").press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem: nothing has been saved")
    expect(summary).to_contain_text("Older People: forecast outturn: Enter an amount in pounds")
    assert LineForecast.objects.get(period__number=11, line__code="STU-OP").forecast == 11_499_400_000

    expect(summary).to_contain_text("Staffing and support costs: explain the variance")  # the paper left it out

    # The error summary links to the field; the officer corrects the figure and explains
    # Staffing, which the paper left unexplained. Purchase of Care's
    # variance now moves by £0.206m: its carried explanation must be reviewed, not waved through.
    summary.get_by_role("link", name=re.compile("Older People")).press("Enter")
    expect(page.get_by_label("Older People forecast outturn (£)", exact=True)).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("115,200,000")
    _type_into(page, "Staffing and support costs explanation of variance", "Vacancies held pending review.")
    page.get_by_role("button", name="Confirm all carried-forward explanations").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text(
        "The variance moved by £0.206m since Period 10: review this explanation (Purchase of Care)"
    )
    page.get_by_role("checkbox", name=re.compile("Purchase of Care explanation")).check()
    page.get_by_role("button", name="Confirm all carried-forward explanations").press("Enter")
    expect(page.get_by_text("Services to Users: saved")).to_be_visible()
    assert LineForecast.objects.get(period__number=11, line__code="STU-OP").forecast == 11_520_000_000
    carried = LineForecast.objects.filter(
        period__number=11, line__parent__parent__code="STU", carried_from__isnull=False
    )
    assert not carried.exclude(explanation="").exists()  # every carried text confirmed in one step
    assert GroupExplanation.objects.get(period__number=11, node__code="STU-POC").carried_from is None
    sign_out(page)

    # Before publication the member cannot reach the period at all.
    sign_in(page, base, "member", "member-demo-2017")
    page.goto(f"{base}/periods/2017-18/11/appendix-a/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    sign_out(page)

    # The lead reads the checks, submits, is refused until each check is acknowledged, publishes.
    sign_in(page, base, "lead", "lead-demo-2017")
    page.goto(f"{base}/periods/2017-18/11/")
    expect(page.get_by_role("heading", name=re.compile(r"\d+ checks? left"))).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_role("button", name="Publish to members").click()
    expect(page.get_by_role("alert")).to_contain_text("acknowledge each to publish anyway")
    boxes = page.locator('input[name="acknowledge"]')
    left = boxes.count()
    assert left > 0
    for index in range(left):
        boxes.nth(index).check()
    page.get_by_role("button", name="Publish to members").click()
    expect(page.get_by_text("is now published")).to_be_visible()
    published = PeriodEvent.objects.get(period__number=11, action="publish")
    assert len(published.acknowledged) == left and published.user.username == "lead"
    sign_out(page)

    # Now the member sees the corrected figure.
    sign_in(page, base, "member", "member-demo-2017")
    page.goto(f"{base}/periods/2017-18/11/appendix-a/")
    older_people = page.get_by_role("row", name=re.compile("^Older People"))
    expect(older_people).to_contain_text("115.200")
