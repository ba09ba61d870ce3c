"""A member reads the dashboard: charts drawn by plotly.js, another period from the selector,
an expenditure area by keyboard, and axe-core finds nothing on either page."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def _all_drawn(page, at_least: int) -> None:
    """Every chart on the page drawn: the page's own, and those of the apps' panels."""
    page.wait_for_load_state()
    count = page.locator("[data-chart]").count()
    assert count >= at_least
    _charts_drawn(page, count)


def _charts_drawn(page, count: int) -> None:
    # charts.js loads plotly.js and draws a chart when it comes into view: scroll to each
    for plot in page.locator("[data-chart]").all():
        plot.scroll_into_view_if_needed()
        expect(plot.locator("svg.main-svg").first).to_be_attached()  # plotly drew SVG
    # a locator count, not wait_for_function: the page's CSP (rightly) forbids eval'd predicates
    expect(page.locator(".app-chart__plot--drawn")).to_have_count(count)


def _axe_violations(axe_page, url: str) -> list:
    """axe in its own context: the app's CSP (kept on in `page`) would refuse the injected script."""
    axe_page.goto(url)
    _all_drawn(axe_page, at_least=1)
    return violations(axe_page)


def test_member_reads_the_dashboard_switches_period_and_drills_into_an_area(page, axe_page, live_demo):
    base = live_demo
    sign_in(page, base, "member", "member-demo-2017")
    sign_in(axe_page, base, "member", "member-demo-2017")

    # Signing in lands on the latest published period's dashboard, with its five charts.
    expect(page.get_by_role("heading", name="Dashboard: Period 10 (January) 2017-18")).to_be_visible()
    _all_drawn(page, at_least=5)
    expect(page.get_by_text("Forecast underspend of £2.502m, £2.502m better than at Period 2.").first).to_be_visible()
    areas_table = page.get_by_role("table", name="Variance by expenditure area at Period 10, £m")
    expect(areas_table.get_by_role("row", name="Services to Users")).to_contain_text("(5.586) underspend")
    assert _axe_violations(axe_page, page.url) == []

    # The selector offers published periods only, and shows Period 2.
    picker = page.get_by_label("Show another period")
    assert picker.locator("option").all_inner_texts() == ["Period 10 (January) 2017-18", "Period 2 (May) 2017-18"]
    picker.select_option(label="Period 2 (May) 2017-18")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="Dashboard: Period 2 (May) 2017-18")).to_be_visible()
    _all_drawn(page, at_least=5)

    # Back to Period 10, then into Services to Users with the keyboard.
    page.goto(f"{base}/periods/2017-18/10/dashboard/")
    _all_drawn(page, at_least=5)
    link = page.get_by_role("table", name="Variance by expenditure area at Period 10, £m").get_by_role(
        "link", name="Services to Users"
    )
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Services to Users", exact=True)).to_be_visible()
    _charts_drawn(page, 1)
    expect(page.get_by_role("table", name="Variance by line at Period 10, £m")).to_contain_text("Older People")
    assert _axe_violations(axe_page, page.url) == []


def test_a_bar_of_the_area_chart_opens_the_area(page, live_demo):
    sign_in(page, live_demo, "member", "member-demo-2017")
    _all_drawn(page, at_least=5)
    bar = page.locator("#chart-areas-plot .point path").last  # sorted: Services to Users is last
    with page.expect_navigation():
        bar.click(force=True)  # plotly's event layer lies over the bars and passes the click on
    assert page.url.endswith("/periods/2017-18/10/areas/STU/")
