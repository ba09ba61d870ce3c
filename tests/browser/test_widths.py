"""Every member page at 320, 390, 768 and 1280 px: nothing wider than the screen outside a
scrolling region, no text outside its box, no chart label over another (tests/browser/layout.py),
with every folded section open and every chart drawn. And the dashboard answers its four
questions before anything else, on a phone as on a desk."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.browser.layout import draw_everything, layout_problems

pytestmark = pytest.mark.browser

P10 = "/periods/2017-18/10"
MEMBER_PAGES = [
    "/periods/",
    f"{P10}/dashboard/",
    f"{P10}/",
    f"{P10}/appendix-a/",
    *(f"{P10}/areas/{code}/" for code in ("MFHR", "CS", "EHP", "BD", "STU")),
    f"{P10}/savings/",
    f"{P10}/savings/programme/",
    f"{P10}/savings/projects/",
    f"{P10}/ibcf/",
    f"{P10}/reserves/",
    f"{P10}/capital/",
    f"{P10}/pack/",
    "/accessibility/",
]


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
def test_member_pages_fit_the_screen(browser, live_demo_p10, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        sign_in(page, live_demo_p10, "member", "member-demo-2017")
        found = {}
        for url in MEMBER_PAGES:
            response = page.goto(f"{live_demo_p10}{url}")
            assert response.status == 200, url
            draw_everything(page)
            problems = layout_problems(page)
            if problems:
                found[url] = problems
        assert found == {}
    finally:
        context.close()


def test_the_glance_comes_first_and_wide_tables_say_they_scroll(browser, live_demo_p10):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        sign_in(page, live_demo_p10, "member", "member-demo-2017")
        page.goto(f"{live_demo_p10}{P10}/dashboard/")
        questions = page.locator(".app-glance__question").all_inner_texts()
        assert questions == [
            "Where will we end the year?",
            "What moved since the last report?",
            "Are the savings being delivered?",
            "What is in reserves?",
        ]
        # the first answer is on the first screen of a phone
        assert page.locator(".app-glance__answer").first.bounding_box()["y"] < 800
        page.get_by_role("link", name="Savings delivered and at risk").click()
        expect(page.locator("#savings")).to_be_in_viewport()
        # the areas table is wider than a phone: it says so, and its row labels stay put
        region = page.get_by_role("region", name="Variance by expenditure area at Period 10, £m")
        expect(region.locator("xpath=preceding-sibling::p[1]")).to_have_text("Scroll sideways for more columns →")
        assert region.get_by_role("columnheader").all_inner_texts()[:2] == ["Expenditure area", "Variance"]
        label = region.get_by_role("rowheader").first
        before = label.bounding_box()["x"]
        region.evaluate("(el) => { el.scrollLeft = 200; }")
        assert label.bounding_box()["x"] == before
        # Table 2.1: the area first, this year's variance before last year's figures
        page.goto(f"{live_demo_p10}{P10}/")
        headers = page.locator("table thead th").all_inner_texts()
        assert headers[0] == "Expenditure Area"
        assert headers.index("Variance @ P10 £m") < headers.index("Actual 2016/17 £m")
    finally:
        context.close()
