"""Officers enter forecasts through the area form: exact, validated, all or nothing, locked."""

import pytest
from django.contrib.auth.models import User

from ascweb.lifecycle import period_transition
from ascweb.models import Period
from finance.models import LineForecast, ReportingLine

URL = "/periods/2017-18/11/areas/STU/edit/"


def _lines():
    return list(ReportingLine.objects.filter(code__startswith="STU-", kind="line").order_by("order"))


def _form_data(overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The form as Period 11 starts: Period 10's figures, with explanations where they are needed."""
    data = {}
    for line in _lines():
        current = LineForecast.objects.get(period__number=11, line=line)
        data[f"budget_{line.id}"] = f"{current.budget // 100:,}"
        data[f"forecast_{line.id}"] = f"{current.forecast // 100:,}"
        data[f"explanation_{line.id}"] = "Reviewed this period."
        data[f"version_{line.id}"] = str(current.version)  # as the page was opened
    for code_field, value in (overrides or {}).items():
        code, field = code_field.split(":")
        data[f"{field}_{ReportingLine.objects.get(code=code).id}"] = value
    return data


def _snapshot():
    return sorted(
        LineForecast.objects.filter(period__number=11).values_list("line_id", "budget", "forecast", "explanation")
    )


def test_the_form_shows_every_line_with_last_periods_figures(officer_client, open_period):
    response = officer_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    for line in _lines():
        assert line.name.replace("&", "&amp;") in page
    assert "Last period: £111,098,000" in page  # Older People's budget at Period 10
    assert "Last period: -£76,870,000" in page


def test_a_valid_form_saves_exactly_what_was_typed(officer_client, open_period):
    data = _form_data(
        {"STU-OP:forecast": "(1,234,567.89)", "STU-INC:budget": "-76,000,000.01", "STU-PD:forecast": "£23,500,000"}
    )
    response = officer_client.post(URL, data)
    assert response.status_code == 302
    older = LineForecast.objects.get(period=open_period, line__code="STU-OP")
    assert older.forecast == -123456789
    assert older.updated_by == User.objects.get(username="officer")
    assert LineForecast.objects.get(period=open_period, line__code="STU-INC").budget == -7600000001
    assert LineForecast.objects.get(period=open_period, line__code="STU-PD").forecast == 2350000000


@pytest.mark.parametrize("field", ["budget", "forecast"])
@pytest.mark.parametrize(
    "bad",
    [
        "",
        "abc",
        "12,34",
        "1e9",
        "NaN",
        "1.234",
        "<script>alert(1)</script>",
        "'; DROP TABLE finance_lineforecast; --",
        "99999999999999",
        "١٢٣",
    ],
)
def test_bad_input_in_any_amount_field_is_a_field_error_naming_the_line_and_nothing_is_saved(
    officer_client, open_period, field, bad
):
    before = _snapshot()
    data = _form_data({"STU-OP:forecast": "120,000,000", f"STU-LD:{field}": bad})
    response = officer_client.post(URL, data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    line_id = ReportingLine.objects.get(code="STU-LD").id
    assert list(errors) == [f"{field}_{line_id}"]
    assert errors[f"{field}_{line_id}"][0].startswith("People with Learning Disabilities")
    assert "There is a problem: nothing has been saved" in response.content.decode()
    assert f'href="#id_{field}_{line_id}"' in response.content.decode()  # error summary links to the field
    assert _snapshot() == before  # the valid Older People change was not saved either


def test_a_material_variance_needs_an_explanation(officer_client, open_period, settings):
    settings.ASCWEB_MATERIALITY_PENCE = 10_000_000  # £100,000
    before = _snapshot()
    data = _form_data(
        {"STU-TRANS:budget": "1,000,000", "STU-TRANS:forecast": "1,100,000", "STU-TRANS:explanation": "   "}
    )
    response = officer_client.post(URL, data)
    assert response.status_code == 400
    line_id = ReportingLine.objects.get(code="STU-TRANS").id
    assert (
        "Hired Transport: explain the variance of £100,000"
        in response.context["form"].errors[f"explanation_{line_id}"][0]
    )
    assert _snapshot() == before
    # just under the threshold needs none
    data = _form_data(
        {"STU-TRANS:budget": "1,000,000", "STU-TRANS:forecast": "1,099,999.99", "STU-TRANS:explanation": ""}
    )
    assert officer_client.post(URL, data).status_code == 302


def test_an_overlong_explanation_is_refused(officer_client, open_period):
    response = officer_client.post(URL, _form_data({"STU-OP:explanation": "x" * 4001}))
    assert response.status_code == 400


def test_a_submitted_period_is_locked_on_the_server(officer_client, open_period):
    period_transition(user=User.objects.get(username="lead"), period=open_period, action="submit")
    before = _snapshot()
    response = officer_client.post(URL, _form_data({"STU-OP:forecast": "1"}))
    assert response.status_code == 403
    assert _snapshot() == before


def test_an_officer_cannot_post_another_areas_line_through_their_own_form(officer_client, open_period):
    # the form only reads the area's own fields: a smuggled NorseCare field is ignored
    norse = ReportingLine.objects.get(code="CS-NORSE")
    data = _form_data({"STU-OP:forecast": "1"})
    data[f"forecast_{norse.id}"] = "999"
    assert officer_client.post(URL, data).status_code == 302
    assert LineForecast.objects.get(period=open_period, line=norse).forecast != 99900


def test_the_workspace_shows_what_is_still_to_do(officer_client, open_period):
    """The workspace is now the core's, every app's items with their state (issue 15): the
    officer's revenue lines are those of their two areas, and none of Services to Users' is
    done when Period 11 starts (each varied by £100k or more at Period 10, the smallest,
    Physical Disabilities, by £0.317m: missing its explanation, or carried forward)."""
    response = officer_client.get("/periods/2017-18/11/workspace/")
    (revenue,) = [s for s in response.context["sections"] if s.title == "Revenue budget monitoring"]
    areas = {item.group for item in revenue.items}
    assert areas == {"Services to Users", "Early Help & Prevention"}
    stu = [item.state for item in revenue.items if item.group == "Services to Users"]
    assert len(stu) == 7 and set(stu) <= {"missing", "carried forward"}
    assert Period.objects.get(number=11).is_open


def test_two_editors_the_second_save_is_refused_showing_what_changed(officer_client, lead_client, open_period):
    """Both open the form; the lead saves first; the officer's save must not silently overwrite."""
    officer_sees = _form_data()
    lead_sees = _form_data()
    older = ReportingLine.objects.get(code="STU-OP")
    lead_sees[f"forecast_{older.id}"] = "116,000,000"
    assert lead_client.post(URL, lead_sees).status_code == 302

    officer_sees[f"forecast_{older.id}"] = "115,500,000"
    officer_sees[f"budget_{older.id}"] = "111,000,000"
    response = officer_client.post(URL, officer_sees)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed these figures while you were editing: nothing has been saved" in page
    assert "changed by lead" in page
    assert "forecast outturn from £114,994,000 to £116,000,000" in page
    current = LineForecast.objects.get(period=open_period, line=older)
    assert (current.budget, current.forecast) == (11_109_800_000, 11_600_000_000)  # the lead's save stands
    # the officer's typed values are kept, now based on the latest version: saving again is deliberate
    form = response.context["form"]
    assert form[f"forecast_{older.id}"].value() == "115,500,000"
    assert form[f"version_{older.id}"].value() == str(current.version)
    assert officer_client.post(URL, {k: str(v) for k, v in form.data.items()}).status_code == 302
    assert LineForecast.objects.get(period=open_period, line=older).forecast == 11_550_000_000


def test_every_change_is_kept_in_the_history(officer_client, open_period):
    older = ReportingLine.objects.get(code="STU-OP")
    officer_client.post(URL, _form_data({"STU-OP:forecast": "120,000,000"}))
    record = LineForecast.objects.get(period=open_period, line=older)
    history = list(record.history.order_by("history_date"))
    assert [h.forecast for h in history] == [11_499_400_000, 12_000_000_000]
    assert history[0].history_change_reason == "Carried forward from Period 10"
    assert history[-1].history_user.username == "officer"
    assert history[-1].version == 2
