"""The member dashboard through the test client: what each persona sees, and never a draft."""

import json
import re
from pathlib import Path

import plotly
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, override_settings

from ascweb.models import Period
from ascweb.money import parse_millions
from ascweb.registry import DashboardPanel, registry
from finance.models import LineForecast, NetExpenditure, ReportingLine
from tests.factories.imports import import_file

P10 = "/periods/2017-18/10/dashboard/"
P2 = "/periods/2017-18/2/dashboard/"
CHARTS = ("chart-headline", "chart-areas", "chart-trajectory", "chart-profile", "chart-monthly")


def test_a_member_lands_on_the_latest_dashboard(member_client):
    response = member_client.get("/")
    assert response.status_code == 302 and response["Location"] == P10


def test_finance_staff_still_land_on_the_latest_summary(officer_client):
    assert officer_client.get("/")["Location"] == "/periods/2017-18/10/"


def test_anonymous_visitors_are_sent_to_sign_in(db):
    response = Client().get(P10)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_p10_dashboard_tells_the_story_of_the_period(member_client):
    response = member_client.get(P10)
    assert response.status_code == 200
    body = response.content.decode()
    data = response.context["data"]
    # the headline, from the lines: 261.403 budget, 258.901 forecast (the paper rounds to 2.500)
    assert data.headline.budget == parse_millions("261.403")
    assert data.headline.variance == parse_millions("(2.502)")
    assert "Forecast underspend of £2.502m, £2.502m better than at Period 2." in body
    # areas sorted by variance, largest overspend first, each linking to its page
    assert [a.code for a in data.areas] == ["MFHR", "CS", "EHP", "BD", "STU"]
    for area in data.areas:
        assert f'href="/periods/2017-18/10/areas/{area.code}/"' in body
    # the trajectory runs through the year's published reports
    assert data.trajectory.periods == [2, 10]
    # every chart has its figure JSON, a caption and a summary; no forecast accuracy yet
    for chart in CHARTS:
        assert f'id="{chart}-data" type="application/json"' in body
        assert f'id="{chart}-caption"' in body and f'id="{chart}-summary"' in body
    assert "chart-accuracy" not in body
    assert "Forecast accuracy appears at the year end: the Period 13 dashboard" in body


def test_the_dashboard_loads_the_partial_plotly_bundle_lazily_and_no_inline_script(member_client):
    body = member_client.get(P10).content.decode()
    # plotly.js is not a script tag of the page: charts.js adds it when a chart comes into view
    assert 'data-plotly="/static/plotly/plotly-basic.min.js" defer></script>' in body
    assert "plotly.min.js" not in body
    for tag in re.findall(r"<script[^>]*>", body):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert finders.find("plotly/plotly-basic.min.js")


def test_the_plotly_bundle_is_the_plotly_js_that_the_python_package_bundles():
    """The pack prints charts with the Python package's plotly.js; the page draws them with the
    npm bundle. Both must be the same release, so a chart looks the same on paper and screen."""
    bundled = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text()[:200]
    served = Path(finders.find("plotly/plotly-basic.min.js")).read_text()[:200]
    version = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", bundled).group(1)
    assert f"plotly.js (basic - minified) v{version}" in served
    package = json.loads((Path(settings.BASE_DIR) / "package.json").read_text())
    assert package["devDependencies"]["plotly.js-basic-dist-min"] == version


def test_net_expenditure_against_profile_at_p10(member_client):
    data = member_client.get(P10).context["data"]
    years = {y.code: y for y in data.net_expenditure}
    assert list(years) == ["2015-16", "2016-17", "2017-18"]
    this_year = years["2017-18"]
    assert this_year.monthly[10:] == [None, None, None]  # periods 11-13 not yet reported
    assert this_year.cumulative[9] == parse_millions("189.043")
    assert this_year.budget == parse_millions("261.403")  # the department's budget at P10
    assert this_year.cumulative[9] < this_year.cumulative_profile[9]  # below profile at P10
    assert years["2016-17"].budget == parse_millions("254.791") - parse_millions("4.399") - 100_000  # lines' rounding
    assert years["2016-17"].total == parse_millions("254.791")


