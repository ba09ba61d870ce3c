"""The reserves statements and the capital programme as the Norfolk papers' import files
(data/norfolk/reserves.toml): each reference file is its kind's template, each period's file is
its template with the printed total rows, the papers' other printed figures are checked (never
stored) against the rows, and every new kind reports a bad row by row and column, saving nothing."""

import io

import pytest
from django.core.management import call_command

from ascweb import permissions
from ascweb.demo import data_dir, load_files, manifest
from ascweb.importing import template_csv
from ascweb.models import FidelityNote, FinancialYear, ImportRecord, Period
from ascweb.registry import registry
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition
from tests.factories.finance import UserFactory
from tests.factories.imports import import_file, problems

M = 100_000  # pence in £0.001m, the unit the papers print
PRINTED_HEADER = "source,subject,column,printed,{items},figures,printed_as,rounded_to,comment\n"
TOTAL_CODES = ("TOTAL", "TOTAL PROVISIONS", "TOTAL RESERVES")


@pytest.fixture
def lead(db):
    return UserFactory(username="lead", role=permissions.LEAD)


@pytest.fixture
def reports(lead) -> list:
    """Periods 2 and 10 of 2017-18 open (as the revenue files leave them), then every file of
    data/norfolk/reserves.toml through the generic loader's one runner."""
    year = FinancialYear.objects.create(code="2017-18", start_year=2017)
    for number in (2, 10, 11):
        Period.objects.create(year=year, number=number, status=Period.Status.OPEN)
    reserves = next(data for data in registry.demo_data if data.name == "reserves")
    return load_files(reserves, lead)


def _state():
    models = (Reserve, CapitalScheme, ReservePosition, CapitalPosition, FidelityNote)
    return [sorted(model.objects.values_list()) for model in models], ImportRecord.objects.count()


def _notes(prefix: str) -> dict[tuple[int, str, str, str], tuple[int, int, int, str]]:
    notes = FidelityNote.objects.filter(source__startswith=prefix)
    return {
        (n.period.number, n.source.removeprefix(prefix), n.subject, n.column): (
            n.printed,
            n.computed,
            n.tolerance,
            n.kind,
        )
        for n in notes
    }


# --- Each file is its kind's template --------------------------------------------------------------


@pytest.mark.parametrize("entry", manifest("reserves.toml"), ids=lambda entry: entry.path)
def test_each_files_template_comes_out_as_it_went_in(reports, tmp_path, entry):
    """A statement's file is its template with the printed total rows; a printed figures file's
    template is the header to fill in."""
    path, out = tmp_path / "template.csv", io.StringIO()
    call_command(
        "export_template", kind=entry.kind, year="2017-18", period=entry.period or 10, output=str(path), stdout=out
    )
    lines = (data_dir() / entry.path).read_text(encoding="utf-8").splitlines(keepends=True)
    if entry.kind in ("reserves", "capital"):
        lines = [line for line in lines if not line.startswith(TOTAL_CODES)]
    elif entry.kind.endswith("-printed"):
        lines = lines[:1]
    assert path.read_text(encoding="utf-8") == "".join(lines), out.getvalue()


@pytest.mark.parametrize("kind", ["reserves-list", "capital-schemes"])
def test_a_reference_template_imports_back_changing_nothing(reports, kind):
    import_kind = registry.import_kinds[kind]
    text = template_csv(import_kind.columns, import_kind.template_rows(None))
    before = _state()
    report = import_file(kind, text)
    assert report.ok and (report.created, report.changed) == (0, 0)
    assert report.unchanged == (12 if kind == "reserves-list" else 17)
    assert _state()[0] == before[0]


# --- The papers' figures and their slips ---------------------------------------------------------


def test_the_files_give_the_statements_in_the_papers_order(reports):
    assert list(Reserve.objects.values_list("code", flat=True)) == [
        "PROV-DD",
        "RES-PREV",
        "RES-MDF",
        "RES-RR",
        "RES-WFG",
        "RES-PHSP",
        "RES-SP",
        "RES-IT",
        "RES-IBCF",
        "RES-UGC",
        "RES-VPRP",
        "RES-MHU",
    ]
    assert list(Reserve.objects.values_list("order", flat=True)) == list(range(12))
    assert CapitalScheme.objects.count() == 17
    assert ReservePosition.objects.filter(period__number=2).count() == 7
    assert CapitalPosition.objects.filter(period__number=10).count() == 17
    p2_prevention = ReservePosition.objects.get(period__number=2, reserve__code="RES-PREV")
    assert "£0.131m was brought-forward" in p2_prevention.description  # Period 2's own wording
    assert ReservePosition.objects.get(period__number=10, reserve__code="RES-PREV").description == ""


