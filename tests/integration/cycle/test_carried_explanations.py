"""The revenue entry form with explanations carried forward (issue 15, item 2): a carried
explanation counts as one; the officer confirms it ("Still applies"), every one at once, or
rewrites it; a line whose variance moved by the materiality threshold or more since the period
it came from needs its text reviewed; group explanations are entered in the same form."""

import pytest
from django.forms import BooleanField

from finance.models import GroupExplanation, LineForecast, ReportingLine

URL = "/periods/2030-31/11/areas/A/edit/"


@pytest.fixture
def reporting_year(small_council):
    """The small council (tests/factories/council.py): area A's lines A-1 (overspent by £0.5m)
    and A-2 (income over-recovered by £0.15m) are explained at Period 10; Period 11 carries them."""
    return small_council.year


def _drawn(response, **typed) -> dict[str, str]:
    """The form as drawn (every field as shown, boxes unticked), with `typed` over it: keys
    like "forecast_A-1" or "confirm_A-G" (a line or group by code)."""
    form = response.context["form"]
    shown = {name: form[name].value() for name, field in form.fields.items() if not isinstance(field, BooleanField)}
    data = {name: "" if value is None else str(value) for name, value in shown.items()}
    for key, value in typed.items():
        field, code = key.split("_", 1)
        data[f"{field}_{ReportingLine.objects.get(code=code).id}"] = value
    return data


def _carried() -> dict[str, int | None]:
    rows = LineForecast.objects.filter(period__number=11, line__code__startswith="A-")
    return dict(rows.values_list("line__code", "carried_from__number"))


def test_each_carried_explanation_has_a_still_applies_box_named_for_its_line(officer_client, open_period):
    page = officer_client.get(URL)
    body = page.content.decode()
    line = ReportingLine.objects.get(code="A-1")
    assert f'id="id_confirm_{line.id}" name="confirm_{line.id}" type="checkbox"' in body
    assert 'Still applies<span class="govuk-visually-hidden">: Home care explanation</span>' in body
    assert "Carried forward from Period 10" in body
    assert "Demand for home care is above plan." in body  # in its field: no retyping
    assert 'name="confirm_all"' in body and "Confirm all carried-forward explanations" in body
    assert page.context["form"].fields.keys() >= {f"confirm_{line.id}"}


def test_a_carried_explanation_counts_and_stays_carried_until_confirmed(officer_client, open_period):
    page = officer_client.get(URL)
    response = officer_client.post(URL, _drawn(page))
    assert response.status_code == 302  # material variances, explained by the carried text
    assert _carried() == {"A-1": 10, "A-2": 10}  # saved, but nobody said they still apply


def test_still_applies_confirms_that_line_only(officer_client, open_period):
    page = officer_client.get(URL)
    assert officer_client.post(URL, _drawn(page, **{"confirm_A-1": "on"})).status_code == 302
    assert _carried() == {"A-1": None, "A-2": 10}
    older = LineForecast.objects.get(period=open_period, line__code="A-1")
    assert (older.explanation, older.version, older.updated_by.username) == (
        "Demand for home care is above plan.",
        2,
        "officer",
    )


def test_confirm_all_confirms_every_carried_explanation_in_one_step(officer_client, open_period):
    page = officer_client.get(URL)
    response = officer_client.post(URL, {**_drawn(page), "confirm_all": "on"})
    assert response.status_code == 302
    assert _carried() == {"A-1": None, "A-2": None}


def test_rewriting_a_carried_explanation_confirms_it(officer_client, open_period):
    page = officer_client.get(URL)
    assert officer_client.post(URL, _drawn(page, **{"explanation_A-2": "Charging reviewed."})).status_code == 302
    assert _carried() == {"A-1": 10, "A-2": None}
    assert LineForecast.objects.get(period=open_period, line__code="A-2").explanation == "Charging reviewed."


def test_a_small_change_of_figures_confirms_the_line(officer_client, open_period):
    page = officer_client.get(URL)
    assert officer_client.post(URL, _drawn(page, **{"forecast_A-1": "10,550,000"})).status_code == 302
    assert _carried() == {"A-1": None, "A-2": 10}  # moved by £50,000: under the threshold


