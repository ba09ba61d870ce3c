"""Importing net expenditure: the command and the lead's upload page share the importer every
kind of figure uses. Every problem names its row and column; nothing is saved unless the
whole file is good."""

from io import BytesIO

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from openpyxl import Workbook

from ascweb.importing import FileProblem
from ascweb.models import FinancialYear
from ascweb.money import parse_amount
from finance.models import NetExpenditure, ReportingLine
from tests.factories.imports import import_file, imported, problems

URL = "/net-expenditure/upload/"
HEADER = "year,period,area,amount\n"


def _import(text: str, username: str = "lead"):
    return import_file("net-expenditure", text, username=username)


def _problems(text: str) -> list[str]:
    return problems(_import(text))


def test_areas_are_matched_by_code_name_or_alias_and_blank_is_the_department(demo):
    result = _import(
        HEADER + '2018-19,1,STU,"1,000"\n2018-19,1,commissioned services,(250.50)\n'
        '2018-19,1,Early Help and Prevention,-3\n2018-19,2,,"£12,345.67"\n'
    )
    assert (result.created, result.changed) == (4, 0)
    year = FinancialYear.objects.get(code="2018-19")
    held = {(n.period, n.area.code if n.area else None): n.amount for n in NetExpenditure.objects.filter(year=year)}
    assert held == {(1, "STU"): 100_000, (1, "CS"): -25_050, (1, "EHP"): -300, (2, None): 1_234_567}


def test_a_row_already_held_is_replaced(demo):
    result = _import(HEADER + '2017-18,9,,"(1,000,000)"\n')  # Period 9: not a published period
    assert (result.created, result.changed) == (0, 1)
    assert NetExpenditure.objects.get(year__code="2017-18", period=9, area=None).amount == parse_amount("-1000000")
    record = imported().get()
    assert (record.kind, record.rows, record.changed, record.filename) == ("net expenditure", 1, 1, "figures.csv")
    history = NetExpenditure.history.filter(year__code="2017-18", period=9).latest("history_date")
    assert history.history_change_reason == "Imported from figures.csv"


def test_every_problem_is_reported_with_its_row_and_column_and_nothing_is_saved(demo):
    before = list(NetExpenditure.objects.values_list("id", "amount"))
    problems = _problems(
        HEADER
        + "2017-18,11,,100\n"  # good, but not saved because of the rest
        + "2017/18,1,,100\n"
        + "2017-19,1,,100\n"
        + "2017-18,14,,100\n"
        + "2017-18,one,,100\n"
        + "2017-18,12,Nowhere,100\n"
        + "2017-18,12,,12O\n"
        + "2017-18,11,,5\n"  # repeats row 2
        + "2017-18,12,,1,2\n"
    )
    assert problems == [
        "Row 3, year: '2017/18' is not a financial year like 2017-18",
        "Row 4, year: '2017-19' is not a financial year like 2017-18",
        "Row 5, period: '14' is not a period from 1 to 13",
        "Row 6, period: 'one' is not a whole number",
        "Row 7, area: 'Nowhere' is not an expenditure area",
        "Row 8, amount: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 9, area: repeats row 2 (same year, period and area)",
        "Row 10: has more cells than there are columns",
    ]
    assert list(NetExpenditure.objects.values_list("id", "amount")) == before


def test_a_period_is_split_by_area_or_given_for_the_department_never_both(demo):
    # 2017-18 period 3 is held for the whole department in the demo data
    problems = _problems(HEADER + "2017-18,3,STU,100\n")
    assert problems == [
        "Row 2, area: 2017-18 period 3 would have figures both by area and for the whole department; "
        "give one or the other"
    ]


def test_a_file_without_the_columns_or_rows_is_refused(demo):
    with pytest.raises(FileProblem, match="missing: year, period"):
        _import("when,amount\n2017-18,1\n")
    with pytest.raises(FileProblem, match="no data rows"):
        _import(HEADER)