def test_the_statements_total_rows_are_filed_under_the_paper(reports):
    assert _notes("Reserves and provisions, Period 10 report, Appendix E") == {
        (10, "", "Total Adult Social Care Reserves", "balance 1 april"): (2_074 * M, 2_075 * M, 6 * M, "rounding"),
        (10, "", "Total Adult Social Care Reserves", "proposed usage"): (12_321 * M, 12_320 * M, 6 * M, "rounding"),
        (10, "", "Total Adult Social Care Reserves", "balance 31 march"): (14_394 * M, 14_395 * M, 6 * M, "rounding"),
        (10, "", "Total Reserves & Provisions", "balance 1 april"): (6_230 * M, 6_232 * M, 650_000, "rounding"),
        (10, "", "Total Reserves & Provisions", "proposed usage"): (12_432 * M, 12_431 * M, 650_000, "rounding"),
        (10, "", "Total Reserves & Provisions", "balance 31 march"): (18_662 * M, 18_663 * M, 650_000, "rounding"),
    }
    assert _notes("Capital programme, Period 10 report, Appendix F") == {
        (10, "", "TOTAL", "current budget"): (19_151 * M, 19_152 * M, 9 * M, "rounding"),
        (10, "", "TOTAL", "forecast outturn"): (17_761 * M, 17_593 * M, 9 * M, "error"),
    }
    assert not FidelityNote.objects.filter(source__contains="import of").exists()


def test_the_figures_in_the_text_are_checked_against_what_they_add_up(reports):
    reserves = _notes("Reserves and provisions, ")
    assert len(reserves) == 24
    gaps = {key[2]: value for key, value in reserves.items() if value[3] == "gap"}
    assert gaps == {
        "reserves: proposed use for transformation / Promoting Independence": (400 * M, 0, 0, "gap"),
        "reserves: corporate review of reserves (zero based review 0.070 + Care Act 0.080)": (150 * M, 0, 0, "gap"),
        "reserves: zero based review": (70 * M, 0, 0, "gap"),
        "reserves: unallocated Care Act implementation": (80 * M, 0, 0, "gap"),
    }
    # 'planned use of £0.412m': the four draw-downs add up exactly, so no note
    assert not any("planned use" in key[2] for key in reserves)
    # '£10.9m' carried forward: printed to £0.1m, against the table's 10.971
    ibcf = reserves[
        (
            10,
            "Period 10 report, paragraph 2.10.6",
            "iBCF grant proposed to be carried forward within reserves",
            "proposed usage",
        )
    ]
    assert ibcf == (10_900 * M, 10_971 * M, 10_000_000, "rounding")
    capital = _notes("Capital programme, ")
    programme = capital[
        (10, "Period 10 report, paragraph 2.11.1", "three year capital programme", "2017/18 budget + 2018/19 draft")
    ]
    assert programme == (21_870 * M, 22_236 * M, 35 * 50_000, "error")  # 17 schemes' two figures
    assert len(capital) == 5


def test_loading_the_files_again_changes_nothing(reports, lead):
    before = _state()
    reserves = next(data for data in registry.demo_data if data.name == "reserves")
    assert load_files(reserves, lead) == []
    assert _state() == before


# --- Printed figures: checked, never stored --------------------------------------------------------


def test_a_printed_figure_imported_again_replaces_its_note_and_no_other(reports):
    totals = _notes("Reserves and provisions, Period 10 report, Appendix E")
    text = PRINTED_HEADER.format(items="reserves") + (
        '"Period 10 report, Appendix E",Total Adult Social Care Reserves,balance 31 march,14000000,TOTAL RESERVES,'
        "balance_31_march,,,\n"
    )
    report = import_file("reserves-printed", text, year="2017-18", number=10)
    assert report.ok and report.created == 1
    after = _notes("Reserves and provisions, Period 10 report, Appendix E")
    changed = (10, "", "Total Adult Social Care Reserves", "balance 31 march")
    assert after[changed] == (14_000 * M, 14_395 * M, 6 * M, "error")
    assert {key: value for key, value in after.items() if key != changed} == {
        key: value for key, value in totals.items() if key != changed
    }
    assert ReservePosition.objects.filter(period__number=10).count() == 12  # nothing stored


