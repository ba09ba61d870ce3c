"""Random and hostile values in every field of the entry form and in import files: always a
clear field error or a clean save, never a 500, never a partial save."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ascweb.importing import FileProblem, read_upload
from ascweb.money import parse_amount
from finance.models import LineForecast, ReportingLine

URL = "/periods/2030-31/11/areas/A/edit/"
HOSTILE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "NaN",
            "Infinity",
            "1e308",
            "9" * 60,
            "<script>alert(1)</script>",
            "'; DROP TABLE x; --",
            "",
            "   ",
            "(1,234,567)",
            "-0",
            "£1,000",
            "1,234,567.891",
            "١٢٣",
            "0",
        ]
    ),
    st.integers(min_value=-(10**16), max_value=10**16).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
FIELDS = ("budget", "forecast", "explanation")
CASES = {"form": 0, "import": 0}


def _state(period):
    return sorted(
        LineForecast.objects.filter(period=period).values_list("line_id", "budget", "forecast", "explanation")
    )


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(HOSTILE, min_size=9, max_size=9))
def test_the_entry_form_never_errors_or_half_saves(officer_client, open_period, values):
    CASES["form"] += 1
    lines = list(ReportingLine.objects.filter(code__startswith="A-", kind="line").order_by("order"))
    data = {}
    for index, line in enumerate(lines):
        current = LineForecast.objects.get(period=open_period, line=line)
        data[f"version_{line.id}"] = str(current.version)
        for offset, field in enumerate(FIELDS):
            data[f"{field}_{line.id}"] = values[index * 3 + offset]
    before = _state(open_period)
    response = officer_client.post(URL, data)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert response.context["form"].errors
        assert _state(open_period) == before
    else:  # saved: exactly what was typed, parsed
        for line in lines:
            saved = LineForecast.objects.get(period=open_period, line=line)
            assert saved.budget == parse_amount(data[f"budget_{line.id}"])
            assert saved.forecast == parse_amount(data[f"forecast_{line.id}"])
            assert saved.explanation == data[f"explanation_{line.id}"].strip()


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_are_read_or_refused_with_a_reason(data):
    CASES["import"] += 1
    try:
        table = read_upload(data, "upload.csv", required=[])
    except FileProblem as problem:
        assert str(problem)
    else:
        assert all(number >= 2 for number, _ in table.rows)


def test_cases_tried_are_recorded(capsys):
    """Runs last in this module: how many cases the two property tests above tried."""
    with capsys.disabled():
        print(f"\nhostile input cases tried: form {CASES['form']}, import {CASES['import']}")
    assert CASES["form"] >= 100 and CASES["import"] >= 100
