"""A lead imports reserves and the capital programme through the upload page: a bad file's
problems are listed by row and column (and the page stays accessible), then a clean file lands
on the statement."""

import pytest
from playwright.sync_api import expect

from reserves.models import CapitalPosition, ReservePosition
from tests.browser.axe import violations
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

FILES = {
    "reserves": (
        "code,name,balance_1_april,proposed_usage,description\n",
        "PROV-DD,,4157000,111000,\nRES-NOPE,,1,2,\nRES-MDF,,lots,-20000,\n",
        "PROV-DD,Doubtful Debts provision,4157000,111000,\n",
        ["Unknown reserve or provision 'RES-NOPE'", "RES-MDF: Enter an amount in pounds"],
        "Doubtful Debts provision",
    ),
    "capital": (
        "code,name,current_budget,forecast_outturn,next_year_draft\n",
        "CAP-KIT,,30000,0,0\nCAP-KIT,,1,1,1\nCAP-DFG,,6924000,,0\n",
        "CAP-DFG,,6924000,6924000,0\n",
        ["CAP-KIT appears twice (first at row 2)", "CAP-DFG: give a forecast outturn"],
        "Disabled Facilities Grant",
    ),
}


def _submit(page, path) -> None:
    page.get_by_label("Financial year").fill("2017-18")
    page.get_by_label("Period", exact=True).fill("11")
    page.get_by_label("CSV or Excel file").set_input_files(str(path))
    page.get_by_role("button", name="Check and import").click()


@pytest.mark.parametrize("kind", list(FILES))
def test_lead_sees_every_problem_accessibly_then_imports_a_clean_file(axe_page, live_demo, tmp_path, kind):
    header, bad_rows, good_rows, messages, shown = FILES[kind]
    page = axe_page
    bad, good = tmp_path / f"bad-{kind}.csv", tmp_path / f"{kind}.csv"
    bad.write_text(header + bad_rows)
    good.write_text(header + good_rows)
    model = ReservePosition if kind == "reserves" else CapitalPosition

    sign_in(page, live_demo, "lead", "lead-demo-2017")
    page.goto(f"{live_demo}/periods/2017-18/11/{kind}/")
    page.get_by_role("link", name="from a spreadsheet").click()
    _submit(page, bad)
    expect(page.get_by_role("alert")).to_contain_text("2 problems in the file: nothing has been saved")
    problems = page.get_by_role("table", name="Problems in the file")
    for message in messages:
        expect(problems).to_contain_text(message)
    page.wait_for_load_state("networkidle")  # the progress script writes the answer in; let it settle
    assert violations(page) == []
    # Period 11 holds Period 10's rows, carried forward: the bad file changed none of them
    carried = list(model.objects.filter(period__number=11).order_by("pk").values_list())
    assert carried and all(row.carried_from_id for row in model.objects.filter(period__number=11))

    _submit(page, good)
    # the file's one row confirms its carried row (no longer carried forward), even with the same figures
    expect(page.get_by_text(f"Imported {kind}.csv: 1 changed, 0 added, 0 unchanged.")).to_be_visible()
    assert page.url.endswith(f"/periods/2017-18/11/{kind}/")
    expect(page.get_by_role("table")).to_contain_text(shown)
    assert model.objects.filter(period__number=11).count() == len(carried)
    assert model.objects.filter(period__number=11, carried_from__isnull=True).count() == 1
