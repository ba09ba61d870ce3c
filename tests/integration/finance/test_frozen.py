"""Published means frozen (issue 15): what a published period shows does not change until it
is re-opened, whatever is published, back-filled, imported or re-profiled later; imports that
would touch a published period are refused; printed periods (known only from a later paper)
are recorded as such; forecast accuracy is the year end's alone."""

import pytest
from django.core.exceptions import ValidationError

from ascweb.lifecycle import period_checks, period_create_next, period_transition
from ascweb.models import FidelityNote, Period
from ascweb.periods import periods_visible_to
from ascweb.registry import registry
from finance.models import BudgetProfile, NetExpenditure, PrintedVariance
from finance.selectors.dashboard import dashboard
from finance.selectors.figures import period_figures
from finance.services import budget_profile_update
from tests.factories.finance import council
from tests.factories.imports import import_file, problems
from tests.factories.pages import as_read

YEAR = "2030-31"
P10 = f"/periods/{YEAR}/10"
NET_HEADER = "year,period,area,amount\n"
REVENUE_HEADER = "line_code,budget,forecast_outturn,explanation\n"
PRINTED_HEADER = "year,period,line_code,line_name,variance,source\n"


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


def _page(client, url: str) -> bytes:
    return as_read(client.get(url))


def _workbook(client, url: str) -> bytes:
    """An XLSX download, byte for byte (a published period's is dated with its publication)."""
    return client.get(url).content


def _published_p10(client) -> tuple:
    return (
        _page(client, f"{P10}/appendix-a/"),
        _page(client, f"{P10}/dashboard/"),
        _page(client, f"{P10}/"),
        client.get(f"{P10}/tables/appendix-a.csv").content,
        _workbook(client, f"{P10}/tables/appendix-a.xlsx"),
    )


def _publish(period: Period, lead) -> None:
    if period.is_open:
        period = period_transition(user=lead, period=period, action="submit")
    acknowledged = [check.key for check in period_checks(period)]
    period_transition(user=lead, period=period, action="publish", acknowledged=acknowledged)


def _revenue(small_council, forecast_change: int = 0) -> str:
    """A period file: every line at its Period 10 budget, forecast moved by `forecast_change` pounds."""
    from finance.models import LineForecast

    rows = LineForecast.objects.filter(period=small_council.p10).select_related("line")
    return REVENUE_HEADER + "".join(
        f"{f.line.code},{f.budget // 100},{f.budget // 100 + forecast_change},\n" for f in rows
    )


def test_a_published_period_shows_the_same_whatever_happens_later(small_council, lead_client, member_client):
    lead = small_council.lead
    before = {"lead": _published_p10(lead_client), "member": _published_p10(member_client)}
    # a later period is started, takes net expenditure, and is published
    p11 = period_create_next(user=lead, year=small_council.year, number=11)
    assert import_file("net-expenditure", NET_HEADER + f"{YEAR},11,,5000\n{YEAR},9,A,700\n").ok
    _publish(p11, lead)
    # an earlier period is back-filled by import and published
    assert import_file(
        "period", _revenue(small_council, 90_000), year=YEAR, number=5, publish=True, acknowledge_all=True
    ).ok
    assert Period.objects.get(number=5).is_published
    # a new budget profile, and last year's outturn re-imported
    budget_profile_update(user=lead, year=small_council.year, method="explicit", weights=[700] * 12 + [1600])
    assert import_file("outturn", "year,line_code,line_name,actual,variance\n2029-30,A-1,,1,1\n").ok
    # a period Period 10 compared with is re-opened and changed
    p2 = Period.objects.get(number=2)
    period_transition(user=lead, period=p2, action="reopen", reason="A correction")
    import_file("period", _revenue(small_council, -50_000), year=YEAR, number=2)
    after = {"lead": _published_p10(lead_client), "member": _published_p10(member_client)}
    assert after == before


