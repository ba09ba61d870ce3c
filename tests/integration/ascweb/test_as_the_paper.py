"""The appendix pack and the pages as the Period 10 paper (Adult Social Care Committee, 5 March
2018) prints them: its appendix letters, Appendix C's activity and progress, the savings
explanations and recovery actions, signs that say which way a variance goes, footnotes where a
figure differs from the printed one, and the downloads on every table page. The pack is read
from the PDF's text (pypdf), as a member would read it."""

import io
import re
from dataclasses import replace

import pypdf
import pytest

from ascweb import pack
from ascweb.models import Period
from ascweb.registry import registry
from ibcf.models import SchemeUpdate

PACK = "/periods/2017-18/10/pack.pdf"
PAGE = "/periods/2017-18/10/"

# The Period 10 paper's appendices, in its own order and letters.
PAPER_APPENDICES = [
    ("A", "Budget monitoring"),
    ("B", "Explanations of variances"),
    ("C", "Improved Better Care Fund"),
    ("D", "Savings"),
    ("E", "Adult Social Services Reserves and Provisions"),
    ("F", "Adult Social Services Capital Programme"),
]

# Appendix C's "Activity and progress" column, word for word from the paper.
PAPER_ACTIVITY = [
    "Funding is part of budget planning for adult social care as a whole - over 80% of spend is with the market",
    "By mid-February 40.25 fte appointments had been made to new roles in the service",
    "There are 5 Trusted Assessment Facilitators across the 3 acutes, the service commenced on 22 January in NNUH.",
    "Recruitment for six discharge to assess social workers, was completed in December 2017.",
    "Accommodation based reablement is implemented within the county, with 14 units currently operational.",
    'There are an additional six beds/flats commissioned as "step down" and admission avoidance from mental health '
    "hospitals jointly funded with NSFT",
]

# Paragraph 2.8.4: the savings off target, each with its figures and explanation.
PAPER_SAVINGS = [
    "Target £1.000m; forecast £0.266m; variance £0.734m.",
    "Target £0.183m; forecast £0.000m; variance £0.183m.",
    "Target £1.159m; forecast £0.618m; variance £0.541m.",
    "The service had targeted a reduction in its usage of planning beds",
]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


FOOTER = re.compile(r"\s*Period 10 \(January\) 2017-18, published 5 March 2018\s*Page \d+ of \d+\s*$")


