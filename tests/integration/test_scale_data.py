"""The synthetic council for benchmarks: deterministic, proportioned, apart from the demo data,
every app's data as officers would enter it, and its pages at a fixed number of queries."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ascweb.models import FinancialYear, Period
from finance.calculations import needs_explanation
from finance.models import BudgetProfile, LineForecast, NetExpenditure, ReportingLine
from ibcf import selectors as ibcf_selectors
from ibcf.models import GrantStream, PlanVersion, Scheme, SchemeAllocation, SchemeUpdate
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition
from savings.calculations import needs_off_target
from savings.models import Mitigation, Saving, SavingForecast, SavingTarget, Workstream


class _Rollback(Exception):
    pass


# model -> the amount fields summed to fingerprint the data
FINGERPRINT = {
    LineForecast: ("budget", "forecast"),
    NetExpenditure: ("amount",),
    ReservePosition: ("balance_1_april", "proposed_usage"),
    CapitalPosition: ("current_budget", "forecast_outturn", "next_year_draft"),
    SavingTarget: ("amount",),
    SavingForecast: ("forecast",),
    Mitigation: ("forecast",),
    SchemeAllocation: ("amount",),
    SchemeUpdate: ("spend_to_date", "forecast"),
}


def _fingerprint() -> dict:
    result = {
        model.__name__: model.objects.aggregate(Count("id"), **{f: Sum(f) for f in fields})
        for model, fields in FINGERPRINT.items()
    }
    result["line figures"] = sorted(
        LineForecast.objects.values_list("line__code", "period__year__code", "period__number", "budget", "forecast")
    )
    # by code and number, not id: PostgreSQL does not give ids back when a savepoint is undone
    result["savings"] = sorted(
        SavingForecast.objects.values_list(
            "saving__code", "period__year__code", "period__number", "status", "explanation"
        )
    )
    return result


def _generate(seed: int, **size) -> dict:
    """Run the command inside a savepoint, capture its figures, then undo it."""
    size = size or {"departments": 2, "lines": 30, "years": 2}
    captured: dict = {}
    try:
        with transaction.atomic():
            call_command("make_scale_data", seed=seed, stdout=io.StringIO(), **size)
            captured = _fingerprint()
            raise _Rollback
    except _Rollback:
        pass
    return captured


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_council_and_another_seed_another():
    first, again, other = _generate(7), _generate(7), _generate(8)
    assert first == again
    assert first != other
    assert len(first["line figures"]) == 30 * (13 + 10)  # 30 lines; a full year and a year up to period 10
    assert all(first[model.__name__]["id__count"] > 0 for model in FINGERPRINT)
    assert first["savings"] != other["savings"]


@pytest.mark.django_db
def test_the_council_has_the_asked_for_shape():
    call_command("make_scale_data", departments=3, lines=45, years=2, seed=1, stdout=io.StringIO())
    assert ReportingLine.objects.filter(kind="department").count() == 3
    assert ReportingLine.objects.filter(kind="area").count() == 15
    assert ReportingLine.objects.filter(kind="line").count() == 45
    assert all(code.startswith("SYN-") for code in ReportingLine.objects.values_list("code", flat=True))
    assert list(FinancialYear.objects.values_list("code", flat=True)) == ["2040-41", "2041-42"]
    assert Period.objects.filter(status="open").count() == 1
    with pytest.raises(CommandError, match="already has synthetic data"):
        call_command("make_scale_data", departments=1, lines=1, years=1, stdout=io.StringIO())


@pytest.fixture
def synthetic(db):
    call_command("make_scale_data", departments=3, lines=45, years=3, seed=5, stdout=io.StringIO())


def _synthetic_codes(model, field="code") -> list[str]:
    return list(model.objects.values_list(field, flat=True))


@pytest.mark.django_db
def test_every_app_has_data_in_proportion_and_clearly_synthetic(synthetic):
    assert Workstream.objects.count() == 3 * 2 and Saving.objects.count() == 3 * 2 * 5
    assert Scheme.objects.count() == 3 * 2
    assert CapitalScheme.objects.count() == 3 * 2
    assert Reserve.objects.count() == 3 * 3 + 1  # a provision and two reserves each, and the iBCF reserve
    for model in (Workstream, Saving, Scheme, CapitalScheme, Reserve, GrantStream):
        assert all(code.startswith("SYN-") for code in _synthetic_codes(model)), model
    for model, field in ((Saving, "description"), (Reserve, "name"), (CapitalScheme, "name"), (PlanVersion, "name")):
        assert all("Synthetic" in text for text in _synthetic_codes(model, field)), model
    # every period has figures for every reserve, capital scheme and iBCF scheme
    periods = Period.objects.count()
    assert ReservePosition.objects.count() == periods * Reserve.objects.count()
    assert CapitalPosition.objects.count() == periods * CapitalScheme.objects.count()
    assert SchemeUpdate.objects.filter(spend_to_date__isnull=False).count() == periods * Scheme.objects.count()
    assert SavingForecast.objects.values("period").distinct().count() == periods


@pytest.mark.django_db
def test_net_expenditure_every_area_every_reported_month_and_a_profile_every_year(synthetic):
    areas = ReportingLine.objects.filter(kind="area").count()
    by_year = dict(
        NetExpenditure.objects.values_list("year__code").annotate(Count("id")).values_list("year__code", "id__count")
    )
    # two full years (periods 1-12) and the current year up to its open Period 10
    assert by_year == {"2040-41": 12 * areas, "2041-42": 12 * areas, "2042-43": 10 * areas}
    assert not NetExpenditure.objects.filter(area__isnull=True).exists()
    assert BudgetProfile.objects.count() == 3


@pytest.mark.django_db
def test_the_figures_keep_the_entry_forms_rules(synthetic):
    threshold = settings.ASCWEB_MATERIALITY_PENCE
    unexplained = [
        f
        for f in LineForecast.objects.all()
        if needs_explanation(f.forecast - f.budget, threshold) and not f.explanation.strip()
    ]
    assert unexplained == []
    targets = {(t.saving_id, t.year_id): t.amount for t in SavingTarget.objects.all()}
    forecasts = list(SavingForecast.objects.select_related("period"))
    assert {f.status for f in forecasts} == {"on", "off"}
    for f in forecasts:
        target = targets[(f.saving_id, f.period.year_id)]
        assert f.forecast <= 0 and target < 0
        off_target = f.status == SavingForecast.Status.OFF_TARGET
        assert needs_off_target(target, f.forecast) == off_target
        if off_target:
            assert f.explanation.strip() and f.recovery_action.strip() and f.rag in ("red", "amber")
    # every plan version spends exactly the funding: the Balance row is nil
    for period in Period.objects.filter(number__in=(1, 6, 13)):
        rows = ibcf_selectors.appendix_c(period)
        assert [r for r in rows if r.kind == "line"], period
        balance = next(r for r in rows if r.kind == "balance")
        assert set(balance.amounts.values()) == {0}, period
    assert ibcf_selectors.version_for(Period.objects.get(year__code="2041-42", number=5)).name.endswith("(agreed)")
    assert ibcf_selectors.version_for(Period.objects.get(year__code="2041-42", number=6)).name.endswith("(revised)")
    # a reserve opens each year with the balance it closed the year before at (never below nil)
    for reserve in Reserve.objects.all():
        closing = ReservePosition.objects.get(reserve=reserve, period__year__code="2040-41", period__number=13)
        opening = ReservePosition.objects.get(reserve=reserve, period__year__code="2041-42", period__number=1)
        assert opening.balance_1_april == max(closing.balance_1_april + closing.proposed_usage, 0)
    # money is whole pounds, as officers enter it
    assert not SavingForecast.objects.exclude(forecast__endswith="00").exists()


# --- Pages: a fixed number of queries whatever the size of the council ---------------------------

PAGES = [
    "dashboard/",
    "",
    "appendix-a/",
    "savings/",
    "savings/programme/",
    "savings/projects/",
    "ibcf/",
    "reserves/",
    "capital/",
]


OFFICER_PAGES = [
    "workspace/",
    "areas/SYN-D00-A0/edit/",
    "savings/workstreams/SYN-W00-0/edit/",
    "ibcf/edit/",
    "reserves/edit/",
    "capital/edit/",
]


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    assert b"Synthetic" in response.content, url
    return len(captured)


def _page_queries(**size) -> dict[str, int]:
    """Queries of each page on first view (the page cache emptied: the count to compare)."""
    from django.core.cache import cache

    cache.clear()
    counts: dict[str, int] = {}
    try:
        with transaction.atomic():
            call_command("make_scale_data", seed=3, stdout=io.StringIO(), **size)
            period = Period.objects.filter(status="published").order_by("-year__start_year", "-number").first()
            client = Client()
            client.force_login(User.objects.get(username="scale-member"))
            for page in PAGES:
                counts[page or "summary"] = _count(client, f"/periods/{period.year.code}/{period.number}/{page}")
            # the officer's pages of the open period: entry forms and the workspace
            period = Period.objects.get(status="open")
            client.force_login(User.objects.get(username="scale-officer"))
            for page in OFFICER_PAGES:
                counts[f"officer {page}"] = _count(client, f"/periods/{period.year.code}/{period.number}/{page}")
            raise _Rollback
    except _Rollback:
        pass
    return counts


# In a test, a member's snapshot is a savepoint, its release and the period still published.
SNAPSHOT = 3
# A table page's footnotes: where its figures differ from the paper's (one query for them all).
FOOTNOTES = 1
# The dashboard's Better Care Fund metrics panel: values, targets, series and commentary.
METRICS = 4


@pytest.mark.django_db
def test_the_synthetic_pages_read_a_fixed_number_of_queries_whatever_the_size():
    small = _page_queries(departments=2, lines=20, years=2)
    large = _page_queries(departments=5, lines=120, years=4)
    assert large == small
    # session, user and roles, then one query per kind of data; the dashboard with the savings,
    # iBCF and reserves panels; the pages members read from the page cache one more, its stamp;
    # a member's page SNAPSHOT more (ascweb.snapshots); an officer's form one more, whether the
    # thing is assigned to them, and their workspace one per app that assigns things
    assert small == {
        "dashboard/": 28 + SNAPSHOT + METRICS,
        "summary": 9 + SNAPSHOT + FOOTNOTES,
        "appendix-a/": 9 + SNAPSHOT + FOOTNOTES,
        "savings/": 10 + SNAPSHOT + FOOTNOTES,
        "savings/programme/": 10 + SNAPSHOT,
        "savings/projects/": 10 + SNAPSHOT + FOOTNOTES,
        "ibcf/": 17 + SNAPSHOT + FOOTNOTES,
        "reserves/": 5 + SNAPSHOT + FOOTNOTES,
        "capital/": 5 + SNAPSHOT + FOOTNOTES,
        "officer workspace/": 19,  # every app: lines, savings, iBCF, reserves, capital, metrics
        "officer areas/SYN-D00-A0/edit/": 12,  # with the group explanations entered in the form
        "officer savings/workstreams/SYN-W00-0/edit/": 12,
        "officer ibcf/edit/": 9,
        "officer reserves/edit/": 9,
        "officer capital/edit/": 9,
    }


@pytest.mark.django_db
def test_the_dashboard_profiles_its_own_departments_net_expenditure(synthetic):
    """The dashboard shows the first department: other departments' spending is not added to it."""
    client = Client()
    client.force_login(User.objects.get(username="scale-member"))
    data = client.get("/periods/2042-43/9/dashboard/").context["data"]
    department = ReportingLine.objects.filter(kind="department").order_by("order").first()
    own = NetExpenditure.objects.filter(year__code="2042-43", area__parent=department, period__lte=9)
    this_year = data.net_expenditure[-1]
    assert this_year.total == own.aggregate(Sum("amount"))["amount__sum"]
    assert (
        this_year.total
        < NetExpenditure.objects.filter(year__code="2042-43", period__lte=9).aggregate(Sum("amount"))["amount__sum"]
    )
    # spending runs close to the profiled budget (within a fifth), as a real department's would
    profiled = this_year.cumulative_profile[8]
    assert abs(this_year.cumulative[8] - profiled) * 5 < profiled
