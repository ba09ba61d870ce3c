"""The dashboard's arithmetic: the rating at its edges, quarters, spread targets, rates."""

from decimal import Decimal as D

import pytest

from performance import calculations as calc
from performance.charts import trend


@pytest.mark.parametrize(
    ("value", "target", "direction", "expected"),
    [
        (D("100"), D("100"), "lower", "meeting"),  # exactly on target: meeting
        (D("99"), D("100"), "lower", "meeting"),
        (D("105"), D("100"), "lower", "within"),  # exactly 5% over: still within
        (D("105.001"), D("100"), "lower", "off"),  # just over 5%: "> 5% over target"
        (D("95"), D("100"), "higher", "within"),  # higher is better: exactly 5% under is within
        (D("94.999"), D("100"), "higher", "off"),
        (D("96"), D("90"), "higher", "meeting"),  # the paper's reablement
        (D("18423"), D("13566"), "lower", "off"),  # the paper's delayed transfers
        (D("77838"), D("78934"), "lower", "meeting"),  # the paper's non-elective admissions
    ],
)
def test_rating_edges_and_direction(value, target, direction, expected):
    assert calc.rating(value, target, direction).key == expected


def test_rating_words_and_marks_are_not_colour_alone():
    off = calc.rating(D("110"), D("100"), "lower")
    assert (off.words, off.mark) == ("> 5% over target", "✗")
    assert calc.rating(D("80"), D("100"), "higher").words == "> 5% under target"
    assert calc.rating(None, D("1"), "lower") is None
    assert calc.rating(D("1"), None, "lower") is None


def test_quarters_add_up_months_or_take_the_latest():
    months = [D(n) for n in (1110, 933, 847)] + [None] * 9
    assert calc.quarter(months, 1, calc.SUM) == D(2890)
    assert calc.quarter(months, 2, calc.SUM) is None
    assert calc.quarter([D("92.9"), D("95.1"), D("95.5")] + [None] * 9, 1, calc.LAST) == D("95.5")


def test_a_quarter_target_is_spread_equally_and_whole_spans_add_exactly():
    spans = [calc.Span(4, 10, D(8784))]  # July to January
    assert calc.month_target(spans, 3, calc.SUM) is None
    assert calc.target_over(spans, list(range(4, 11)), calc.SUM) == D(8784)
    assert calc.month_target([calc.Span(1, 3, D(300))], 2, calc.SUM) == D(100)
    assert calc.month_target([calc.Span(1, 12, D(90))], 7, calc.LAST) == D(90)


def test_year_to_date_covers_the_months_with_a_target():
    months = [D(1)] * 10 + [None, None]
    assert calc.ytd_months(months, [calc.Span(4, 10, D(7))]) == [4, 5, 6, 7, 8, 9, 10]
    assert calc.ytd_months(months, []) == list(range(1, 11))


def test_rates_per_100000_from_counts_and_population():
    assert calc.rounded(calc.rate(D(77838), 726580, 100000)) == D("10712.9")
    assert calc.rounded(calc.rate(D(2489), 726580, 100000)) == D("342.6")
    assert calc.rate(D(1), None, 100000) is None


@pytest.mark.parametrize("text", ["abc", "1e400", "NaN", "1.2345", "Infinity", ""])
def test_hostile_figures_are_refused(text):
    with pytest.raises(ValueError):
        calc.parse_figure(text)


def test_figures_as_printed():
    assert calc.parse_figure("1,110") == D(1110)
    assert calc.parse_figure("96%") == D(96)
    assert calc.format_figure(D("77838.000")) == "77,838"
    assert calc.format_figure(D("94.6"), "percent") == "94.6%"


def test_trend_chart_has_target_line_and_summary():
    months = [D(10), D(12)] + [None] * 10
    chart = trend(name="Delays", unit="count", months=months, targets=[D(11)] * 12, latest=2)
    assert [trace["name"] for trace in chart["figure"]["data"]] == ["Norfolk total", "Target"]
    assert chart["figure"]["data"][0]["y"] == ["10", "12"]
    assert "Above the target line in 1 of 2 months" in chart["summary"]
