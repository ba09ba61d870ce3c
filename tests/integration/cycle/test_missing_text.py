"""A published period never prints a blank where an explanation, a recovery action or
progress belongs (issue 15): it says "No explanation given", "No recovery action given",
"No progress reported", on the pages members read and in the exports."""

import csv
import io

import pytest
from django.core.management import call_command

from finance.models import LineForecast
from ibcf.models import SchemeUpdate
from savings.models import SavingForecast

P10 = "/periods/2030-31/10"


@pytest.fixture
def reporting_year(small_council):
    """The small council, its published Period 10 left without some of its text."""
    p10 = small_council.p10
    LineForecast.objects.filter(period=p10, line__code="A-1").update(explanation="")  # overspent by £0.5m
    SavingForecast.objects.filter(period=p10, status="off").update(explanation="", recovery_action="")
    SchemeUpdate.objects.filter(period=p10).update(activity_progress="")
    return small_council.year


def _export(table: str, number: int) -> list[dict[str, str]]:
    out = io.StringIO()
    call_command("export_table", year="2030-31", period=number, table=table, stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_appendix_b_says_a_material_variance_was_not_explained(member_client):
    page = member_client.get(f"{P10}/areas/A/")
    explanations = {e.label: e.text for e in page.context["explanations"]}
    assert explanations == {
        "Home care": "No explanation given",
        "Service user income": "More people pay towards their care.",
    }
    assert "No explanation given" in page.content.decode()


def test_appendix_b_leaves_an_immaterial_variance_out(member_client):
    # B-1 is £0.05m under budget: nothing to explain, nothing printed
    assert member_client.get(f"{P10}/areas/B/").context["explanations"] == []


def test_an_open_period_shows_what_is_missing_to_finance_staff_not_as_given(lead_client, open_period):
    LineForecast.objects.filter(period=open_period, line__code="A-1").update(explanation="")
    page = lead_client.get("/periods/2030-31/11/areas/A/")
    assert "Home care" not in {e.label for e in page.context["explanations"]}


def test_the_savings_page_says_no_explanation_or_recovery_action_was_given(member_client):
    body = member_client.get(f"{P10}/savings/").content.decode()
    assert "No explanation given" in body and "No recovery action given" in body


def test_appendix_c_says_no_progress_was_reported_on_the_page_and_in_the_csv(member_client):
    assert "No progress reported" in member_client.get(f"{P10}/ibcf/").content.decode()
    schemes = [row for row in _export("ibcf", 10) if row["code"]]
    assert schemes and {row["activity_and_progress"] for row in schemes} == {"No progress reported"}
