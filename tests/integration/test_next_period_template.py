"""The template of a period not started yet: the period after the latest one gets the latest's
figures, for every kind a period's figures come in by (the command and the page alike); any
other period that does not exist is a clear error."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ascweb.registry import registry

PER_PERIOD = [kind.name for kind in registry.imports() if kind.per_period]


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


def _command(tmp_path, kind: str, number: int, suffix: str = "csv") -> tuple[str, str]:
    path, out = tmp_path / f"t.{suffix}", io.StringIO()
    call_command("export_template", kind=kind, year="2030-31", period=number, output=str(path), stdout=out)
    return (path.read_text(encoding="utf-8") if suffix == "csv" else ""), out.getvalue()


def test_every_per_period_kind_is_offered_the_officers_figures_among_them():
    assert {"period", "savings", "savings-mitigations", "ibcf", "reserves", "capital"} <= set(PER_PERIOD)


@pytest.mark.parametrize("kind", PER_PERIOD)
def test_the_command_writes_the_next_periods_template_from_the_latest_periods_figures(small_council, tmp_path, kind):
    latest, _ = _command(tmp_path, kind, 10)
    following, said = _command(tmp_path, kind, 11)
    assert following == latest
    assert "Period 11 (February) 2030-31, from Period 10 (January) 2030-31" in said


def test_the_next_periods_template_holds_the_latest_figures(small_council, tmp_path):
    assert (
        "A-1,Home care,Area A,10000000,10500000,Demand for home care is above plan."
        in _command(tmp_path, "period", 11)[0]
    )
    assert "Retender in April." in _command(tmp_path, "savings", 11)[0]
    assert "Recruitment is complete." in _command(tmp_path, "ibcf", 11)[0]
    assert "R-DEBT" in _command(tmp_path, "reserves", 11)[0]
    assert "C-1" in _command(tmp_path, "capital", 11)[0]


def test_the_excel_template_of_the_next_period_is_titled_for_it(small_council, tmp_path):
    from openpyxl import load_workbook

    _command(tmp_path, "reserves", 11, suffix="xlsx")
    workbook = load_workbook(tmp_path / "t.xlsx")
    title = "Period 11 (February) 2030-31, from Period 10 (January) 2030-31: reserves and provisions"
    assert workbook.properties.title == title
    assert workbook.active.max_row == 3  # the header and the two reserves


@pytest.mark.parametrize(
    ("year", "number"), [("2030-31", 12), ("2030-31", 3), ("2031-32", 1), ("2029-30", 11)], ids=str
)
def test_any_other_missing_period_is_a_clear_error(small_council, tmp_path, year, number):
    with pytest.raises(CommandError) as error:
        call_command(
            "export_template",
            kind="savings",
            year=year,
            period=number,
            output=str(tmp_path / "t.csv"),
            stdout=io.StringIO(),
        )
    assert str(error.value) == (
        f"No Period {number} of {year}: a template is for a period that exists or for the next one, "
        "Period 11 of 2030-31"
    )


def test_after_the_year_end_the_next_template_is_the_next_years_first_period(small_council, tmp_path):
    from ascweb.lifecycle import period_create_next

    period_create_next(user=small_council.lead, year=small_council.year, number=13)
    path = tmp_path / "t.csv"
    call_command("export_template", year="2031-32", period=1, output=str(path), stdout=io.StringIO())
    assert "A-1,Home care" in path.read_text()


def test_with_no_period_at_all_there_is_no_template(db, tmp_path):
    with pytest.raises(CommandError, match="There are no periods yet"):
        call_command("export_template", year="2030-31", period=1, output=str(tmp_path / "t.csv"), stdout=io.StringIO())


@pytest.mark.parametrize("kind", PER_PERIOD)
def test_the_page_gives_the_next_periods_template_for_every_kind(lead_client, kind):
    latest = lead_client.get(f"/periods/2030-31/10/templates/{kind}.csv")
    following = lead_client.get(f"/periods/2030-31/11/templates/{kind}.csv")
    assert following.status_code == 200
    assert following.content == latest.content
    suffix = "" if kind == "period" else f"-{kind}"
    assert following["Content-Disposition"] == f'attachment; filename="ascweb-2030-31-P11{suffix}.csv"'


def test_officers_get_the_next_template_members_never_and_other_periods_do_not_exist(
    officer_client, member_client, lead_client
):
    assert officer_client.get("/periods/2030-31/11/templates/period.xlsx").status_code == 200
    assert member_client.get("/periods/2030-31/11/templates/period.csv").status_code == 404
    assert member_client.get("/periods/2030-31/10/templates/period.csv").status_code == 403
    assert lead_client.get("/periods/2030-31/12/templates/period.csv").status_code == 404


def test_the_upload_page_offers_the_next_periods_template(lead_client):
    page = lead_client.get("/imports/savings/").content.decode()
    assert "Period 11 (February) 2030-31, from Period 10 (January) 2030-31 (not started yet)" in page
    assert 'href="/periods/2030-31/11/templates/savings.xlsx"' in page
    assert "/templates/" not in lead_client.get("/imports/reserves-list/").content.decode().split("<form")[0]
