"""Starting a period carries every app's figures forward (issue 15): revenue lines with their
explanations, group explanations, savings forecasts and mitigations, iBCF progress, reserves
and capital positions; each carried row is marked carried from the previous period until an
officer confirms or changes it. A new period's pages and pack show every section."""

import pytest
from django.core.management import call_command

from ascweb import pack
from ascweb.models import Period
from finance.models import GroupExplanation, LineForecast
from ibcf.models import SchemeUpdate
from reserves.models import CapitalPosition, ReservePosition
from savings.models import Mitigation, SavingForecast

pytestmark = pytest.mark.django_db
CARRIED = {
    LineForecast: ("line_id", "budget", "forecast", "explanation"),
    GroupExplanation: ("node_id", "text"),
    SavingForecast: ("saving_id", "forecast", "status", "rag", "explanation", "recovery_action"),
    Mitigation: ("name", "target", "forecast", "one_off", "explanation", "order"),
    SchemeUpdate: ("scheme_id", "spend_to_date", "forecast", "activity_progress"),
    ReservePosition: ("reserve_id", "balance_1_april", "proposed_usage", "description"),
    CapitalPosition: ("scheme_id", "current_budget", "forecast_outturn", "next_year_draft"),
}


@pytest.fixture
def reporting_year(small_council):
    p10 = small_council.p10
    GroupExplanation.objects.create(node=small_council.lines["A-1"].parent, period=p10, text="Purchase of care.")
    mitigation = Mitigation.objects.create(period=p10, name="Transport", forecast=5_000_000, explanation="Fewer trips.")
    mitigation.related_savings.set(SavingForecast.objects.filter(period=p10).values_list("saving_id", flat=True))
    return small_council.year


def _rows(model, number: int) -> list[tuple]:
    return sorted(model.objects.filter(period__number=number).values_list(*CARRIED[model]))


def _assert_carried(period: Period) -> None:
    for model in CARRIED:
        assert _rows(model, 11) == _rows(model, 10) != [], model.__name__
        if model is not Mitigation:  # not Versioned: never confirmed, a copy for the period
            marks = set(model.objects.filter(period=period).values_list("carried_from__number", flat=True))
            assert marks == {10}, model.__name__
    copy = Mitigation.objects.get(period=period)
    assert set(copy.related_savings.all()) == set(Mitigation.objects.get(period__number=10).related_savings.all())
    history = SavingForecast.history.filter(period=period).values_list(
        "history_change_reason", "history_user__username"
    )
    assert set(history) == {("Carried forward from Period 10", "lead")}


def test_the_lead_starting_a_period_on_the_page_carries_every_app_forward(lead_client):
    response = lead_client.post("/periods/new/", {"number": "11"})
    assert response.status_code == 302
    _assert_carried(Period.objects.get(number=11))


def test_the_period_command_carries_every_app_forward(reporting_year):
    call_command("period", "start", year="2030-31", period=11, user="lead")
    _assert_carried(Period.objects.get(number=11))


def test_a_new_periods_pages_and_pack_show_every_section(lead_client):
    lead_client.post("/periods/new/", {"number": "11"})
    period = Period.objects.get(number=11)
    names = {part.name for part in pack.assemble(period, draw_charts=False).parts}
    assert {"reserves", "capital", "savings-summary", "ibcf"} <= names
    for page, shown in (
        ("reserves/", "Doubtful debts"),
        ("capital/", "Care home refurbishment"),
        ("savings/", "The new contract starts late."),
        ("ibcf/", "Recruitment is complete."),
    ):
        body = lead_client.get(f"/periods/2030-31/11/{page}").content.decode()
        assert shown in body, page
        assert "Nothing to show" not in body, page


def test_an_import_that_sets_a_carried_row_confirms_it(open_period, tmp_path):
    assert ReservePosition.objects.filter(period=open_period, carried_from__isnull=False).count() == 2
    path = tmp_path / "reserves.csv"
    path.write_text("code,balance_1_april,proposed_usage,description\nR-DEBT,300000,-50000,\n")
    call_command("import_period", str(path), kind="reserves", year="2030-31", period=11)
    carried = ReservePosition.objects.filter(period=open_period, carried_from__isnull=False)
    assert [p.reserve.code for p in carried] == ["R-IBCF"]
    confirmed = ReservePosition.objects.get(period=open_period, reserve__code="R-DEBT")
    assert (
        confirmed.version == 2 and confirmed.carried_from is None
    )  # the figures repeat Period 10's: confirmed all the same
