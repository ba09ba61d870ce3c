"""A year in the life (issue 15, "Done when"): a synthetic year from Period 1 to the year end,
run through the real pages. Each month the lead starts the period, an officer changes one line
and confirms the rest of the area in one step, the lead reads the checks, submits and
publishes (acknowledging what is left), and a member reads every page and table of it.
Period 4 is skipped and back-filled by import at the end.

It asserts: no part of the report is ever missing from a new period; every published page and
export reads the same after all later periods are published and Period 4 is back-filled;
forecast accuracy appears at Period 13 and not before."""

import io
import re

import pytest
from django.urls import reverse

from ascweb.models import Period
from ascweb.registry import registry
from finance.models import LineForecast, ReportingLine
from ibcf.models import SchemeUpdate
from reserves.models import CapitalPosition, ReservePosition
from savings.models import SavingForecast
from tests.factories.council import first_month
from tests.factories.pages import as_read

YEAR = "2040-41"
AREA_A = f"/periods/{YEAR}/{{n}}/areas/A/edit/"
BACK_FILLED = 4
RUN = [n for n in range(1, 14) if n != BACK_FILLED]
FIGURES = (LineForecast, SavingForecast, SchemeUpdate, ReservePosition, CapitalPosition)
POUNDS = 100


@pytest.fixture
def reporting_year(db):
    return first_month(start_year=2040).year


def _home_care(n: int) -> int:
    """Home care's forecast at Period n, in pounds: £10,000 more each month (never a move of
    the materiality threshold), material from Period 10 on."""
    return 10_000_000 + 10_000 * n


def _member_urls(n: int) -> list[str]:
    pages = [reverse(page.url_name, args=[YEAR, n]) for page in registry.period_pages if not page.finance_only]
    tables = [
        f"/periods/{YEAR}/{n}/tables/{table.name}.{fmt}" for table in registry.tables() for fmt in ("csv", "xlsx")
    ]
    return pages + tables


def _readable_or_none(client, url: str) -> bytes | None:
    response = client.get(url)
    if response.status_code == 404:  # a table with nothing to show
        return None
    assert response.status_code == 200, url
    return as_read(response)


def _drawn(response, **typed) -> dict[str, str]:
    """The area form as drawn, boxes unticked, with `typed` over it ("forecast_A-1": ...)."""
    form = response.context["form"]
    data = {name: "" if form[name].value() is None else str(form[name].value()) for name in form.fields}
    data = {name: value for name, value in data.items() if value not in ("False", "True")}
    for key, value in typed.items():
        field, code = key.split("_", 1)
        data[f"{field}_{ReportingLine.objects.get(code=code).id}"] = value
    return data


def _officers_month(officer_client, n: int) -> None:
    """The officer changes Home care and confirms every other carried explanation in one step."""
    url = AREA_A.format(n=n)
    page = officer_client.get(url)
    assert page.status_code == 200
    data = _drawn(page, **{"forecast_A-1": f"{_home_care(n):,}", "explanation_A-1": f"Demand at Period {n}."})
    response = officer_client.post(url, {**data, "confirm_all": "on"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    line = LineForecast.objects.get(period__number=n, period__year__code=YEAR, line__code="A-1")
    assert line.forecast == _home_care(n) * POUNDS and line.carried_from is None


def _publish(lead_client, n: int) -> list[str]:
    """Submit, read the checks, publish acknowledging each; the checks acknowledged."""
    status = f"/periods/{YEAR}/{n}/status/"
    assert lead_client.post(status, {"action": "submit"}).status_code == 302
    page = lead_client.get(f"/periods/{YEAR}/{n}/").content.decode()
    keys = re.findall(r'name="acknowledge" type="checkbox" value="([^"]+)"', page)
    if keys:  # with checks left, publishing without acknowledging them changes nothing
        assert lead_client.post(status, {"action": "publish"}).status_code == 400
        assert not Period.objects.get(year__code=YEAR, number=n).is_published
    assert lead_client.post(status, {"action": "publish", "acknowledge": keys}).status_code == 302
    assert Period.objects.get(year__code=YEAR, number=n).is_published
    return keys


def _parts(lead_client, n: int) -> list[str]:
    pack = lead_client.get(f"/periods/{YEAR}/{n}/pack/").context["pack"]
    return [part.title.split(": ", 1)[-1] for part in pack.parts]


def _rows(n: int) -> dict[str, int]:
    return {
        model.__name__: model.objects.filter(period__number=n, period__year__code=YEAR).count() for model in FIGURES
    }


def test_a_year_from_period_1_to_the_year_end(lead_client, officer_client, member_client):
    parts, first_rows = _parts(lead_client, 1), _rows(1)
    assert len(parts) >= 6 and all(first_rows.values())
    read: dict[str, bytes | None] = {}
    acknowledged = {}
    for n in RUN:
        if n > 1:
            assert lead_client.post("/periods/new/", {"number": str(n)}).status_code == 302
            assert _rows(n) == first_rows, f"Period {n} lost figures"
            now = _parts(lead_client, n)
            assert set(parts) <= set(now), f"Period {n} lost a part of the report"
            parts = now
            _officers_month(officer_client, n)
        acknowledged[n] = _publish(lead_client, n)
        if n > 1:  # the member sees the officer's new figure
            page = member_client.get(f"/periods/{YEAR}/{n}/appendix-a/").content.decode()
            assert f"{_home_care(n) // 1_000}" in page.replace(".", "")
        for url in _member_urls(n):
            read[url] = _readable_or_none(member_client, url)
    # area B's officer did nothing all year: each month its carried figures were acknowledged
    assert all("revenue:not-reviewed:B" in keys for n, keys in acknowledged.items() if n > 1)
    assert not any(key.endswith(":A-1") for keys in acknowledged.values() for key in keys)

    # Period 4, back-filled by the lead from a file, then published
    p3 = {f.line.code: f for f in LineForecast.objects.filter(period__number=3).select_related("line")}
    rows = "".join(f"{code},{f.budget // POUNDS},{f.forecast // POUNDS},\n" for code, f in p3.items())
    upload = io.BytesIO(("line_code,budget,forecast_outturn,explanation\n" + rows).encode())
    upload.name = "p04.csv"
    response = lead_client.post("/imports/period/", {"year": YEAR, "number": BACK_FILLED, "file": upload})
    assert response.status_code == 302
    _publish(lead_client, BACK_FILLED)

    changed = [url for url, before in read.items() if _readable_or_none(member_client, url) != before]
    assert changed == [], "published pages changed after later periods were published and Period 4 back-filled"
    dashboards = {n: member_client.get(f"/periods/{YEAR}/{n}/dashboard/").content.decode() for n in (12, 13)}
    assert "Forecast accuracy</h3>" in dashboards[13] and "Forecast accuracy</h3>" not in dashboards[12]