def test_an_excel_file_imports_like_a_csv(demo):
    workbook = Workbook()
    workbook.active.append(["Year", "Period", "Area", "Amount"])
    workbook.active.append(["2018-19", 1, "STU", 1234.5])
    out = BytesIO()
    workbook.save(out)
    report = import_file("net-expenditure", out.getvalue(), filename="net.xlsx")
    assert report.ok and report.created == 1
    assert NetExpenditure.objects.get(year__code="2018-19", period=1).amount == 123_450


def test_only_a_lead_may_import(demo):
    with pytest.raises(PermissionDenied):
        _import(HEADER + "2017-18,11,,1\n", username="officer")


def test_the_command_imports_a_file(demo, tmp_path, capsys):
    path = tmp_path / "net.csv"
    path.write_text(HEADER + '2017-18,11,,"20,000,000"\n', encoding="utf-8")
    call_command("import_net_expenditure", str(path))
    assert "Imported net expenditure from net.csv: 0 changed, 1 added" in capsys.readouterr().out
    assert NetExpenditure.objects.get(year__code="2017-18", period=11).amount == 2_000_000_000


def test_the_command_lists_every_problem_and_saves_nothing(demo, tmp_path, capsys):
    path = tmp_path / "net.csv"
    path.write_text(HEADER + "2017-18,11,,1\n2017-18,15,,x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_net_expenditure", str(path))
    err = capsys.readouterr().err
    assert "Row 3, period" in err and "Row 3, amount" in err
    assert not NetExpenditure.objects.filter(year__code="2017-18", period=11).exists()


def _upload(client: Client, text: str, name: str = "net.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")})


def test_the_lead_uploads_a_file(lead_client):
    assert lead_client.get(URL).status_code == 200
    response = _upload(lead_client, HEADER + "2017-18,11,Services to Users,5\n2017-18,11,BD,6\n")
    assert response.status_code == 302
    assert NetExpenditure.objects.filter(year__code="2017-18", period=11).count() == 2
    assert "Imported net.csv: 0 changed, 2 added, 0 unchanged." in lead_client.get(URL).content.decode()


