"""What every kind of import promises, whatever it loads: the one runner's contract, checked for
each registered kind (per-kind files test their own columns, rules and round trips)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from ascweb.caching import data_stamp
from ascweb.importing import template_csv
from ascweb.models import Period
from ascweb.registry import registry
from tests.factories.imports import import_file, imported, problems

# one good row of each kind (after the kind's own header row)
GOOD_ROW = {
    "period": "STU-OP,,,1,1,",
    "net-expenditure": "2017-18,11,,5",
    "savings": "ASC020,,,-125000,On target,,,",
    "savings-workstreams": "PI,Promoting Independence,NEW,A new workstream",
    "savings-list": "NEW1,A new saving,EHP,,,",
    "savings-targets": "ASC007,2020-21,-1,",
    "savings-mitigations": "A mitigation,,1,No,,",
    "savings-totals": "A paper,a total,forecast,1,,,,not in the sources",
    "ibcf": "iBCF1,,1,1,",
    "reserves": "PROV-DD,,1,2,",
    "capital": "CAP-KIT,,1,2,3",
    "reserves-list": "RES-NEW,A new reserve,Reserve,",
    "capital-schemes": "CAP-NEW,A new scheme",
    "reserves-printed": "A paper,a total,balance 1 april,1,,,,,not in the sources",
    "capital-printed": "A paper,a total,programme,1,,,,,not in the sources",
    "printed-figures": "Test paper,STU-OP,,,,1,,",  # not what the lines add up to: one note
    "source-gaps": "Test paper,Appendix A,Variance @ Pd 7,,,Not in the sources",
    "printed-variances": "2017-18,7,STU-OP,,1,Test paper",
    "reporting-lines": "STU-NEW,New line,Line,STU,99,,yes,no,",
    "outturn": "2016-17,EHP-SD,,1,1",
    "budget-profile": "2018-19,Straight twelfths,,,,",
    "area-assignments": "lead,MFHR",
    "ibcf-grant-streams": "WPG,Winter pressures grant,Winter pressures grant,,",
    "ibcf-grants": "SB2017,2020-21,1,,,,,",
    "ibcf-schemes": "iBCF12,Protect,Meeting social care needs,,A new scheme,",
    "ibcf-plan-versions": "Period 11 plan,2018-04-01,",
    "ibcf-plan": "Period 10 plan,iBCF1,2020-21,1,,,,,",
    "ibcf-acute-systems": "North,North (North CCG),",
    "ibcf-acute-split": "July 2017 plan,Eastern,2020-21,1,,,,,",
    "indicators": "NEW,A new indicator,,,Count,Lower is better,Added up over the months,,,,,",
    "performance": "DTOC,Trust,A new trust,,1",
    "performance-targets": "DTOC,Trust,NNUH,Jul,Jan,1",
    "performance-commentary": "NEA,A comment",
    "planning-rounds": "November 2017,2018-19,,,",
    "planning-departments": "NEW,A new department,ASCC,Adult Social Care Committee",
    "planning-bridge": "October 2017,2018-19,agreed_gap,1,",
    "planning-assumptions": "October 2017,2018-19,1,1.99,3,1",
    "planning-allocation": "October 2017,CHS,2018-19,1,-1,,",
    "planning-timetable": "October 2017,2018-02-12,County Council agrees the budget",
    "planning-risks": "October 2017,A risk,",
}
PER_PERIOD = [name for name in GOOD_ROW if registry.import_kinds[name].per_period]


def _file(kind: str) -> str:
    return template_csv(registry.import_kinds[kind].columns, []) + GOOD_ROW[kind] + "\n"


def test_every_registered_kind_is_covered_here():
    assert set(registry.import_kinds) == set(GOOD_ROW)


@pytest.mark.parametrize("kind", GOOD_ROW)
def test_the_good_row_imports_and_is_recorded(open_period, kind):
    report = import_file(kind, _file(kind), year="2017-18", number=11)
    assert report.ok and report.created + report.changed == 1
    record = imported().get()
    assert (record.kind, record.rows, record.user.username) == (registry.import_kinds[kind].title, 1, "lead")


@pytest.mark.parametrize("kind", PER_PERIOD)
def test_a_published_period_is_refused_and_nothing_is_written(demo, kind):
    before = data_stamp()
    found = problems(import_file(kind, _file(kind), year="2017-18", number=10))
    assert found == ["File, period: Period 10 (January) 2017-18 is published; re-open it first"]
    assert data_stamp() == before and not imported().exists()


@pytest.mark.parametrize("kind", [k for k in PER_PERIOD if not registry.import_kinds[k].creates_period])
def test_a_period_not_started_is_not_created(demo, kind):
    found = problems(import_file(kind, _file(kind), year="2017-18", number=12))
    assert found == ["File, period: There is no Period 12 of 2017-18 yet: start it first"]
    assert not Period.objects.filter(year__code="2017-18", number=12).exists()


@pytest.mark.parametrize("username", ["officer", "member"])
@pytest.mark.parametrize("kind", GOOD_ROW)
def test_only_a_lead_may_import(open_period, kind, username):
    before = data_stamp()
    with pytest.raises(PermissionDenied):
        import_file(kind, _file(kind), username=username, year="2017-18", number=11)
    assert data_stamp() == before


@pytest.mark.parametrize("persona", ["officer_client", "member_client"])
@pytest.mark.parametrize("kind", GOOD_ROW)
def test_the_upload_page_is_for_the_lead_only(request, open_period, kind, persona):
    client = request.getfixturevalue(persona)
    url = "/net-expenditure/upload/" if kind == "net-expenditure" else f"/imports/{kind}/"
    before = data_stamp()
    assert client.get(url).status_code == 403
    upload = SimpleUploadedFile("f.csv", _file(kind).encode())
    assert client.post(url, {"year": "2017-18", "number": "11", "file": upload}).status_code == 403
    assert data_stamp() == before
