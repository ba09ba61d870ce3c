"""Importing reserves and provisions and the capital programme: the one importer every kind of
figure uses. Templates round-trip; every problem names its row and column and nothing is saved
unless the whole file is good; only a lead imports, only into an open period; printed totals
are checked, never stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from ascweb.importing import FileProblem
from ascweb.models import FidelityNote, ImportRecord
from reserves.models import CapitalPosition, Reserve, ReservePosition
from reserves.selectors import capital_table, reserves_table
from tests.factories.imports import import_file, imported, problems
from tests.forms import as_drawn

RESERVES_HEADER = "code,name,balance_1_april,proposed_usage,description\n"
CAPITAL_HEADER = "code,name,current_budget,forecast_outturn,next_year_draft\n"
P10, P11 = "/periods/2017-18/10", "/periods/2017-18/11"


def _state():
    """Everything an import of these kinds could change."""
    return (
        sorted(
            ReservePosition.objects.values_list(
                "reserve_id", "period_id", "balance_1_april", "proposed_usage", "description"
            )
        ),
        sorted(
            CapitalPosition.objects.values_list(
                "scheme_id", "period_id", "current_budget", "forecast_outturn", "next_year_draft"
            )
        ),
        ImportRecord.objects.count(),
        FidelityNote.objects.count(),
    )


def _lines(rows) -> list[tuple]:
    """A statement's item rows as printed: code, name, wording and every figure."""
    return [(row.code, row.label, getattr(row, "description", ""), row.figures) for row in rows if row.kind == "line"]


def _table(kind: str, period):
    return (reserves_table if kind == "reserves" else capital_table)(period)


# --- Templates out and back in ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("source", [2, 10])
@pytest.mark.parametrize("kind", ["reserves", "capital"])
def test_a_periods_template_imports_into_another_open_period_figure_for_figure(
    lead_client, open_period, kind, source, fmt
):
    response = lead_client.get(f"/periods/2017-18/{source}/templates/{kind}.{fmt}")
    assert response.status_code == 200
    assert f'filename="ascweb-2017-18-P{source:02d}-{kind}.{fmt}"' in response["Content-Disposition"]
    ReservePosition.objects.filter(period=open_period).delete()
    CapitalPosition.objects.filter(period=open_period).delete()
    assert _table(kind, open_period) == []

    report = import_file(kind, response.content, year="2017-18", number=11, filename=f"t.{fmt}")

    assert report.ok, report.problems
    published = _table(kind, open_period.year.periods.get(number=source))
    assert _lines(_table(kind, open_period)) == _lines(published)
    assert report.created == len(_lines(published)) and report.changed == 0


def test_period_2s_own_wording_of_a_reserve_survives_the_round_trip(lead_client, open_period):
    template = lead_client.get("/periods/2017-18/2/templates/reserves.csv").content.decode()
    assert "£0.131m was brought-forward" in template
    assert import_file("reserves", template, year="2017-18", number=11).ok
    prevention = next(row for row in reserves_table(open_period) if row.code == "RES-PREV")
    assert "£0.131m was brought-forward" in prevention.description


def test_a_new_periods_template_offers_the_previous_periods_figures(lead_client, open_period):
    """Period 11 has no figures of its own yet: like the officers' form, it starts from Period 10's."""
    assert not ReservePosition.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward
    p11 = lead_client.get(f"{P11}/templates/capital.csv").content.decode().splitlines()
    p10 = lead_client.get(f"{P10}/templates/capital.csv").content.decode().splitlines()
    assert p11 == p10
    assert p11[0] == CAPITAL_HEADER.strip()
    scfis = next(line for line in p11 if line.startswith("CAP-SCFIS,"))
    assert scfis.endswith(",4744000,3361000,2975000")


def test_an_import_updates_changed_rows_leaves_the_rest_and_records_the_file(open_period):
    assert import_file("capital", CAPITAL_HEADER + "CAP-KIT,,30000,0,0\n", year="2017-18", number=11).ok
    report = import_file(
        "capital",
        CAPITAL_HEADER + 'cap-kit,Anything,30000,0,0\nCAP-DFG,,"6,924,000",(1.50),£100\n',
        year="2017-18",
        number=11,
        filename="capital-p11.csv",
    )
    # DFG was carried forward from Period 10: the file confirms and changes it (KIT the first file confirmed)
    assert (report.created, report.changed, report.unchanged) == (0, 1, 1)
    dfg = CapitalPosition.objects.get(period=open_period, scheme__code="CAP-DFG")
    assert (dfg.current_budget, dfg.forecast_outturn, dfg.next_year_draft) == (692_400_000, -150, 10_000)
    assert dfg.updated_by.username == "lead"
    record = ImportRecord.objects.latest("id")
    assert (record.kind, record.period, record.filename, record.rows, record.created) == (
        "capital programme",
        open_period,
        "capital-p11.csv",
        2,
        0,
    )
    assert dfg.history.latest("history_date").history_change_reason == "Imported from capital-p11.csv"

    report = import_file(
        "capital", CAPITAL_HEADER + "CAP-DFG,,1,2,3\n", year="2017-18", number=11, filename="again.csv"
    )
    assert (report.created, report.changed) == (0, 1)
    latest = CapitalPosition.objects.get(pk=dfg.pk).history.latest("history_date")
    assert (latest.history_type, latest.history_change_reason, latest.current_budget) == (
        "~",
        "Imported from again.csv",
        100,
    )