def test_a_bad_upload_lists_its_problems_and_saves_nothing(lead_client):
    response = _upload(lead_client, HEADER + "2017-18,11,,5\n2017-18,11,Atlantis,6\n")
    assert response.status_code == 400
    body = response.content.decode()
    assert "1 problem in the file: nothing has been saved" in body
    assert "&#x27;Atlantis&#x27; is not an expenditure area" in body
    assert '<a href="#problems">' in body
    assert not NetExpenditure.objects.filter(year__code="2017-18", period=11).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("net.xlsx", b"year,period,area,amount\n", "not a readable Excel (.xlsx) file"),
        ("net.csv", b"\xff\xfe\x00bad", "not a CSV file (it contains binary data)"),
        ("net.pdf", b"%PDF-1.7", "Upload a CSV or an Excel (.xlsx) file"),
    ],
)
def test_a_file_that_is_not_csv_is_refused(lead_client, name, content, message):
    response = lead_client.post(URL, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400 and message in response.content.decode()


def test_the_upload_page_is_for_leads_only(member_client, officer_client):
    assert member_client.get(URL).status_code == 403
    assert officer_client.get(URL).status_code == 403
    assert _upload(officer_client, HEADER + "2017-18,11,,5\n").status_code == 403
    assert not NetExpenditure.objects.filter(year__code="2017-18", period=11).exists()
    response = Client().get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_area_aliases_count_only_for_expenditure_areas(demo):
    # "Other" is an alias of lines, not of an area
    assert ReportingLine.objects.filter(aliases__name="Other").exists()
    assert _problems(HEADER + "2017-18,11,Other,1\n") == ["Row 2, area: 'Other' is not an expenditure area"]


def test_history_records_each_insert_and_replacement_with_the_user_and_file(demo):
    """The bulk writer (COPY on PostgreSQL) writes the history simple_history would."""
    report = import_file(
        "net-expenditure",
        HEADER + "2017-18,9,,5\n2030-31,1,STU,7\n2030-31,1,CS,8\n",
        filename="odd\\name\twith tab.csv",
    )
    assert (report.created, report.changed, report.unchanged) == (2, 1, 0)
    again = import_file("net-expenditure", HEADER + "2030-31,1,STU,7\n2030-31,1,CS,9\n")
    assert (again.created, again.changed, again.unchanged) == (0, 1, 1)
    lead = User.objects.get(username="lead")
    cs = NetExpenditure.objects.get(year__code="2030-31", area__code="CS")
    assert cs.amount == 900
    trail = [
        (h.history_type, h.amount, h.history_user, h.history_change_reason)
        for h in NetExpenditure.history.filter(id=cs.id).order_by("history_id")
    ]
    assert trail == [
        ("+", 800, lead, "Imported from odd\\name\twith tab.csv"),
        ("~", 900, lead, "Imported from figures.csv"),
    ]
    replaced = NetExpenditure.history.filter(year__code="2017-18", period=9, area=None).latest("history_id")
    assert (replaced.history_type, replaced.amount) == ("~", 500)


def test_the_history_of_an_import_outlives_the_lead_who_made_it(demo):
    """History rows of bulk imports keep no database constraint on their user (one check per
    row at commit); deleting a user still empties it through Django, and the rows stay."""
    from django.contrib.auth.models import Group

    from ascweb import permissions

    temporary = User.objects.create(username="temporary-lead")
    temporary.groups.set([Group.objects.get(name=permissions.LEAD)])
    import_file("net-expenditure", HEADER + "2030-31,1,STU,7\n2030-31,1,CS,8\n", username="temporary-lead")
    assert NetExpenditure.history.filter(history_user=temporary).count() == 2
    temporary.delete()
    kept = NetExpenditure.history.filter(year__code="2030-31")
    assert [(h.history_type, h.amount, h.history_user_id) for h in kept.order_by("amount")] == [
        ("+", 700, None),
        ("+", 800, None),
    ]


def test_an_import_keeps_other_writers_of_net_expenditure_waiting_until_it_ends(demo):
    """Two imports of the same figures queue rather than both inserting (which the unique
    constraint would turn into an error): the table is locked before what is held is read."""
    import psycopg
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time anyway")
    settings = connection.settings_dict
    with transaction.atomic():  # the import's own transaction, still open after it returns
        report = import_file("net-expenditure", HEADER + "2017-18,9,,5\n")  # replaces a row: no insert
        assert (report.created, report.changed) == (0, 1)
        with psycopg.connect(
            dbname=settings["NAME"], host=settings["HOST"], port=settings["PORT"], user=settings["USER"]
        ) as other:
            other.execute("SET lock_timeout = '200ms'")
            with pytest.raises(psycopg.errors.LockNotAvailable):
                other.execute(
                    "INSERT INTO finance_netexpenditure (year_id, period, area_id, amount) "
                    "SELECT id, 1, NULL, 0 FROM finance_financialyear LIMIT 1"
                )
            other.rollback()
            # readers carry on (under the same lock timeout) and see nothing uncommitted
            seen = other.execute("SELECT count(*) FROM finance_netexpenditure").fetchone()
            assert seen == (0,) and NetExpenditure.objects.count() > 0


def test_net_expenditure_history_keeps_up_only_the_indexes_it_is_read_by(db):
    """Imports write this history 100,000 rows at a time: every index costs a write per row."""
    from django.db import connection

    table = NetExpenditure.history.model._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    indexed = sorted(tuple(c["columns"]) for c in constraints.values() if c["index"] or c["primary_key"])
    assert indexed == [("history_id",), ("id",)]
    assert not any(c["foreign_key"] for c in constraints.values())
