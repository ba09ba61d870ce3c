"""Any registered table or section joins the pack, lettered after the ones before it, without
changing the pack's code; a part with nothing to show for the period is left out."""

import pytest

from ascweb import pack
from ascweb.models import Period
from ascweb.registry import ExportTable, PackSection, registry

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


def test_a_registered_table_becomes_the_next_appendix(demo, extra_parts):
    contents = pack.assemble(Period.objects.get(number=10), draw_charts=False)
    parts = [part for part in contents.parts if part.kind != pack.CHART]
    assert [part.title for part in parts[:3]] == [
        "Table 2.1: Summary by expenditure area",
        "Appendix A: Budget monitoring",
        "Appendix B: Explanations of variances",
    ]
    # letters run on without gaps, and the test table takes the letter after the part before it
    letters = [part.label.removeprefix("Appendix ") for part in parts if part.label.startswith("Appendix")]
    assert letters == [chr(ord("A") + i) for i in range(len(letters))]
    index = next(i for i, part in enumerate(parts) if part.name == "test-ibcf")
    ibcf = parts[index]
    before = parts[index - 1].label.removeprefix("Appendix ")
    assert ibcf.title == f"Appendix {chr(ord(before) + 1)}: iBCF schemes"
    assert ibcf.notes == ["Spending plans agreed in July; explanations of the revenue variances are at Appendix B."]
    rows = [[str(cell) for cell in row] for row in ibcf.table.as_values()]
    assert rows == [["scheme", "amount"], ["iBCF1", "1.900"], ["iBCF2", "9.100"]]


def test_without_appendix_a_the_registered_table_moves_up_a_letter(demo, extra_parts):
    period = Period.objects.get(number=10)
    contents = pack.assemble(period, ["summary", "explanations", "test-ibcf"], draw_charts=False)  # no others
    assert "test-empty" not in [part.name for part in pack.assemble(period, draw_charts=False).parts]
    assert [part.label for part in contents.parts] == ["Table 2.1", "Appendix A", "Appendix B"]
    assert contents.parts[-1].notes[0].endswith("are at Appendix A.")


def test_the_registered_table_downloads_as_excel_and_csv(member_client, extra_parts):
    assert member_client.get("/periods/2017-18/10/tables/test-ibcf.xlsx").status_code == 200
    response = member_client.get("/periods/2017-18/10/tables/test-ibcf.csv")
    assert response.content.decode() == "scheme,amount\niBCF1,1.900\niBCF2,9.100\n"
