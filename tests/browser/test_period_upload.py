"""A lead imports a period through the upload page (with the progress script running)."""

import pytest
from playwright.sync_api import expect

from ascweb.models import Period
from finance.models import LineForecast
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

HEADER = "line_code,line_name,area,budget,forecast_outturn,explanation\n"


def test_lead_sees_every_problem_then_imports_a_clean_file(page, live_demo, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "NOPE,,,1,1,\nSTU-OP,,,1,lots,\n")
    good = tmp_path / "good.csv"
    good.write_text(HEADER + 'STU-OP,,,"111,098,000","(1,234.56)",Refund of a prior-year overpayment\n')

    sign_in(page, live_demo, "lead", "lead-demo-2017")
    page.goto(f"{live_demo}/imports/period/")
    page.get_by_label("Financial year").fill("2017-18")
    page.get_by_label("Period", exact=True).fill("12")
    page.get_by_label("CSV or Excel file").set_input_files(str(bad))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("alert")).to_contain_text("2 problems in the file: nothing has been saved")
    problems = page.get_by_role("table", name="Problems in the file")
    expect(problems).to_contain_text("Unknown line code 'NOPE'")
    expect(problems).to_contain_text("Older People: Enter an amount")
    assert not Period.objects.filter(number=12).exists()

    page.get_by_label("Financial year").fill("2017-18")
    page.get_by_label("Period", exact=True).fill("12")
    page.get_by_label("CSV or Excel file").set_input_files(str(good))
    page.get_by_role("button", name="Check and import").click()
    # Period 12, created by the file, started from Period 11's figures (carried forward): one changed
    expect(page.get_by_text("Imported good.csv: 1 changed, 0 added")).to_be_visible()
    assert page.url.endswith("/periods/2017-18/12/")
    assert LineForecast.objects.get(period__number=12, line__code="STU-OP").forecast == -123456
