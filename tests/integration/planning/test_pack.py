"""Budget planning in the appendix pack: one appendix, lettered after every appendix registered
before it (ascweb.pack letters them in order), with the round's tables, and the bridge charts."""

import pytest

from ascweb import pack
from ascweb.models import Period


@pytest.mark.django_db
def test_the_planning_appendix_is_lettered_after_the_others(demo):
    period = Period.objects.get(year__code="2017-18", number=10)
    assembled = pack.assemble(period, draw_charts=False)
    appendices = [part for part in assembled.parts if part.is_appendix]
    planning = appendices[-1]
    assert planning.name == "planning"
    assert planning.label == f"Appendix {chr(ord('A') + len(appendices) - 1)}"
    html = planning.section_html
    assert "July 2017" in html and "Illustrative:" in html and "Savings targets by committee" in html
    assert "Adult Social Care Committee" in html and "The gap bridge" in html
    charts = [part for part in assembled.parts if part.name.startswith("planning-bridge-")]
    assert [part.summary.split(":")[0] for part in charts] == ["2018-19", "2019-20", "2020-21", "2021-22"]


@pytest.mark.django_db
def test_a_period_published_before_any_round_has_no_planning_appendix(small_council):
    period = small_council.year.periods.filter(status="published").first()
    if period is None:
        pytest.skip("the small council has no published period")
    assert "planning" not in [part.name for part in pack.assemble(period, draw_charts=False).parts]
