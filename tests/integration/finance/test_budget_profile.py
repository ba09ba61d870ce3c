"""The lead chooses how each year's budget is profiled; explicit profiles are stored exactly."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ascweb.lifecycle import period_transition
from ascweb.models import Period
from finance.models import BudgetProfile

URL = "/net-expenditure/profiles/2017-18/"


def _explicit(first: str = "8", last: str = "12") -> dict:
    data = {"method": "explicit", **{f"period_{n}": first for n in range(1, 13)}}
    data["period_13"] = last
    return data


def test_the_lead_picks_an_explicit_profile_in_percentages_stored_as_basis_points(lead_client):
    assert lead_client.get(URL).status_code == 200
    data = _explicit("7.33", "12.04")  # 12 x 7.33 + 12.04 = 100.00
    response = lead_client.post(URL, data)
    assert response.status_code == 302
    profile = BudgetProfile.objects.get(year__code="2017-18")
    assert profile.method == "explicit"
    assert profile.weights == [733] * 12 + [1204]
    # published Period 10 keeps the profile it was published with (the page says so) ...
    page = lead_client.get(URL).content.decode()
    assert "Published periods keep the profile they were published with: Period 2, Period 10" in page
    dashboard = "/periods/2017-18/10/dashboard/"
    assert lead_client.get(dashboard).context["data"].net_expenditure[-1].method == "Last year's actual pattern"
    # ... until it is re-opened: then the dashboard uses the new one
    lead = User.objects.get(username="lead")
    period_transition(user=lead, period=Period.objects.get(number=10), action="reopen", reason="New profile")
    this_year = lead_client.get(dashboard).context["data"].net_expenditure[-1]
    assert this_year.method == "Explicit profile"
    assert this_year.profile[12] * 10_000 // this_year.budget in (1203, 1204)


def test_weights_that_do_not_add_up_name_the_problem_and_change_nothing(lead_client):
    response = lead_client.post(URL, _explicit("8", "5"))
    assert response.status_code == 400
    assert "The periods add up to 101.00%, not 100%" in response.content.decode()
    assert BudgetProfile.objects.get(year__code="2017-18").method == "last_year"


def test_a_bad_percentage_names_its_period(lead_client):
    data = _explicit()
    data["period_4"] = "eight"
    body = lead_client.post(URL, data).content.decode()
    assert "Period 4: enter a percentage like 8.33, up to 2 decimals" in body
    assert '<a href="#id_period_4">' in body


def test_choosing_twelfths_clears_explicit_weights(lead_client):
    lead_client.post(URL, _explicit())
    assert lead_client.post(URL, {"method": "twelfths"}).status_code == 302
    profile = BudgetProfile.objects.get(year__code="2017-18")
    assert (profile.method, profile.weights) == ("twelfths", [])


@pytest.mark.parametrize("persona", ["member_client", "officer_client"])
def test_only_a_lead_may_choose(persona, request):
    client = request.getfixturevalue(persona)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"method": "twelfths"}).status_code == 403
    assert BudgetProfile.objects.get(year__code="2017-18").method == "last_year"


def test_anonymous_is_sent_to_sign_in_and_an_unknown_year_is_a_404(lead_client):
    assert Client().get(URL).status_code == 302
    assert lead_client.get("/net-expenditure/profiles/1999-00/").status_code == 404