def test_the_illustrative_series_says_so_on_the_page(member_client):
    assert "Illustrative figures" in member_client.get(P10).content.decode()


def test_switching_to_p2_with_the_selector(member_client):
    response = member_client.get("/dashboard/", {"period": "2017-18/2"})
    assert response.status_code == 302 and response["Location"] == P2
    page = member_client.get(P2)
    data = page.context["data"]
    assert data.previous is None and data.trajectory.periods == [2]
    assert "Forecast to outturn on budget." in page.content.decode()
    # at P2 only April and May of 2017-18 are reported
    this_year = data.net_expenditure[-1]
    assert [v is not None for v in this_year.monthly] == [True, True] + [False] * 11


def test_the_selector_offers_only_what_the_user_may_see(member_client, open_period):
    assert member_client.get("/dashboard/")["Location"] == P10
    assert member_client.get("/dashboard/", {"period": "2017-18/11"}).status_code == 404
    assert member_client.get("/dashboard/", {"period": "nonsense"}).status_code == 404
    options = member_client.get(P10).context["periods"]
    assert [p.number for p in options] == [10, 2]


def test_an_unpublished_period_has_no_dashboard_for_a_member(member_client, officer_client, open_period):
    assert member_client.get("/periods/2017-18/11/dashboard/").status_code == 404
    assert officer_client.get("/periods/2017-18/11/dashboard/").status_code == 200


def test_an_officers_unpublished_figures_appear_nowhere_on_the_members_dashboard(
    member_client, officer_client, open_period
):
    older = ReportingLine.objects.get(code="STU-OP")
    LineForecast.objects.filter(period=open_period, line=older).update(forecast=parse_millions("123.456"))
    assert import_file("net-expenditure", 'year,period,area,amount\n2017-18,11,,"77,654,321"\n').ok
    # the draft is there for finance staff at Period 11...
    draft = officer_client.get("/periods/2017-18/11/dashboard/").content.decode()
    assert "77.654" in draft and "Period 11" in draft
    assert officer_client.get("/periods/2017-18/11/areas/STU/").content.decode().count("123.456")
    # ...and nowhere for a member
    for url in ("/", P10, P2, "/dashboard/", "/periods/2017-18/10/areas/STU/"):
        body = member_client.get(url, follow=True).content.decode()
        assert "123.456" not in body and "77.654" not in body and "77,654" not in body, url
        assert "Period 11" not in body, url


def test_later_months_are_not_shown_at_an_earlier_period_even_to_the_lead(lead_client):
    NetExpenditure.objects.create(year_id=Period.objects.get(number=10).year_id, period=11, amount=5)
    data = lead_client.get(P10).context["data"]
    assert data.net_expenditure[-1].monthly[10] is None


@override_settings(
    TEMPLATES=[
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"],
        }
    ]
)
def test_registered_panels_render_in_order_and_only_when_they_have_something(member_client, monkeypatch):
    panels = [
        DashboardPanel("second", "test_panels/panel.html", lambda period, user: {"panel_title": "Second"}, 30),
        DashboardPanel("nothing", "test_panels/panel.html", lambda period, user: None, 10),
        DashboardPanel("first", "test_panels/panel.html", lambda period, user: {"panel_title": "First"}, 20),
    ]
    monkeypatch.setattr(registry, "dashboard_panels", sorted(panels, key=lambda p: p.order))
    body = member_client.get(P10).content.decode()
    assert body.count("Panel for period 10") == 2
    assert body.index(">First<") < body.index(">Second<")


@pytest.mark.parametrize("persona", ["lead_client", "officer_client"])
def test_finance_staff_see_the_dashboard_too(persona, request):
    assert request.getfixturevalue(persona).get(P10).status_code == 200