def test_a_reserves_wording_is_kept_only_where_it_differs_from_the_usual_one(open_period):
    standing = Reserve.objects.get(code="RES-IT").description
    ReservePosition.objects.filter(period=open_period, reserve__code="RES-IT").update(description="Old wording")
    text = RESERVES_HEADER + f'RES-IT,,361000,226000,"{standing}"\nRES-UGC,,1196000,-4000,Held for 2018-19.\n'
    report = import_file("reserves", text, year="2017-18", number=11, filename="r.csv")
    assert report.ok
    held = dict(
        ReservePosition.objects.filter(period=open_period, carried_from=None).values_list(
            "reserve__code", "description"
        )
    )  # the rows the file confirmed; the rest are still as carried forward
    assert held == {"RES-IT": "", "RES-UGC": "Held for 2018-19."}
    position = ReservePosition.objects.get(period=open_period, reserve__code="RES-UGC")
    assert (position.balance_1_april, position.proposed_usage) == (119_600_000, -400_000)
    assert position.history.latest("history_date").history_change_reason == "Imported from r.csv"
    assert imported().get().kind == "reserves and provisions"


def test_an_import_makes_an_officers_open_form_stale(officer_client, open_period):
    """An officer who opened the form before the import cannot silently overwrite its figures."""
    page = officer_client.get(f"{P11}/reserves/edit/")
    assert import_file("reserves", RESERVES_HEADER + "PROV-DD,,1,2,\n", year="2017-18", number=11).ok
    form = page.context["form"]
    data = dict.fromkeys(form.fields, "1") | as_drawn(page)
    response = officer_client.post(f"{P11}/reserves/edit/", data)
    assert response.status_code == 409
    assert ReservePosition.objects.get(period=open_period, reserve__code="PROV-DD").balance_1_april == 100


# --- Bad files: every problem by row and column, nothing saved ------------------------------------


def test_every_bad_reserves_row_is_named_and_nothing_is_saved(open_period):
    before = _state()
    report = import_file(
        "reserves",
        RESERVES_HEADER
        + "PROV-DD,,4157000,111000,\n"  # good, but not saved because of the rest
        + "RES-NOPE,Nowhere,1,2,\n"
        + "prov-dd,,1,2,\n"
        + "RES-MDF,,12O,-20000,\n"
        + "RES-RR,,43000,,\n"
        + ",Nameless,1,2,\n"
        + "RES-WFG,,,(abc),\n"
        + "RES-IT,,1,2,x,extra\n",
        year="2017-18",
        number=11,
    )
    assert problems(report) == [
        "Row 3, code: Unknown reserve or provision 'RES-NOPE'",
        "Row 4, code: prov-dd appears twice (first at row 2)",
        "Row 5, balance_1_april: RES-MDF: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 6, proposed_usage: RES-RR: give a proposed usage",
        "Row 7, code: Give the reserve or provision's code",
        "Row 8, balance_1_april: RES-WFG: give a balance 1 april",
        "Row 8, proposed_usage: RES-WFG: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 9: has more cells than there are columns",
    ]
    assert _state() == before


def test_every_bad_capital_row_is_named_and_nothing_is_saved(open_period):
    before = _state()
    report = import_file(
        "capital",
        CAPITAL_HEADER
        + "CAP-KIT,,30000,0,0\n"
        + "CAP-MOON,,1,1,1\n"
        + "CAP-KIT,,1,1,1\n"
        + "CAP-DFG,,£,1,1\n"
        + "CAP-ELM,,1,,1\n"
        + "TOTAL,,1,x,\n"
        + "total,,1,1,1\n",
        year="2017-18",
        number=11,
    )
    assert problems(report) == [
        "Row 3, code: Unknown capital scheme 'CAP-MOON'",
        "Row 4, code: CAP-KIT appears twice (first at row 2)",
        "Row 5, current_budget: CAP-DFG: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 6, forecast_outturn: CAP-ELM: give a forecast outturn",
        "Row 7, forecast_outturn: TOTAL: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 8, code: total appears twice (first at row 7)",
    ]
    assert _state() == before


