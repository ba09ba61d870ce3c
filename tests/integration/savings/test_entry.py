"""Updating savings forecasts through the form: exact amounts, errors naming the saving, all or
nothing, off target only with an explanation and recovery action, stale saves refused."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from savings import selectors, services
from savings.forms import WorkstreamSavingsForm
from savings.models import Saving, SavingForecast, Workstream

URL = "/periods/2017-18/11/savings/workstreams/COM/edit/"


def _form_data(period, code="COM") -> dict[str, str]:
    """What the form holds when opened (P10 carried forward, versions 0), with any text the
    paper left out filled in."""
    form = WorkstreamSavingsForm(rows=selectors.entry_rows(period, Workstream.objects.get(code=code)))
    data = {name: str(form[name].initial) for name in form.fields}
    for name, value in data.items():
        if name.startswith(("explanation_", "recovery_")) and not value:
            data[name] = "carried forward"
    return data


def _id(code: str) -> int:
    return Saving.objects.get(code=code).id


def test_the_form_starts_from_the_last_published_forecasts(open_period, officer_client):
    response = officer_client.get(URL)
    assert response.status_code == 200
    assert 'value="-266,000"' in response.content.decode()  # ASC013 at Period 10


def test_the_form_carries_forward_last_periods_status_and_text(open_period, officer_client):
    form = officer_client.get(URL).context["form"]
    asc013 = _id("ASC013")
    assert form[f"status_{asc013}"].initial == "off"
    assert form[f"recovery_{asc013}"].initial.startswith("The service is working closely with Independence Matters")


def test_an_officer_saves_the_whole_workstream(open_period, officer_client):
    data = _form_data(open_period)
    data[f"forecast_{_id('ASC013')}"] = "-300,000.50"
    response = officer_client.post(URL, data)
    assert response.status_code == 302
    saved = SavingForecast.objects.get(saving__code="ASC013", period=open_period)
    assert saved.forecast == -30_000_050  # exact pence
    assert saved.status == "off" and saved.version == 2 and saved.carried_from is None  # 1: carried forward
    assert saved.updated_by.username == "officer"
    assert saved.history.first().history_user.username == "officer"
    # the workstream's 5 savings are confirmed; the other 13 are still as carried forward
    assert SavingForecast.objects.filter(period=open_period, carried_from=None).count() == 5


def test_off_target_needs_an_explanation_and_a_recovery_action(open_period, officer_client):
    data = _form_data(open_period)
    asc020 = _id("ASC020")
    data |= {f"status_{asc020}": "off", f"explanation_{asc020}": " ", f"recovery_{asc020}": ""}
    response = officer_client.post(URL, data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "ASC020 Remodel contracts" in errors[f"explanation_{asc020}"][0]
    assert "recovery action" in errors[f"recovery_{asc020}"][0]
    assert not SavingForecast.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward  # nothing half-saved
    data |= {f"explanation_{asc020}": "Contract delayed", f"recovery_{asc020}": "Retender in April"}
    assert officer_client.post(URL, data).status_code == 302
    saved = SavingForecast.objects.get(saving_id=asc020, period=open_period)
    assert (saved.status, saved.explanation, saved.recovery_action) == ("off", "Contract delayed", "Retender in April")


def test_a_shortfall_cannot_be_called_on_target(open_period, officer_client):
    data = _form_data(open_period)
    asc020 = _id("ASC020")
    data[f"forecast_{asc020}"] = "-100,000"  # target -125,000
    response = officer_client.post(URL, data)
    assert response.status_code == 400
    message = response.context["form"].errors[f"status_{asc020}"][0]
    assert message.startswith("ASC020 ") and "25,000 short" in message and "mark it off target" in message


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("forecast", "", "enter the forecast saving"),
        ("forecast", "lots", "forecast saving"),
        ("forecast", "-1.234", "forecast saving"),
        ("forecast", "9" * 40, "too long to be an amount"),
        ("forecast", "250000", "negative amount"),
        ("status", "", "choose on target or off target"),
        ("status", "maybe", "choose on target or off target"),
        ("rag", "purple", "choose a RAG grade"),
        ("explanation", "x" * 4001, "under 4000 characters"),
        ("recovery", "x" * 4001, "under 4000 characters"),
        ("version", "", "out of date"),
        ("version", "-1", "out of date"),
        ("version", "abc", "out of date"),
    ],
)
def test_bad_input_on_every_field_names_the_saving_and_saves_nothing(
    open_period, officer_client, field, value, message
):
    data = _form_data(open_period)
    asc009 = _id("ASC009")
    data[f"{field}_{asc009}"] = value
    response = officer_client.post(URL, data)
    assert response.status_code == 400
    errors = response.context["form"].errors[f"{field}_{asc009}"]
    assert any(e.startswith("ASC009 ") and message in e for e in errors), errors
    assert f'href="#id_{field}_{asc009}' in response.content.decode()  # the error summary links to it
    assert not SavingForecast.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward


def test_a_stale_save_is_refused_and_nothing_is_saved(open_period, officer_client, other_officer_client):
    seen = _form_data(open_period)
    first = dict(seen)
    first[f"forecast_{_id('ASC020')}"] = "-120,000"
    first[f"status_{_id('ASC020')}"] = "off"
    assert other_officer_client.post(URL, first).status_code == 302
    mine = dict(seen)
    mine[f"forecast_{_id('ASC009')}"] = "-200,000"
    mine[f"status_{_id('ASC009')}"] = "off"
    response = officer_client.post(URL, mine)
    assert response.status_code == 409
    assert "officer2" in response.content.decode()
    assert SavingForecast.objects.get(saving__code="ASC009", period=open_period).forecast == -25_000_000
    # the form is now based on the latest versions: saving again is deliberate, and works
    rebased = {k: v.value() for k, v in response.context["form"].rows()[0][1].items()}
    assert rebased  # the typed values are kept
    again = officer_client.post(URL, {**mine, **_versions(open_period)})
    assert again.status_code == 302
    assert SavingForecast.objects.get(saving__code="ASC009", period=open_period).forecast == -20_000_000


def _versions(period) -> dict[str, str]:
    return {
        f"version_{row.id}": str(row.version)
        for row in selectors.entry_rows(period, Workstream.objects.get(code="COM"))
    }


def test_the_service_checks_the_rules_itself(open_period):
    officer = User.objects.get(username="officer")
    member = User.objects.get(username="member")
    workstream = Workstream.objects.get(code="COM")
    entry = services.SavingEntry(_id("ASC020"), -12_500_000, "off", "", "", "", version=0)
    with pytest.raises(ValidationError):
        services.savings_forecast_update(user=officer, period=open_period, workstream=workstream, entries=[entry])
    with pytest.raises(PermissionDenied):
        services.savings_forecast_update(user=member, period=open_period, workstream=workstream, entries=[])
    elsewhere = services.SavingEntry(_id("ASC007"), -150_000_000, "on", "", "", "", version=0)  # Early Help
    with pytest.raises(PermissionDenied):
        services.savings_forecast_update(user=officer, period=open_period, workstream=workstream, entries=[elsewhere])


def test_members_never_see_draft_savings_figures(open_period, officer_client, member_client):
    data = _form_data(open_period)
    asc013 = _id("ASC013")
    data[f"forecast_{asc013}"] = "-987,654"
    assert officer_client.post(URL, data).status_code == 302
    assert "(0.988)" in officer_client.get("/periods/2017-18/11/savings/projects/").content.decode()
    for url in ("/periods/2017-18/11/savings/", "/periods/2017-18/11/savings/projects/"):
        assert member_client.get(url).status_code == 404
    for url in ("/periods/2017-18/10/savings/", "/periods/2017-18/10/savings/projects/"):
        page = member_client.get(url).content.decode()
        assert "(0.988)" not in page and "987,654" not in page
    from django.contrib.auth.models import User as U

    from savings.dashboard import panel_context

    assert panel_context(open_period, U.objects.get(username="member")) is None
    assert panel_context(open_period, U.objects.get(username="officer")) is not None


def test_a_new_period_starts_from_the_last_published_forecasts(open_period, officer_client):
    data = selectors.period_savings(open_period)
    assert data.not_updated == len(data.rows) == 18
    totals = data.total()
    assert (totals.forecast, totals.at_risk) == (-1_033_900_000, 387_400_000)  # Period 10's
    page = officer_client.get("/periods/2017-18/11/savings/").content.decode()
    assert "18 savings not yet updated this period" in page and "Period 10 (January) 2017-18 stand." in page
