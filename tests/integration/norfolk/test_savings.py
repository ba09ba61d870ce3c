"""The savings demo data as the papers print it (tested once), and its fidelity notes."""

import io

import pytest
from django.core.management import call_command

from ascweb.demo import load_demo
from ascweb.models import FidelityNote, Period
from savings import selectors
from savings.models import Mitigation, Saving, SavingAlias, SavingForecast, SavingTarget

M = 100_000_000


def _m(text: str) -> int:
    from ascweb.money import parse_millions

    return parse_millions(text)


@pytest.fixture
def p10(demo) -> Period:
    return Period.objects.get(year=demo, number=10)


def test_period_10_shows_the_headline_of_2_8_3(p10):
    totals = selectors.period_savings(p10).total()
    assert totals.target == _m("-14.213")
    assert totals.forecast == _m("-10.339")
    assert totals.at_risk == _m("3.874")
    assert totals.variance == _m("3.874")


def test_appendix_d_by_workstream_and_project(p10):
    rows = selectors.projects_table(selectors.period_savings(p10))
    workstreams = {r.label: r.workstream_savings for r in rows if r.kind == "workstream"}
    assert workstreams == {
        "Early Help and Prevention workstream": _m("-5.800"),
        "Older and Younger Adults workstreams": _m("-23.104"),
        "Commissioning workstream": _m("-13.882"),
        "Business as usual": _m("-4.340"),
    }
    projects = {r.code: (r.target, r.forecast, r.variance, r.status) for r in rows if r.kind == "line"}
    assert len(projects) == 18
    assert projects["ASC013"] == (_m("-1.000"), _m("-0.266"), _m("0.734"), "Off target")
    assert projects["ASC006-YA"] == (_m("-2.581"), _m("-1.766"), _m("0.815"), "Off target")
    assert projects["ASC007"] == (_m("-1.500"), _m("-1.500"), 0, "On target")
    assert "ASC021" not in projects  # nil target, not in Appendix D
    total = rows[-1]
    assert (total.target, total.forecast, total.variance) == (_m("-14.213"), _m("-10.339"), _m("3.874"))


def test_the_summary_splits_off_and_on_target_from_the_projects(p10):
    off, on, total = selectors.summary_table(selectors.period_savings(p10))
    assert (off.target, off.forecast, off.variance) == (_m("-7.342"), _m("-3.468"), _m("3.874"))
    assert (on.target, on.forecast, on.variance) == (_m("-6.871"), _m("-6.871"), 0)
    assert total.target == off.target + on.target
    # the report compares with Period 7 (as the paper does), of which only revenue variances
    # were printed: savings compare with the last period holding savings figures, Period 2
    assert p10.compared_with.number == 7
    assert (off.previous_variance, on.previous_variance) == (0, 0)  # Period 2 expected full delivery


def test_the_programme_by_workstream_and_year(p10):
    rows = selectors.programme_table(selectors.period_savings(p10))
    grand = rows[-1]
    assert grand.targets == (_m("-14.213"), _m("-22.913"), _m("-10.000"))
    assert grand.programme_total == _m("-47.126")


def test_period_2_forecasts_equal_targets_and_are_on_target(demo):
    p2 = Period.objects.get(year=demo, number=2)
    data = selectors.period_savings(p2)
    assert data.rows
    assert all(r.forecast == r.target and not r.off_target for r in data.rows)


def test_one_canonical_saving_with_aliases_not_two(demo):
    saving = Saving.objects.get(code="COM033")
    assert set(saving.aliases.values_list("name", flat=True)) >= {"Replacement of planning beds"}
    assert saving.forecasts.count() == 2  # P2 and P10, one record
    assert Saving.objects.get(code="ASC006-YA").part_of.code == "ASC006"


def test_mitigations_are_kept_apart_from_the_programme(p10):
    data = selectors.period_savings(p10)
    assert [m.name for m in data.mitigations] == ["Transport", "Service User income", "Independence Matters"]
    assert data.mitigations[2].one_off and data.mitigations[2].target is None
    assert data.total().forecast == _m("-10.339")  # the 1.775 of mitigations are not in it


def test_the_papers_arithmetic_is_checked_and_the_mismatches_recorded(demo):
    notes = FidelityNote.objects.filter(source__startswith="Savings programme:")
    errors = notes.filter(kind=FidelityNote.Kind.ERROR)
    assert errors.count() == 6
    off = errors.get(subject="off target", column="target 2017-18")
    assert (off.printed, off.computed) == (_m("-6.842"), _m("-7.342"))
    assert notes.filter(kind=FidelityNote.Kind.GAP).count() == 16
    assert notes.filter(kind=FidelityNote.Kind.ROUNDING).count() == 2  # "£47m" twice


def test_loading_again_changes_nothing_and_keeps_edits(demo):
    models = (Saving, SavingAlias, SavingTarget, SavingForecast, Mitigation, FidelityNote)
    counts = [m.objects.count() for m in models]
    load_demo()
    assert [m.objects.count() for m in models] == counts
    edited = SavingForecast.objects.get(saving__code="ASC007", period__number=10)
    edited.forecast = _m("-1.400")
    edited.save()
    load_demo()
    assert SavingForecast.objects.get(pk=edited.pk).forecast == _m("-1.400")


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("savings-summary", "Total savings,-14.213,-10.339,3.874,0.000"),  # as at Period 2
        ("savings-programme", "Total savings,-14.213,-22.913,-10.000,-47.126"),
        ("savings-projects", "Radical review of daycare services,ASC013,,-1.000,-0.266,0.734,Off target"),
    ],
)
def test_export_table_writes_each_savings_table(demo, table, expected):
    out = io.StringIO()
    call_command("export_table", year="2017-18", period=10, table=table, stdout=out)
    assert expected in out.getvalue().splitlines()