@pytest.mark.parametrize("confirm_all", [False, True])
def test_a_variance_that_moved_by_the_threshold_needs_its_text_reviewed(officer_client, open_period, confirm_all):
    before = list(LineForecast.objects.filter(period=open_period).values_list("forecast", "explanation", "version"))
    page = officer_client.get(URL)
    data = _drawn(page, **{"forecast_A-1": "10,623,000"}) | ({"confirm_all": "on"} if confirm_all else {})
    response = officer_client.post(URL, data)
    assert response.status_code == 400
    line = ReportingLine.objects.get(code="A-1")
    assert response.context["form"].errors[f"explanation_{line.id}"] == [
        "The variance moved by £0.123m since Period 10: review this explanation (Home care)"
    ]
    assert "There is a problem: nothing has been saved" in response.content.decode()
    after = list(LineForecast.objects.filter(period=open_period).values_list("forecast", "explanation", "version"))
    assert after == before

    ticked = officer_client.post(URL, data | {f"confirm_{line.id}": "on"})
    assert ticked.status_code == 302
    older = LineForecast.objects.get(period=open_period, line=line)
    assert (older.forecast, older.carried_from) == (1_062_300_000, None)


def test_a_moved_variance_is_accepted_with_its_text_rewritten(officer_client, open_period):
    page = officer_client.get(URL)
    data = _drawn(page, **{"forecast_A-1": "9,000,000", "explanation_A-1": "Home care hours cut back."})
    assert officer_client.post(URL, data).status_code == 302
    assert _carried() == {"A-1": None, "A-2": 10}


def test_a_group_explanation_is_entered_in_the_form_and_explains_its_lines(officer_client, open_period):
    page = officer_client.get(URL)
    group = ReportingLine.objects.get(code="A-G")
    assert f'name="group_{group.id}"' in page.content.decode()  # its variance of £0.35m is material
    data = _drawn(page, **{"group_A-G": "Purchase of care is over plan.", "explanation_A-1": ""})
    data[f"explanation_{ReportingLine.objects.get(code='A-2').id}"] = ""
    response = officer_client.post(URL, data)
    assert response.status_code == 302  # the lines are explained by their group
    saved = GroupExplanation.objects.get(period=open_period, node=group)
    assert (saved.text, saved.version, saved.updated_by.username, saved.carried_from) == (
        "Purchase of care is over plan.",
        1,
        "officer",
        None,
    )
    assert LineForecast.objects.get(period=open_period, line__code="A-1").explanation == ""


def test_without_a_group_explanation_a_material_line_still_needs_its_own(officer_client, open_period):
    page = officer_client.get(URL)
    response = officer_client.post(URL, _drawn(page, **{"explanation_A-1": ""}))
    assert response.status_code == 400
    line = ReportingLine.objects.get(code="A-1")
    assert response.context["form"].errors[f"explanation_{line.id}"][0].startswith("Home care: explain the variance")


@pytest.fixture
def carried_group(small_council):
    """Period 10 explains area A's group as a whole; Period 11 carries it."""
    from ascweb.lifecycle import period_create_next

    GroupExplanation.objects.create(node=small_council.lines["A-1"].parent, period=small_council.p10, text="Care.")
    return period_create_next(user=small_council.lead, year=small_council.year, number=11)


def test_a_carried_group_explanation_is_confirmed_rewritten_or_left(officer_client, carried_group):
    group = ReportingLine.objects.get(code="A-G")
    page = officer_client.get(URL)
    assert f'Still applies<span class="govuk-visually-hidden">: {group.name} explanation' in page.content.decode()
    assert officer_client.post(URL, _drawn(page)).status_code == 302
    assert GroupExplanation.objects.get(period=carried_group).carried_from.number == 10  # left as carried

    page = officer_client.get(URL)
    assert officer_client.post(URL, _drawn(page, **{"confirm_A-G": "on"})).status_code == 302
    confirmed = GroupExplanation.objects.get(period=carried_group)
    assert (confirmed.text, confirmed.carried_from, confirmed.version) == ("Care.", None, 2)


def test_a_group_explanation_drawn_before_someone_elses_save_is_refused(officer_client, lead_client, carried_group):
    mine = officer_client.get(URL)
    theirs = lead_client.get(URL)
    assert lead_client.post(URL, _drawn(theirs, **{"group_A-G": "The lead's words."})).status_code == 302
    clash = officer_client.post(URL, _drawn(mine, **{"group_A-G": "My words."}))
    assert clash.status_code == 409
    assert "Someone else changed these figures while you were editing" in clash.content.decode()
    assert GroupExplanation.objects.get(period=carried_group).text == "The lead's words."