def _pages(content: bytes) -> list[str]:
    """Each page's text without its footer, so a paragraph that runs on reads as one."""
    return [FOOTER.sub("", _flat(page.extract_text())) for page in pypdf.PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def p10_pages(member_client) -> list[str]:
    response = member_client.get(PACK)
    assert response.status_code == 200
    return _pages(response.content)


def test_the_packs_appendices_are_lettered_as_the_paper(p10_pages):
    contents = " ".join(p10_pages[:2])  # the contents may run onto a second page
    found = re.findall(r"Appendix ([A-Z]): ([^.]+?)(?= \.)", contents)
    letters = [letter for letter, _heading in found]
    # the paper's A to F, then the metrics' G and budget planning's H, which the paper has not
    assert sorted(set(letters)) == list("ABCDEFGH") and letters == sorted(letters)
    for letter, heading in PAPER_APPENDICES:
        assert any(found_letter == letter and found.startswith(heading) for found_letter, found in found), letter
    starts = [page.split(" Adult Social Care")[0] for page in p10_pages]
    assert any(start.startswith("Appendix C: Improved Better Care Fund") for start in starts)


def test_the_pack_carries_appendix_c_activity_and_progress_as_the_paper(p10_pages):
    text = " ".join(p10_pages)
    for sentence in PAPER_ACTIVITY:
        assert _flat(sentence) in text, sentence
    # and every scheme's activity and progress as reported for Period 10, whole
    period = Period.objects.get(year__code="2017-18", number=10)
    updates = SchemeUpdate.objects.filter(period=period).exclude(activity_progress="")
    assert updates.count() >= 10
    for update in updates:
        assert _flat(update.activity_progress) in text, update.scheme_id


def test_the_pack_carries_the_savings_explanations_and_recovery_actions(p10_pages):
    text = " ".join(p10_pages)
    assert "Appendix D: Savings: explanations of key variances and recovery actions" in text
    for sentence in PAPER_SAVINGS:
        assert sentence in text, sentence
    assert text.count("Recovery action") >= 5
    assert not re.search(r"[0-9]\.[0-9]{3} £m", text)  # one money format: "£3.874m", never "3.874 £m"


def test_the_pack_footnotes_where_a_total_differs_from_the_paper(p10_pages):
    text = " ".join(p10_pages)
    # Table 2.1's bottom line: 261.403 and (2.502) here, 261.401 and (2.500) as printed.
    assert "Adult Social Services, budget: Period 10 report, table 2.1 printed 261.401; shown here is 261.403" in text
    assert "Adult Social Services, variance: Period 10 report, table 2.1 printed (2.500); shown here is (2.502)" in text
    assert "The difference is rounding." in text
    # the savings split printed in 2.8.3 is 0.500 out each way: a slip, not rounding
    assert "Off target, target 2017-18: Savings programme: Period 10 report, 2.8.3 savings summary printed (6.842)" in (
        text
    )
    assert "a slip in the paper" in text


def test_an_empty_appendix_keeps_its_letter_and_says_why(demo):
    period = Period.objects.get(number=10)
    ibcf = registry.export_tables["ibcf"]
    registry.add_export_table(replace(ibcf, rows=lambda period: []))
    try:
        parts = {part.name: part for part in pack.assemble(period, draw_charts=False).parts}
    finally:
        registry.add_export_table(ibcf)
    assert parts["ibcf"].label == "Appendix C" and parts["ibcf"].table is None
    assert parts["ibcf"].empty.startswith("No iBCF schemes have been planned for this year")
    assert parts["savings-projects"].label == "Appendix D"
    assert parts["capital"].label == "Appendix F"


@pytest.mark.parametrize(
    ("path", "label", "tables"),
    [
        ("appendix-a/", "Appendix A", ["appendix-a"]),
        ("ibcf/", "Appendix C", ["ibcf"]),
        ("savings/", "Appendix D", ["savings-summary"]),
        ("savings/programme/", "Appendix D", ["savings-programme"]),
        ("savings/projects/", "Appendix D", ["savings-projects"]),
        ("reserves/", "Appendix E", ["reserves"]),
        ("capital/", "Appendix F", ["capital"]),
        ("", "", ["summary"]),
    ],
)
def test_every_table_page_has_the_packs_letter_and_excel_and_csv(member_client, path, label, tables):
    html = member_client.get(PAGE + path).content.decode()
    if label:
        own = html[min(i for i in (html.find('class="govuk-caption-l"'), html.find("<h1")) if i >= 0) :]
        assert label in own
        assert set(re.findall(r"Appendix [A-Z]\b", own)) <= {label, "Appendix A"}, path  # Appendix A: its link
        assert own.index(label) < own.index("</h1>")  # the page names itself by the pack's letter
    for name in tables:
        assert f'href="/periods/2017-18/10/tables/{name}.xlsx"' in html
        assert f'href="/periods/2017-18/10/tables/{name}.csv"' in html
        assert member_client.get(f"/periods/2017-18/10/tables/{name}.csv").status_code == 200


def test_variance_percentages_on_the_page_are_signed_as_the_variance(member_client):
    html = _flat(member_client.get(PAGE + "appendix-a/").content.decode())
    management = html[html.index("Management, Finance &amp; HR") :][:600]
    assert "35.94%" in management and "(35.94%)" not in management  # an overspend on a negative budget
    income = html[html.index("Service User Income") :][:600]
    assert "(12.83%)" in income  # an over-recovery of income: an underspend


@pytest.mark.parametrize(
    ("path", "printed"),
    [
        ("", "Adult Social Services, budget: Period 10 report, table 2.1 printed 261.401; shown here is 261.403"),
        ("appendix-a/", "Period 10 report, Appendix A printed 246.981; shown here is 246.982"),
        ("savings/", "2.8.3 savings summary printed (6.842); shown here is (7.342)"),
        ("savings/projects/", "The paper printed the figure with the opposite sign."),
        ("capital/", "Appendix F printed 17.761; shown here is 17.593"),
    ],
)
def test_members_see_why_a_figure_differs_from_the_paper(member_client, path, printed):
    html = _flat(member_client.get(PAGE + path).content.decode())
    assert "Where a figure differs from the printed paper" in html
    assert printed in html


def test_every_chart_of_the_dashboard_is_in_the_pack(member_client, demo):
    html = member_client.get(PAGE + "dashboard/").content.decode()
    drawn = len(re.findall(r'data-chart="[^"]+"', html))
    period = Period.objects.get(number=10)
    charts = [part for part in pack.assemble(period, draw_charts=False).parts if part.kind == pack.CHART]
    # budget planning's bridge charts are its own page's (one per year), not the dashboard's
    printed = [part for part in charts if not part.choice.name.startswith("planning-bridge-")]
    assert drawn >= 6 and len(printed) == drawn and len(charts) == drawn + 4
