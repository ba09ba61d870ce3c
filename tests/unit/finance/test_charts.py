"""Chart builders: traces and values, not pixels. Each figure must also be valid Plotly."""

from decimal import Decimal

import plotly.graph_objects as go
import pytest

from ascweb import charts as style
from finance import charts
from finance.selectors.dashboard import Series, YearNetExpenditure

M = 100_000_000


def _no_floats(value) -> bool:
    if isinstance(value, float):
        return False
    if isinstance(value, dict):
        return all(_no_floats(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_no_floats(v) for v in value)
    return True


def _valid(figure: dict) -> go.Figure:
    assert _no_floats(figure["data"]), "money reaches the page as Decimal, never float"
    return go.Figure(figure)  # raises on anything Plotly does not know


def test_variance_bars_keep_the_given_order_with_signed_labels_and_links():
    rows = [("Management, Finance & HR", 346_500_000, "/a/MFHR/"), ("Services to Users", -558_600_000, "/a/STU/")]
    figure = charts.variance_bar_figure(rows, title="Variance")
    _valid(figure)
    (bars,) = figure["data"]
    assert bars["orientation"] == "h"
    assert bars["y"] == ["Management, Finance & HR", "Services to Users"]
    assert bars["x"] == [Decimal("3.465"), Decimal("-5.586")]
    assert bars["text"] == ["3.465 overspend", "(5.586) underspend"]
    assert bars["meta"]["short_text"] == ["3.465", "(5.586)"]
    assert bars["customdata"] == ["/a/MFHR/", "/a/STU/"]
    # the sign is shown by pattern as well as colour
    assert bars["marker"]["color"] == [style.OVERSPEND, style.UNDERSPEND]
    assert bars["marker"]["pattern"]["shape"] == ["/", ""]
    low, high = figure["layout"]["xaxis"]["range"]
    assert low < Decimal("-5.586") and high > Decimal("3.465")  # room for the labels


def test_headline_bars_show_the_variance_at_each_report():
    figure = charts.headline_figure([("Period 2", 0), ("Period 10", -250_200_000)])
    _valid(figure)
    assert figure["data"][0]["y"] == [Decimal("0.000"), Decimal("-2.502")]
    assert figure["data"][0]["text"] == ["0.000 on budget", "(2.502) underspend"]


def test_trajectory_has_a_line_per_series_and_emphasises_the_department():
    series = [
        Series("STU", "Services to Users", [-304_100_000, -558_600_000]),
        Series("ASS", "Total", [0, -250_200_000]),
    ]
    figure = charts.trajectory_figure([2, 10], series, emphasise="ASS", title="Trajectory")
    _valid(figure)
    stu, total = figure["data"]
    assert stu["x"] == [2, 10] and stu["y"] == [Decimal("-3.041"), Decimal("-5.586")]
    assert total["line"]["width"] > stu["line"]["width"]
    assert stu["marker"]["symbol"] != total["marker"]["symbol"] or stu["line"]["dash"] != total["line"]["dash"]
    assert figure["layout"]["xaxis"]["ticktext"] == ["P2", "P10"]


def _year(code: str, monthly: list, profile: list | None, current: bool = False) -> YearNetExpenditure:
    return YearNetExpenditure(code, monthly, profile, "Straight twelfths", 12 * M, "", "", current)


def test_profile_plots_cumulative_actual_and_profile_and_stops_where_figures_stop():
    year = _year("2017-18", [10 * M, 12 * M] + [None] * 11, [10 * M] * 12 + [0], current=True)
    figure = charts.profile_figure([year])
    _valid(figure)
    actual, profile = figure["data"]
    assert actual["name"] == "2017-18 actual" and profile["name"] == "2017-18 profiled budget"
    assert actual["y"][:3] == [Decimal("10.000"), Decimal("22.000"), None]
    assert profile["y"][11] == Decimal("120.000") and profile["y"][12] == Decimal("120.000")
    assert profile["line"]["dash"] == "dot"


def test_a_year_without_a_profile_has_only_its_actual_line():
    figure = charts.profile_figure([_year("2015-16", [M] * 13, None)])
    assert [t["name"] for t in figure["data"]] == ["2015-16 actual"]


def test_monthly_bars_one_trace_per_year_told_apart_by_pattern():
    years = [_year("2016-17", [M] * 13, None), _year("2017-18", [2 * M] * 10 + [None] * 3, None, current=True)]
    figure = charts.monthly_figure(years)
    _valid(figure)
    first, second = figure["data"]
    assert first["type"] == second["type"] == "bar"
    assert second["y"][9] == Decimal("2.000") and second["y"][10] is None
    assert first["marker"]["pattern"]["shape"] != second["marker"]["pattern"]["shape"]


def test_summaries_say_in_words_what_the_charts_show():
    assert charts.variance_summary([("A", 100_000_000), ("B", -300_000_000), ("C", 0)]) == (
        "1 of 3 areas forecast an overspend and 1 an underspend. "
        "The largest overspend is A, £1.000m. The largest underspend is B, £3.000m."
    )
    series = [Series("ASS", "Total", [0, -250_200_000])]
    assert "from 0.000 on budget at Period 2 (May) to (2.502) underspend at Period 10 (January)" in (
        charts.trajectory_summary([2, 10], series, total_code="ASS")
    )
    year = _year("2017-18", [100 * M, 89 * M] + [None] * 11, [110 * M] * 2 + [0] * 11, current=True)
    text = charts.profile_summary([year], forecast=259 * M)
    assert "£189.000m against a profiled budget of £220.000m: £31.000m below profile" in text
    assert "leaves £70.000m for periods 3 to 13" in text


def test_accuracy_summary_finds_the_forecast_furthest_from_the_outturn():
    series = [Series("ASS", "Total", [300_000_000, -50_000_000, 0])]
    text = charts.accuracy_summary([2, 7, 10], series, total_code="ASS")
    assert "Period 2 (May) was furthest from the outturn, £3.000m above it" in text
    assert text.endswith("At Period 10 (January) it was equal to it.")


@pytest.mark.parametrize(("pence", "words"), [(1, "0.000 overspend"), (-50_000_000, "(0.500) underspend")])
def test_signed_labels_use_the_tables_format_and_a_word(pence, words):
    assert charts.signed(pence) == words
