"""Any registered table, section or chart joins the pack without changing the pack's code: an
appendix registered without a letter takes the next letter no part holds; an appendix with
nothing to show for the period keeps its place, saying why (a chart is left out). The pack's
charts are the dashboard's own figures."""

import pytest

from ascweb import pack
from ascweb.models import Period
from ascweb.registry import ExportTable, PackChart, PackSection, registry
from finance import charts as finance_charts
from finance.exports import DASHBOARD_CHARTS
from finance.selectors.dashboard import dashboard
from savings import dashboard as savings_dashboard

MONEY_TABLE_COLUMNS = [("scheme", lambda r: r.label, "text"), ("amount", lambda r: r.amount, "money")]


class _Row:
    kind, depth = "line", 0

    def __init__(self, label: str, amount: int):
        self.label, self.amount = label, amount


@pytest.fixture
def extra_parts():
    """An iBCF-like table and a section with nothing for the period, as other apps register them."""
    ibcf = ExportTable(
        "test-ibcf",
        "iBCF schemes",
        lambda period: [_Row("iBCF1", 190_000_000), _Row("iBCF2", 910_000_000)],
        MONEY_TABLE_COLUMNS,
        order=30,
        notes=("Spending plans agreed in July; explanations of the revenue variances are at {explanations}.",),
    )
    empty = PackSection("test-empty", "Nothing this period", "pack/explanations.html", lambda period: None, 27)
    registry.add_export_table(ibcf)
    registry.add_pack_section(empty)
    yield
    del registry.export_tables["test-ibcf"]
    del registry.pack_sections["test-empty"]


def test_a_registered_table_without_a_letter_takes_the_first_letter_after_the_papers(demo, extra_parts):
    contents = pack.assemble(Period.objects.get(number=10), draw_charts=False)
    parts = [part for part in contents.parts if part.kind != pack.CHART]
    assert [part.title for part in parts[:3]] == [
        "Table 2.1: Summary by expenditure area",
        "Appendix A: Budget monitoring",
        "Appendix B: Explanations of variances",
    ]
    # the paper's letters, in order, each appendix's parts together; the unlettered parts after F
    letters = [part.label.removeprefix("Appendix ") for part in parts if part.label.startswith("Appendix")]
    assert set("ABCDEFGHIJ") <= set(letters) and letters == sorted(letters)
    ibcf = next(part for part in parts if part.name == "test-ibcf")
    empty = next(part for part in parts if part.name == "test-empty")
    # in registered order, the free letters: G and H are the metrics' and budget planning's own
    assert (empty.label, ibcf.label) == ("Appendix I", "Appendix J")
    assert empty.empty == "There is nothing to report here for Period 10 (January) 2017-18."
    assert ibcf.title == "Appendix J: iBCF schemes"
    assert ibcf.notes == ["Spending plans agreed in July; explanations of the revenue variances are at Appendix B."]
    rows = [[str(cell) for cell in row] for row in ibcf.table.as_values()]
    assert rows == [["scheme", "amount"], ["iBCF1", "1.900"], ["iBCF2", "9.100"]]


def test_without_appendix_a_no_letter_moves(demo, extra_parts):
    period = Period.objects.get(number=10)
    contents = pack.assemble(period, ["summary", "explanations", "test-ibcf"], draw_charts=False)  # no others
    assert [part.label for part in contents.parts] == ["Table 2.1", "Appendix B", "Appendix J"]
    assert contents.parts[-1].notes[0].endswith("are at Appendix B.")


def test_the_registered_table_downloads_as_excel_and_csv(member_client, extra_parts):
    assert member_client.get("/periods/2017-18/10/tables/test-ibcf.xlsx").status_code == 200
    response = member_client.get("/periods/2017-18/10/tables/test-ibcf.csv")
    assert response.content.decode() == "scheme,amount\niBCF1,1.900\niBCF2,9.100\n"


def test_the_packs_charts_are_the_dashboards_own_figures_with_their_words(demo):
    period = Period.objects.get(number=10)
    printed = {part.name: part for part in pack.assemble(period, draw_charts=False).parts if part.kind == pack.CHART}
    drawn = finance_charts.dashboard_figures(dashboard(period), area_urls={})
    for name, _title, key in DASHBOARD_CHARTS:
        if key not in drawn:
            assert name not in printed, name  # forecast accuracy: only once the year has an outturn
            continue
        assert printed[name].figure == drawn[key]["figure"], name
        assert printed[name].summary == drawn[key]["summary"], name
    assert "accuracy" not in drawn and "forecast-accuracy" not in printed
    assert printed["savings-delivery"].figure == savings_dashboard.figures(period)["delivery"]["figure"]
    headers, rows = printed["variance-by-area"].data
    assert headers == ["Category", "Variance £m"]
    assert ["Services to Users", "(5.586) underspend"] in rows


def test_charts_that_share_their_figures_are_built_once_per_pack(demo):
    period = Period.objects.get(number=10)
    calls = []

    def figures(period):
        calls.append(period.pk)
        figure = {"data": [{"type": "bar", "x": ["A"], "y": [1]}], "layout": {}}
        return {"one": {"figure": figure, "summary": "One."}, "two": {"figure": figure}}

    names = ("test-one", "test-two", "test-missing")
    for order, (name, key) in enumerate(zip(names, ("one", "two", "missing"), strict=True), start=90):
        registry.add_pack_chart(PackChart(name, name, figures, key, order))
    try:
        contents = pack.assemble(period, draw_charts=False)
    finally:
        for name in names:
            del registry.pack_charts[name]
    assert calls == [period.pk]
    parts = {part.name: part for part in contents.parts}
    assert parts["test-one"].summary == "One." and parts["test-two"].summary == ""
    assert "test-missing" not in parts  # nothing to show for the period: left out
