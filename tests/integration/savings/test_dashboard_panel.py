"""The dashboard panel: its context, and its template rendered with render_to_string."""

import json

from django.contrib.auth.models import AnonymousUser, User
from django.template.loader import render_to_string

from ascweb.models import FinancialYear, Period
from ascweb.registry import registry
from savings.dashboard import panel_context


def test_the_panel_is_registered():
    panel = next(p for p in registry.dashboard_panels if p.name == "savings")
    assert panel.template == "savings/dashboard_panel.html"


def test_the_context_splits_delivered_and_at_risk_by_workstream(demo):
    p10 = Period.objects.get(year=demo, number=10)
    context = panel_context(p10, User.objects.get(username="member"))
    delivery = context["delivery"]
    by_name = {w.name: (w.delivered, w.at_risk) for w in delivery.workstreams}
    assert by_name["Older and Younger Adults workstreams"] == (254_600_000, 239_900_000)
    assert by_name["Early Help and Prevention workstream"] == (150_000_000, 0)
    assert delivery.total.at_risk == 387_400_000
    # Period 10 is compared with Period 7, as its paper is; of Period 7 only revenue variances
    # were printed, so savings move from the last period that holds savings, Period 2
    assert p10.compared_with.number == 7
    assert delivery.at_risk_movement == 387_400_000  # Period 2 expected everything
    assert "risen by £3.874m since Period 2 (May) 2017-18" in context["movement"]


def test_the_template_carries_the_figure_as_json_the_table_and_the_summary(demo):
    p10 = Period.objects.get(year=demo, number=10)
    html = render_to_string("savings/dashboard_panel.html", panel_context(p10, User.objects.get(username="member")))
    start = html.index('<script id="savings-delivery-data" type="application/json">') + len(
        '<script id="savings-delivery-data" type="application/json">'
    )
    figure = json.loads(html[start : html.index("</script>", start)])
    assert [trace["name"] for trace in figure["data"]] == ["Delivered", "At risk"]
    assert figure["data"][1]["x"][1] == "2.399"  # £m as exact decimal strings, never floats
    assert 'data-chart="savings-delivery-data"' in html
    assert "<caption" in html and '<th scope="row" class="govuk-table__header">Total</th>' in html
    assert "£3.874m is at risk" in html
    assert "<script>" not in html  # no inline script: CSP


def test_no_panel_for_a_period_without_savings_or_a_user_who_may_not_see_it(demo):
    lead = User.objects.get(username="lead")
    p10 = Period.objects.get(year=demo, number=10)
    assert panel_context(p10, AnonymousUser()) is None
    empty_year = FinancialYear.objects.create(code="2030-31", start_year=2030)
    assert panel_context(Period.objects.create(year=empty_year, number=1), lead) is None
    draft = Period.objects.create(year=demo, number=12, status=Period.Status.OPEN)
    assert panel_context(draft, User.objects.get(username="member")) is None
    assert panel_context(draft, lead) is not None  # targets stand until forecasts are entered