def test_the_area_page_has_its_own_chart_of_its_lines(member_client):
    response = member_client.get("/periods/2017-18/10/areas/STU/")
    body = response.content.decode()
    chart = response.context["lines_chart"]
    names = [name for name, _variance, _budget in chart["rows"]]
    assert names[0] == "Older People" and names[-1] == "Service User Income"  # largest overspend first
    assert chart["figure"]["data"][0]["y"] == names
    assert 'id="chart-lines-data" type="application/json"' in body
    # Service User Income is budgeted as income (negative): more income than budgeted is an
    # over-recovery, in the table, on the bar's label, in the summary and in the explanation
    assert "(9.864) over-recovery of income" in body
    assert "(9.864) underspend" not in body
    assert "(9.864) over-recovery of income" in chart["figure"]["data"][0]["text"]
    assert "Service User Income forecasts an over-recovery of income of £9.864m." in chart["summary"]
    assert "Service User Income, over-recovery of income of £9.864m" in body
    assert "underspends and over-recovery of income to the left" in body


def test_variance_words_take_an_unsigned_amount_on_every_page(member_client):
    """'underspend of (£0.180m)' said the sign twice; the word alone carries it now."""
    area = member_client.get("/periods/2017-18/10/areas/CS/").content.decode()
    assert "Commissioning Team, underspend of £0.180m" in area
    summary = member_client.get("/periods/2017-18/10/").content.decode()
    assert "(2.502): forecast underspend of £2.502m" in summary
    for body in (area, summary):
        assert "of (£" not in body


def test_a_negative_budget_alone_is_not_income(member_client):
    """Management, Finance & HR is budgeted at (9.642), but it is spending: the paper calls its
    variance an overspend, so only lines marked as income are named over- or under-recovery."""
    body = member_client.get("/periods/2017-18/10/areas/MFHR/").content.decode()
    assert "3.465 overspend" in body
    assert "recovery of income" not in body


def test_the_dashboard_answers_the_four_questions_first_then_lists_its_contents(member_client):
    response = member_client.get(P10)
    body = response.content.decode()
    lines = {line.question: line for line in response.context["glance"]}
    assert list(lines) == [
        "Where will we end the year?",
        "What moved since the last report?",
        "Are the savings being delivered?",
        "What is in reserves?",
    ]
    outturn = lines["Where will we end the year?"]
    assert outturn.answer == (
        "Forecast outturn £258.901m against a budget of £261.403m: an underspend of £2.502m (0.96% of budget)."
    )
    assert outturn.trend == "£2.502m better than at Period 2."
    assert lines["What moved since the last report?"].answer == (
        "5 of 5 expenditure areas moved since Period 2; the most, Services to Users, is £2.545m better."
    )
    assert lines["Are the savings being delivered?"].answer == (
        "£10.339m of the £14.213m savings target is forecast to be delivered; £3.874m is at risk."
    )
    assert lines["What is in reserves?"].answer == (
        "Total Reserves & Provisions: £6.232m at 1 April, forecast £18.663m at 31 March."
    )
    assert lines["What is in reserves?"].trend == "£12.431m added over the year."
    # the glance, then the contents, then the detail; every contents link has its section
    assert body.index('id="glance-heading"') < body.index('id="contents-heading"') < body.index('id="headline"')
    contents = body[body.index('id="contents-heading"') : body.index("</nav>", body.index('id="contents-heading"'))]
    anchors = re.findall(r'href="#([^"]+)"', contents)
    assert anchors == ["headline", "areas", "trajectory", "profile", "savings", "ibcf", "reserves", "bcf-metrics"]
    for anchor in anchors + [line.anchor for line in lines.values()]:
        assert f'id="{anchor}"' in body
    # long detail is folded; the iBCF panel has no cells of "Not reported"
    assert body.count('<details class="govuk-details"') >= 5
    assert "Not reported" not in body
    # every scrolling table is a focusable, labelled region
    for tag in re.findall(r'<div class="app-table-scroll"[^>]*>', body):
        assert 'role="region"' in tag and 'tabindex="0"' in tag and "aria-label" in tag, tag