@pytest.mark.parametrize(
    ("kind", "text", "missing"),
    [
        ("reserves", "code,name,balance_1_april\nPROV-DD,,1\n", "missing: proposed_usage"),
        ("capital", "name,current_budget,forecast_outturn,next_year_draft\nKit,1,2,3\n", "missing: code"),
    ],
)
def test_a_file_without_the_columns_is_refused_as_a_whole(open_period, kind, text, missing):
    before = _state()
    with pytest.raises(FileProblem, match=missing):
        import_file(kind, text, year="2017-18", number=11)
    assert _state() == before


# --- Printed totals: checked, never stored -----------------------------------------------------------


def test_printed_reserve_totals_are_checked_and_never_stored(open_period):
    # a statement of these three rows only: the totals are checked against the period's rows
    ReservePosition.objects.filter(period=open_period).delete()  # (carried forward from Period 10)
    report = import_file(
        "reserves",
        RESERVES_HEADER
        + "PROV-DD,,4157000,111000,\nRES-MDF,,20000,-20000,\nRES-UGC,,1196000,-4000,\n"
        + "TOTAL PROVISIONS,Total Adult Social Care Provisions,4157000,111000,\n"
        + "Total Reserves,,1216000,-24000,\n"
        + "TOTAL,Total Reserves & Provisions,5372000,,\n",
        year="2017-18",
        number=11,
        filename="p11-reserves.csv",
    )
    assert report.ok and report.created == 3
    assert report.notes[0] == (
        "Row 5: Total Adult Social Care Provisions balance 1 april: "
        "file says £4,157,000, rows sum to £4,157,000 (adds up)"
    )
    assert report.notes[-1] == (
        "Row 7: Total Reserves & Provisions balance 1 april: "
        "file says £5,372,000, rows sum to £5,373,000 (within rounding)"
    )
    assert len(report.notes) == 5  # the blank grand total usage is not checked
    assert ReservePosition.objects.filter(period=open_period).count() == 3
    note = FidelityNote.objects.get(period=open_period)
    assert (note.source, note.subject, note.column, note.kind) == (
        "Reserves and provisions, import of p11-reserves.csv",
        "Total Reserves & Provisions",
        "balance 1 april",
        "rounding",
    )
    assert (note.printed, note.computed) == (537_200_000, 537_300_000)


def test_a_capital_total_that_does_not_add_up_is_a_fidelity_note_on_the_capital_page(lead_client, open_period):
    # a programme of these two schemes only: the total is checked against the period's rows
    CapitalPosition.objects.filter(period=open_period).delete()  # (carried forward from Period 10)
    text = CAPITAL_HEADER + "CAP-KIT,,30000,0,0\nCAP-DFG,,6924000,6924000,0\nTOTAL,TOTAL,6954000,7124000,0\n"
    report = import_file("capital", text, year="2017-18", number=11, filename="c.csv")
    assert report.ok
    note = FidelityNote.objects.get(period=open_period)
    assert (note.source, note.subject, note.column, note.kind) == (
        "Capital programme, import of c.csv",
        "TOTAL",
        "forecast outturn",
        "error",
    )
    assert (note.printed, note.computed) == (712_400_000, 692_400_000)
    page = lead_client.get(f"{P11}/capital/").content.decode()
    assert "1 figure printed in the papers behind this table does not add up" in page
    # a corrected file replaces the earlier import's notes
    assert import_file("capital", text.replace("7124000", "6924000"), year="2017-18", number=11).ok
    assert not FidelityNote.objects.filter(period=open_period).exists()


# --- The command ---------------------------------------------------------------------------------


def test_the_command_exports_and_imports_each_kind(open_period, tmp_path):
    for kind in ("reserves", "capital"):
        path = tmp_path / f"{kind}.xlsx"
        out = io.StringIO()
        call_command("export_template", kind=kind, year="2017-18", period=10, output=str(path), stdout=out)
        assert f"Wrote {12 if kind == 'reserves' else 17} rows of Period 10" in out.getvalue()
        out = io.StringIO()
        call_command("import_period", str(path), kind=kind, year="2017-18", period=11, stdout=out)
        title = "reserves and provisions" if kind == "reserves" else "capital programme"
        rows = 12 if kind == "reserves" else 17  # every row carried forward, confirmed by the file
        assert f"Imported {title} from {kind}.xlsx: {rows} changed, 0 added, 0 unchanged." in out.getvalue()
    assert _lines(reserves_table(open_period)) == _lines(reserves_table(open_period.year.periods.get(number=10)))
    assert ImportRecord.objects.filter(via="command", user=None).count() == 2


