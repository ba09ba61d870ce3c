"""Random and hostile values in every field of every other entry form, and in net expenditure
uploads: always a clean save or a clear error, never a 500, never a partial save."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finance.models import LineForecast, NetExpenditure
from ibcf.models import SchemeUpdate
from reserves.models import CapitalPosition, ReservePosition
from savings.models import SavingForecast

P11 = "/periods/2030-31/11"
FORMS = [f"{P11}/savings/workstreams/WS/edit/", f"{P11}/ibcf/edit/", f"{P11}/reserves/edit/", f"{P11}/capital/edit/"]
HOSTILE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "NaN",
            "Infinity",
            "1e308",
            "9" * 40,
            "<script>alert(1)</script>",
            "'; DROP TABLE x; --",
            "",
            "  ",
            "(1,234)",
            "-0",
            "£5",
            "1.999",
            "١٢٣",
            "on target",
            "off target",
            "red",
        ]
    ),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
)
CASES = {"forms": 0, "uploads": 0}


def _everything():
    return (
        sorted(LineForecast.objects.values_list("id", "budget", "forecast", "explanation")),
        sorted(ReservePosition.objects.values_list("id", "balance_1_april", "proposed_usage")),
        sorted(CapitalPosition.objects.values_list("id", "current_budget", "forecast_outturn", "next_year_draft")),
        sorted(SchemeUpdate.objects.values_list("id", "spend_to_date", "forecast", "activity_progress")),
        sorted(SavingForecast.objects.values_list("id", "forecast", "status", "explanation", "recovery_action")),
        sorted(NetExpenditure.objects.values_list("id", "amount")),
    )


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.sampled_from(FORMS), values=st.lists(HOSTILE, min_size=1, max_size=200))
def test_every_form_saves_cleanly_or_refuses_whole(lead_client, open_period, url, values):
    CASES["forms"] += 1
    form = lead_client.get(url).context["form"]
    data = {}
    for index, (name, field) in enumerate(form.fields.items()):
        data[name] = str(form[name].value() or "") if field.widget.is_hidden else values[index % len(values)]
    before = _everything()
    response = lead_client.post(url, data)
    assert response.status_code in (302, 400, 409), (url, response.status_code)
    if response.status_code != 302:
        assert _everything() == before


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(HOSTILE, min_size=4, max_size=4), min_size=1, max_size=5), binary=st.binary(max_size=40))
def test_net_expenditure_uploads_load_whole_or_not_at_all(lead_client, reporting_year, rows, binary):
    CASES["uploads"] += 1
    text = "year,period,area,amount\n" + "\n".join(",".join(f'"{v}"' for v in row) for row in rows)
    before = _everything()
    for content in (text.encode("utf-8", "surrogatepass"), binary):
        upload = SimpleUploadedFile("net.csv", content, content_type="text/csv")
        response = lead_client.post("/net-expenditure/upload/", {"file": upload})
        assert response.status_code in (200, 302, 400), response.status_code
        if response.status_code != 302:
            assert _everything() == before


def test_cases_tried_are_recorded(capsys):
    with capsys.disabled():
        print(f"\nhostile input cases tried: other forms {CASES['forms']}, net expenditure uploads {CASES['uploads']}")
    assert CASES["forms"] >= 50 and CASES["uploads"] >= 50
