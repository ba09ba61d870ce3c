"""The Better Care Fund metrics: the paper's dashboard through the demo's import files, the
member page and dashboard line, the export, every role's access, the officers' forms and the
import's round trip."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client

from ascweb.importing import template_csv
from ascweb.models import FidelityNote
from ascweb.registry import registry
from performance.models import Commentary, SeriesValues
from performance.selectors import dashboard
from tests.factories.imports import import_file

P10, P11 = "/periods/2017-18/10", "/periods/2017-18/11"


def _export(year="2017-18", period=10) -> dict:
    out = io.StringIO()
    call_command("export_table", year=year, period=period, table="bcf-metrics", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    return {(r["indicator"].split()[0], r["group"], r["breakdown"]): r for r in rows}


def test_export_gives_the_papers_figures(demo):
    rows = _export()
    nea = rows[("Total", "Total", "Norfolk Total")]
    assert (nea["jan"], nea["ytd"], nea["ytd_target"], nea["ytd_rate_per_100000"]) == (
        "8387",
        "77838",
        "78934",
        "10712.9",
    )
    assert nea["rating"] == "Meeting target"
    dtoc = rows[("Delayed", "Total", "Norfolk Total")]
    assert (dtoc["apr"], dtoc["q1"], dtoc["q3"], dtoc["ytd"], dtoc["ytd_target"]) == (
        "2489",
        "7477",
        "8538",
        "18423",
        "13566",
    )
    assert dtoc["ytd_rate_per_100000"] == "2535.6"
    assert dtoc["rating"] == "> 5% over target"
    social = rows[("Delayed", "Responsible organisation", "Social Care")]
    assert (social["jan"], social["ytd"], social["ytd_target"]) == ("1078", "8052", "4461")
    assert rows[("Delayed", "Trust", "NNUH")]["ytd"] == "7675"  # July to January, as printed
    reablement = rows[("Proportion", "Total", "Norfolk Total")]
    assert (reablement["jan"], reablement["ytd"], reablement["rating"]) == ("96", "96", "Meeting target")
    residential = rows[("Long-term", "Total", "Norfolk Total")]
    assert residential["rating"] == "Meeting target"


def test_printed_totals_that_do_not_add_up_are_fidelity_notes(demo):
    notes = FidelityNote.objects.filter(source__startswith="Better Care Fund dashboard")
    residential = notes.filter(subject__startswith="Long-term support", column="YTD", subject__endswith="figure").get()
    assert (residential.printed, residential.computed, residential.kind) == (1031000, 1022000, "error")
    assert not notes.filter(subject__startswith="Delayed", column="Q1").exists()  # adds up


def test_member_page_and_dashboard_line(demo):
    member = Client()
    member.force_login(_user("member"))
    page = member.get(f"{P10}/performance/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Meeting target" in text and "&gt; 5% over target" in text
    assert "✓" in text and "chart-dtoc-data" in text
    assert "Enter figures" not in text
    home = member.get(f"{P10}/dashboard/")
    assert "Better Care Fund metrics" in home.content.decode()


def _user(name):
    from django.contrib.auth.models import User

    return User.objects.get(username=name)


@pytest.mark.parametrize(
    ("persona", "page", "form"),
    [("anonymous", 302, 302), ("member", 200, 404), ("officer2", 200, 200), ("officer", 200, 404), ("lead", 200, 200)],
)
def test_every_roles_access(persona, page, form, open_period):
    client = Client()
    if persona != "anonymous":
        client.force_login(_user(persona))
    assert client.get(f"{P10}/performance/").status_code == page
    # DTOC is assigned to officer2; officer is an unassigned officer
    edit = f"{P11}/performance/DTOC/edit/"
    assert client.get(edit).status_code == (404 if persona == "member" else form)
    if persona in ("officer2", "lead"):
        assert client.get(f"{P10}/performance/DTOC/edit/").status_code == 403  # published: locked


def test_officer_enters_figures_and_commentary_with_version_checks(open_period):
    client = Client()
    client.force_login(_user("officer2"))
    view = next(v for v in dashboard(open_period) if v.indicator.code == "DTOC")
    assert view.total.months[9] == Decimal(2688)  # carried forward from Period 10
    row = SeriesValues.objects.get(period=open_period, series__name="Social Care")
    page = client.get(f"{P11}/performance/DTOC/edit/")
    data = _form_data(page)
    data[f"feb_{row.series_id}"] = "890"
    response = client.post(f"{P11}/performance/DTOC/edit/", data)
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.feb, row.carried_from_id, row.version) == (Decimal(890), None, 2)
    assert client.post(f"{P11}/performance/DTOC/edit/", data).status_code == 409  # drawn at the old version
    assert row.history.count() >= 2
    response = client.post(
        f"{P11}/performance/DTOC/commentary/", {"text": "February improved", f"version_{view.indicator.id}": "1"}
    )
    assert response.status_code == 302
    assert Commentary.objects.get(period=open_period, indicator=view.indicator).text == "February improved"


def _form_data(page) -> dict:
    form = page.context["form"]
    return {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}


def test_import_round_trip_and_lead_only(open_period):
    kind = registry.import_kinds["performance"]
    before = sorted(SeriesValues.objects.filter(period=open_period).values_list("series_id", "jan"))
    text = template_csv(kind.columns, kind.template_rows(open_period))
    report = import_file("performance", text, year="2017-18", number=11)
    assert report.ok, report.problems
    assert sorted(SeriesValues.objects.filter(period=open_period).values_list("series_id", "jan")) == before
    assert report.changed == len(before)  # carried rows are confirmed by the file
    bad = import_file("performance", "code,group,breakdown,apr\nDTOC,Trust,NNUH,lots\n", year="2017-18", number=11)
    assert [p.column for p in bad.problems] == ["apr"]
    with pytest.raises(PermissionDenied):
        import_file("performance", text, username="officer2", year="2017-18", number=11)


def test_templates_download_as_csv_and_xlsx(lead_client, open_period):
    for fmt in ("csv", "xlsx"):
        response = lead_client.get(f"{P11}/templates/performance.{fmt}")
        assert response.status_code == 200
    assert b"DTOC,Trust,NNUH" in lead_client.get(f"{P11}/templates/performance.csv").content


def test_the_fidelity_page_says_counts_in_words(demo, lead_client):
    page = lead_client.get("/fidelity/").content.decode()
    assert "YTD: the paper prints 1031, the CCG rows make 1022" in page


def test_carried_figures_are_checks_before_publishing_and_in_the_workspace(open_period):
    from ascweb.lifecycle import period_checks

    keys = {check.key for check in period_checks(open_period) if check.section == "Performance"}
    assert "performance:carried:DTOC:Responsible organisation:Social Care" in keys
    assert "performance-commentary:carried:DTOC" in keys
    client = Client()
    client.force_login(_user("officer2"))
    page = client.get(f"{P11}/workspace/").content.decode()
    assert "Delayed transfers of care" in page and "Total non-elective" not in page


def test_the_kpi_page_reads_in_a_fixed_number_of_queries(demo, django_assert_max_num_queries):
    client = Client()
    client.force_login(_user("member"))
    client.get(f"{P10}/performance/")  # warm the session
    with django_assert_max_num_queries(15):
        assert client.get(f"{P10}/performance/").status_code == 200


def test_the_xlsx_template_round_trips(lead_client, open_period):
    before = sorted(SeriesValues.objects.filter(period=open_period).values_list("series_id", "apr", "jan"))
    workbook = lead_client.get(f"{P11}/templates/performance.xlsx").content
    report = import_file("performance", workbook, year="2017-18", number=11, filename="performance.xlsx")
    assert report.ok, report.problems
    after = sorted(SeriesValues.objects.filter(period=open_period).values_list("series_id", "apr", "jan"))
    assert after == before