def test_re_opening_shows_live_figures_again(small_council, lead_client):
    lead = small_council.lead
    assert import_file(
        "period", _revenue(small_council, 90_000), year=YEAR, number=5, publish=True, acknowledge_all=True
    ).ok
    budget_profile_update(user=lead, year=small_council.year, method="explicit", weights=[700] * 12 + [1600])
    p10 = Period.objects.get(number=10)
    assert (p10.compared_with.number, period_figures(p10).previous.number) == (2, 2)
    assert dashboard(p10).net_expenditure[-1].method != "Explicit profile"
    assert "Variance @ Pd 2 £m" in lead_client.get(f"{P10}/appendix-a/").content.decode()
    period_transition(user=lead, period=p10, action="reopen", reason="Back-filled Period 5")
    p10.refresh_from_db()
    assert p10.compared_with is None  # open: compared with what publishing would fix now
    figures = period_figures(p10)
    assert figures.previous.number == 5
    assert figures.previous_variance(small_council.lines["A-1"].id) == 9_000_000
    assert dashboard(p10).net_expenditure[-1].method == "Explicit profile"
    assert "Variance @ Pd 5 £m" in lead_client.get(f"{P10}/appendix-a/").content.decode()
    _publish(p10, lead)
    p10.refresh_from_db()
    assert p10.compared_with.number == 5


def test_net_expenditure_for_a_published_period_is_refused_and_nothing_is_written(small_council):
    before = list(NetExpenditure.objects.values_list("year_id", "period", "area_id", "amount"))
    report = import_file("net-expenditure", NET_HEADER + f"{YEAR},11,,5\n{YEAR},10,,7\n{YEAR},2,A,9\n")
    assert problems(report) == [
        "Row 3, period: Period 10 (January) 2030-31 is published: its net expenditure cannot change; re-open it first",
        "Row 4, period: Period 2 (May) 2030-31 is published: its net expenditure cannot change; re-open it first",
    ]
    assert list(NetExpenditure.objects.values_list("year_id", "period", "area_id", "amount")) == before


def test_the_profile_page_names_the_published_periods_that_keep_theirs(small_council, lead_client):
    BudgetProfile.objects.create(year=small_council.year)
    page = lead_client.get(f"/net-expenditure/profiles/{YEAR}/").content.decode()
    assert "Published periods keep the profile they were published with: Period 2, Period 10." in page


# --- Printed periods --------------------------------------------------------------------------


def _printed(rows: str, **kwargs):
    return import_file("printed-variances", PRINTED_HEADER + rows, **kwargs)


def test_a_printed_period_is_recorded_and_its_totals_checked(small_council, member_client):
    report = _printed(
        f"{YEAR},7,A-1,Home care,100000,Later paper\n"
        f"{YEAR},7,A-2,,(40000),Later paper\n"
        f"{YEAR},7,A,,50000,Later paper\n"  # the lines add to 0.060: a note
        f"{YEAR},7,B,,10000,Later paper\n"  # B's lines are not printed: a gap
    )
    assert report.ok and report.created == 4
    p7 = Period.objects.get(number=7)
    assert p7.status == Period.Status.PRINTED
    assert dict(PrintedVariance.objects.filter(period=p7).values_list("node__code", "variance")) == {
        "A-1": 10_000_000,
        "A-2": -4_000_000,
        "A": 5_000_000,
        "B": 1_000_000,
    }
    notes = {(n.subject, n.kind) for n in FidelityNote.objects.filter(period=p7)}
    assert notes == {("Area A", "error"), ("Area B", "gap")}
    assert "Row 4: Area A variance @ Pd 7: file says 0.050, lines sum to 0.060 (does not add up)" in report.notes
    # the same file again changes nothing
    again = _printed(f"{YEAR},7,A-1,,100000,Later paper\n")
    assert (again.created, again.changed, again.unchanged) == (0, 0, 1)
    # never a report: not listed, not publishable or re-openable, not blocking the next period
    assert p7 not in periods_visible_to(small_council.lead)
    assert member_client.get(f"/periods/{YEAR}/7/").status_code == 404
    for action in ("submit", "publish", "reopen"):
        with pytest.raises(ValidationError):
            period_transition(user=small_council.lead, period=p7, action=action, reason="r")
    p11 = period_create_next(user=small_council.lead, year=small_council.year, number=11)
    assert period_figures(p11).previous.number == 10
    # published Period 10 keeps its comparison (Period 2); an open period between compares with P7
    assert period_figures(Period.objects.get(number=10)).previous.number == 2


