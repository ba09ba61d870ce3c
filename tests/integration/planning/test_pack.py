"""Budget planning in the appendix pack: one appendix with its fixed letter H (after the
monitoring report's A-F and performance's G), with the round's tables, and the bridge charts."""

import pytest

from ascweb import pack
from ascweb.models import Period


@pytest.mark.django_db
def test_the_planning_appendix_is_appendix_h(demo):
    period = Period.objects.get(year__code="2017-18", number=10)
    assembled = pack.assemble(period, draw_charts=False)
    appendices = [part for part in assembled.parts if part.is_appendix]
    [planning] = [part for part in appendices if part.name == "planning"]
    # the last appendix: its text and tables first, then its bridge chart for each year
    h = [part for part in appendices if part.label == "Appendix H"]
    assert h[0] is planning and h == appendices[-len(h) :]
    assert [part.name for part in h[1:]] == [f"planning-bridge-{year}" for year in range(1, 5)]
    html = planning.section_html
    assert "July 2017" in html and "Illustrative:" in html and "Savings targets by committee" in html
    assert "Adult Social Care Committee" in html and "The gap bridge" in html
    charts = [part for part in assembled.parts if part.name.startswith("planning-bridge-")]
    assert [part.summary.split(":")[0] for part in charts] == ["2018-19", "2019-20", "2020-21", "2021-22"]


@pytest.mark.django_db
def test_a_period_published_before_any_round_keeps_the_letter_and_says_why(small_council):
    period = small_council.year.periods.filter(status="published").first()
    if period is None:
        pytest.skip("the small council has no published period")
    [planning] = [part for part in pack.assemble(period, draw_charts=False).parts if part.name == "planning"]
    assert planning.label == "Appendix H"
    assert planning.empty == "No budget planning round had been published for this period."
