"""Letters and cross-references follow what the pack holds."""

from ascweb.pack import PartChoice, letters, notes, report_label
from ascweb.registry import APPENDIX, REPORT, ExportTable


def test_an_appendix_keeps_its_fixed_letter_whatever_comes_before_it():
    parts = [("summary", False, ""), ("appendix-a", True, "A"), ("ibcf", True, "C"), ("capital", True, "F")]
    assert letters(parts) == {"appendix-a": "A", "ibcf": "C", "capital": "F"}


def test_leaving_a_part_out_never_shifts_the_letters():
    # The Period 10 paper: A budget monitoring, B explanations, C iBCF, D savings, E reserves, F capital.
    every = [("appendix-a", True, "A"), ("explanations", True, "B"), ("ibcf", True, "C"), ("savings", True, "D")]
    without_ibcf = [part for part in every if part[0] != "ibcf"]
    assert letters(without_ibcf)["savings"] == letters(every)["savings"] == "D"


def test_a_part_registered_without_a_letter_takes_the_next_letter_no_part_holds():
    parts = [("appendix-a", True, "A"), ("extra", True, ""), ("explanations", True, "B"), ("more", True, "")]
    assert letters(parts) == {"appendix-a": "A", "extra": "C", "explanations": "B", "more": "D"}


def test_a_cross_reference_becomes_the_label_of_the_part():
    refs = {"appendix-a": "Appendix A", "explanations": "Appendix B"}
    assert notes(["Shown at {appendix-a}, explained at {explanations}."], refs) == [
        "Shown at Appendix A, explained at Appendix B."
    ]


def test_a_sentence_naming_a_part_not_in_the_pack_is_left_out():
    refs = {"explanations": "Appendix A"}
    sentences = ["Plain sentence.", "Detail at {appendix-a}.", "Explained at {explanations}."]
    assert notes(sentences, refs) == ["Plain sentence.", "Explained at Appendix A."]


def _table(title: str, pack: str = APPENDIX) -> ExportTable:
    return ExportTable("t", title, lambda period: [], [], pack=pack)


def test_a_report_table_keeps_its_own_number_and_an_appendix_loses_its_printed_letter():
    assert report_label(_table("Table 2.1: summary by expenditure area", REPORT)) == "Table 2.1"
    assert report_label(_table("Savings by workstream")) == ""
    assert PartChoice("t", "Budget monitoring", "table", APPENDIX, 20, _table("x")).choice_label == (
        "Appendix: Budget monitoring"
    )
    summary = _table("Table 2.1: summary by expenditure area", REPORT)
    assert PartChoice("summary", "Summary", "table", REPORT, 10, summary).choice_label == "Table 2.1: Summary"


def test_a_headings_capital_letters_are_kept():
    from ascweb.pack import bare_heading

    assert bare_heading("Appendix A: budget monitoring") == "Budget monitoring"
    assert bare_heading("iBCF schemes and progress") == "iBCF schemes and progress"


def test_the_leads_form_names_an_appendix_by_its_fixed_letter():
    choice = PartChoice("ibcf", "Improved Better Care Fund", "table", APPENDIX, 40, _table("x"), "C")
    assert choice.choice_label == "Appendix C: Improved Better Care Fund"