def test_the_command_lists_every_problem_and_saves_nothing(open_period, tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text(RESERVES_HEADER + "PROV-DD,,1,2,\nRES-X,,1,2,\n", encoding="utf-8")
    before = _state()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_period", str(path), kind="reserves", year="2017-18", period=11)
    assert "Row 3, code: Unknown reserve or provision 'RES-X'" in capsys.readouterr().err
    assert _state() == before


# --- The upload pages ----------------------------------------------------------------------------


def _upload(client: Client, kind: str, text: str, number: int = 11):
    file = SimpleUploadedFile(f"{kind}.csv", text.encode(), content_type="text/csv")
    return client.post(f"/imports/{kind}/", {"year": "2017-18", "number": number, "file": file})


def test_the_lead_uploads_reserves_and_lands_on_the_reserves_page(lead_client, open_period):
    page = lead_client.get("/imports/reserves/").content.decode()
    assert "Import reserves and provisions" in page
    assert f'href="{P11}/templates/reserves.xlsx"' in page
    response = _upload(lead_client, "reserves", RESERVES_HEADER + "PROV-DD,,4157000,111000,\n")
    assert response.status_code == 302 and response["Location"] == f"{P11}/reserves/"
    body = lead_client.get(response["Location"]).content.decode()
    assert "Imported reserves.csv: 1 changed, 0 added, 0 unchanged." in body  # the carried row, confirmed
    assert "Doubtful Debts provision" in body


def test_the_lead_uploads_the_capital_programme_and_lands_on_the_capital_page(lead_client, open_period):
    response = _upload(lead_client, "capital", CAPITAL_HEADER + "CAP-KIT,,30000,0,0\n")
    assert response.status_code == 302 and response["Location"] == f"{P11}/capital/"
    kit = CapitalPosition.objects.get(period=open_period, carried_from=None)  # the one row the file confirmed
    assert (kit.scheme.code, kit.current_budget, kit.updated_by.username) == ("CAP-KIT", 3_000_000, "lead")


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        (
            "reserves",
            RESERVES_HEADER + "PROV-DD,,1,2,\nRES-X,,1,2,\n",
            "Unknown reserve or provision &#x27;RES-X&#x27;",
        ),
        ("capital", CAPITAL_HEADER + "CAP-KIT,,1,2,3\nCAP-DFG,,1,,3\n", "CAP-DFG: give a forecast outturn"),
    ],
)
def test_a_bad_upload_lists_its_problems_and_saves_nothing(lead_client, open_period, kind, text, message):
    before = _state()
    response = _upload(lead_client, kind, text)
    assert response.status_code == 400
    body = response.content.decode()
    assert "1 problem in the file: nothing has been saved" in body and message in body
    assert _state() == before


def test_leads_find_the_imports_from_the_reserves_and_capital_pages(lead_client, officer_client, open_period):
    for kind in ("reserves", "capital"):
        assert f'href="/imports/{kind}/"' in lead_client.get(f"{P11}/{kind}/").content.decode()
        assert f'href="/imports/{kind}/"' not in officer_client.get(f"{P11}/{kind}/").content.decode()
        assert f'href="/imports/{kind}/"' not in lead_client.get(f"{P10}/{kind}/").content.decode()  # published


def test_the_import_index_lists_both_kinds(lead_client):
    body = lead_client.get("/imports/").content.decode()
    assert 'href="/imports/reserves/"' in body and 'href="/imports/capital/"' in body


def test_the_period_audit_log_shows_who_imported_which_file(lead_client, open_period):
    assert import_file("reserves", RESERVES_HEADER + "RES-IBCF,,0,10000000,\n", year="2017-18", number=11).ok
    entries = lead_client.get(f"{P11}/audit/").context["entries"]
    entry = next(e for e in entries if "Improved Better Care Fund" in e.subject)
    assert (entry.who, entry.reason) == ("lead", "Imported from figures.csv")
    assert ("proposed usage", 1_097_100_000, 1_000_000_000) in entry.changes  # from the carried figure


def test_an_import_takes_the_same_number_of_queries_however_many_schemes(open_period):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reserves.models import CapitalScheme

    CapitalScheme.objects.bulk_create(CapitalScheme(code=f"CAP-X{n:03d}", name=f"Scheme {n}") for n in range(60))

    def queries(codes: list[str]) -> int:
        CapitalPosition.objects.filter(period=open_period).delete()
        text = CAPITAL_HEADER + "".join(f"{code},,1,2,3\n" for code in codes) + "TOTAL,,,,\n"
        with CaptureQueriesContext(connection) as captured:
            report = import_file("capital", text, year="2017-18", number=11)
        assert report.ok and report.created == len(codes)
        return len(captured)

    assert queries([f"CAP-X{n:03d}" for n in range(60)]) == queries(["CAP-X000", "CAP-X001"])