def test_a_printed_figure_may_add_up_several_figures_of_several_rows(reports):
    text = PRINTED_HEADER.format(items="schemes") + (
        "P11 paper,two schemes,both years,7078000,CAP-DFG; cap-kit,current_budget+next_year_draft,,,\n"
        "P11 paper,slippage,slippage,1559000,TOTAL,slippage,,,\n"
    )
    for model in (ReservePosition, CapitalPosition):
        for position in model.objects.filter(period__number=10):
            position.pk, position.period = None, Period.objects.get(number=11)
            position.save()
    report = import_file("capital-printed", text, year="2017-18", number=11)
    assert report.ok, report.problems
    assert report.notes[0] == "Row 2: two schemes both years: file says 7.078, schemes sum to 6.954 (does not add up)"
    assert report.notes[1] == "Row 3: slippage slippage: file says 1.559, schemes sum to 1.559 (adds up)"


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        (
            "reserves-list",
            "code,name,kind,description\n"
            "RES-NEW,A new reserve,Fund,\n"  # not a kind
            ",Nameless,Reserve,\n"  # no code
            "res-new,Again,Reserve,\n"  # a repeat, case aside
            "RES-X,,Provision,\n",  # no name
            [
                "Row 2, kind: RES-NEW: 'Fund' is not one of: Provision, Reserve",
                "Row 3, code: give a code",
                "Row 5, name: RES-X: give a name",
            ],
        ),
        (
            "capital-schemes",
            "code,name\nCAP-KIT,Kitchens\ncap-kit,Again\n" + f"CAP-LONG,{'x' * 301}\n",
            [
                "Row 3, code: cap-kit appears twice (first at row 2)",
                "Row 4, name: CAP-LONG: keep it under 300 characters",
            ],
        ),
        (
            "reserves-printed",
            PRINTED_HEADER.format(items="reserves")
            + "P,all,balance,1,TOTAL; RES-NOPE,balance_1_april,,,\n"  # an unknown code
            + "P,all,closing,1,TOTAL,closing balance,,,\n"  # not a figure of a reserve
            + "P,quoted,usage,1,,,,,\n"  # no reserves and no reason why
            + "P,all,balance,2,TOTAL,balance_1_april,,,\n"  # a repeat
            + "P,all,usage,1,TOTAL,proposed_usage,,0,\n"  # a unit of nothing
            + "P,all,twice,x,TOTAL,proposed_usage,,,\n",  # not an amount
            [
                "Row 2, reserves: all balance: 'RES-NOPE' is not a reserve or provision in this period's reserves and "
                "provisions statement, or TOTAL PROVISIONS, TOTAL RESERVES, TOTAL",
                "Row 3, figures: all closing: say which figures it adds up: balance_1_april, proposed_usage, "
                "balance_31_march, or several joined by +",
                "Row 4, comment: quoted usage: say why the reserves it is made of are not known",
                "Row 5, column: P all balance appears twice (first at row 2)",
                "Row 6, rounded_to: all usage: the unit the paper rounded to, like 1000 or 1000000",
                "Row 7, printed: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
            ],
        ),
        (
            "capital-printed",
            PRINTED_HEADER.format(items="schemes")
            + "P,a scheme,programme,1,TOTAL,current_budget + balance_1_april,,,\n"  # a reserve's figure
            + "P,TOTAL RESERVES,budget,1,TOTAL RESERVES,current_budget,,,\n",  # not the programme's
            [
                "Row 2, figures: a scheme programme: say which figures it adds up: current_budget, "
                "forecast_outturn, next_year_draft, slippage, or several joined by +",
                "Row 3, schemes: TOTAL RESERVES budget: 'TOTAL RESERVES' is not a scheme in this period's capital "
                "programme, or TOTAL",
            ],
        ),
    ],
    ids=["reserves-list", "capital-schemes", "reserves-printed", "capital-printed"],
)
def test_a_files_bad_rows_are_named_and_nothing_is_saved(reports, kind, text, expected):
    before = _state()
    period = {"year": "2017-18", "number": 11} if registry.import_kinds[kind].per_period else {}
    assert problems(import_file(kind, text, **period)) == expected
    assert _state() == before


def test_a_reserve_code_not_in_the_periods_statement_is_refused(reports):
    """Period 2 printed no Improved Better Care Fund reserve: its figures cannot be summed there."""
    text = PRINTED_HEADER.format(items="reserves") + "P,ibcf,usage,1,RES-IBCF,proposed_usage,,,\n"
    assert problems(import_file("reserves-printed", text, year="2017-18", number=2)) == [
        "Row 2, reserves: ibcf usage: 'RES-IBCF' is not a reserve or provision in this period's reserves and "
        "provisions statement, or TOTAL PROVISIONS, TOTAL RESERVES, TOTAL"
    ]