def test_an_open_report_after_a_printed_period_compares_with_it(small_council, lead_client):
    _printed(f"{YEAR},7,A-1,,1000,Period 10 paper\n{YEAR},7,A,,1000,Period 10 paper\n")
    p10 = Period.objects.get(number=10)
    period_transition(user=small_council.lead, period=p10, action="reopen", reason="Compare with Period 7")
    p10.refresh_from_db()
    figures = period_figures(p10)
    assert figures.previous.number == 7
    assert figures.previous_variance(small_council.lines["A-1"].id) == 100_000
    assert figures.previous_variance(small_council.lines["B-1"].id) is None  # not printed
    page = lead_client.get(f"{P10}/appendix-a/").content.decode()
    assert "Variance @ Pd 7 £m" in page
    _publish(p10, small_council.lead)
    p10.refresh_from_db()
    assert p10.compared_with.number == 7
    csv = lead_client.get(f"{P10}/tables/appendix-a.csv").content.decode().splitlines()
    assert any(line.startswith("Home care,") and line.endswith(",0.001") for line in csv)


def test_bad_printed_rows_are_each_reported_and_nothing_is_written(small_council):
    report = _printed(
        f"{YEAR},7,NOPE,,1,P\n"
        f"2030/31,7,A-1,,1,P\n"
        f"{YEAR},14,A-1,,1,P\n"
        f"{YEAR},7,A-1,Contracts,1,P\n"
        f"{YEAR},7,A-2,,x,P\n"
        f"{YEAR},7,B-1,,1,P\n"
        f"{YEAR},7,B-1,,2,P\n"
    )
    assert problems(report) == [
        "Row 2, line_code: Unknown line code 'NOPE'",
        "Row 3, year: '2030/31' is not a financial year like 2017-18",
        "Row 4, period: A-1: '14' is not a period from 1 to 13",
        "Row 5, line_name: A-1 is Home care, not 'Contracts'",
        "Row 6, variance: A-2: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 8, line_code: B-1 appears twice for that period (first at row 7)",
    ]
    assert not Period.objects.filter(number=7).exists() and not PrintedVariance.objects.exists()


def test_a_period_that_is_a_report_cannot_be_recorded_as_printed(small_council):
    report = _printed(f"{YEAR},10,A-1,,1,P\n")
    assert problems(report) == [
        "Row 2, period: Period 10 (January) 2030-31 is published: printed variances are only for a period "
        "known from a later paper"
    ]
    assert not PrintedVariance.objects.exists()


# --- Forecast accuracy: the year end's ---------------------------------------------------------


@pytest.mark.django_db
def test_forecast_accuracy_is_on_the_period_13_dashboard_and_pack_only():
    setup = council(areas=2, lines_per_area=2, periods=(2, 10, 13))
    p2, p10, p13 = setup["periods"]
    accuracy = registry.pack_charts["forecast-accuracy"]
    assert dashboard(p10).accuracy is None and "accuracy" not in accuracy.figures(p10)
    assert dashboard(p2).accuracy is None
    at_year_end = dashboard(p13)
    assert at_year_end.accuracy.periods == [2, 10]
    assert [s.code for s in at_year_end.accuracy.series][-1] == at_year_end.trajectory.series[-1].code
    assert "accuracy" in accuracy.figures(p13)
