"""The pack prints the dashboard's own figures: each for print, with the table of its figures
printed beneath it. No database."""

import json
from decimal import Decimal

import plotly.graph_objects as go
import pytest

from ascweb import pack_charts
from finance import charts
from finance.selectors.dashboard import Series

M = 100_000_000  # £1m in pence


def _areas() -> dict:
    return charts.variance_bar_figure(
        [("Services to Users", -5_586 * 100_000, None), ("Management", 3_465 * 100_000, None)], title="Areas"
    )


def test_the_figures_table_has_a_row_per_area_with_the_printed_labels():
    headers, rows = pack_charts.figure_table(_areas())
    assert headers == ["Category", "Variance £m"]
    assert rows == [["Services to Users", "(5.586) underspend"], ["Management", "3.465 overspend"]]


def test_a_figure_with_several_traces_gets_a_column_each_by_its_tick_labels():
    series = [Series("STU", "Services to Users", [-M, -2 * M]), Series("ASS", "Total", [0, 3 * M])]
    figure = charts.trajectory_figure([2, 10], series, emphasise="ASS", title="Trajectory")
    headers, rows = pack_charts.figure_table(figure)
    assert headers == ["Category", "Services to Users", "Total"]
    assert rows == [
        ["P2", "(1.000) underspend", "0.000 on budget"],
        ["P10", "(2.000) underspend", "3.000 overspend"],
    ]


def test_values_without_labels_print_in_millions_and_gaps_stay_empty():
    figure = {
        "data": [
            {"type": "bar", "x": ["P1", "P2"], "y": [Decimal("1.000"), None], "name": "2016-17"},
            {"type": "bar", "x": ["P1", "P3"], "y": [Decimal("-3.000"), Decimal("4.000")], "name": "2017-18"},
        ],
        "layout": {"xaxis": {"title": {"text": "Period"}}},
    }
    headers, rows = pack_charts.figure_table(figure)
    assert headers == ["Period", "2016-17", "2017-18"]
    assert rows == [["P1", "1.000", "(3.000)"], ["P2", "", ""], ["P3", "", "4.000"]]


def test_wrapped_labels_print_on_one_line():
    figure = {"data": [{"type": "bar", "orientation": "h", "y": ["Older and<br>Younger Adults"], "x": [Decimal(1)]}]}
    assert pack_charts.figure_table(figure)[1] == [["Older and Younger Adults", "1.000"]]


def test_print_layout_uses_the_embedded_font_on_white_and_amounts_as_numbers():
    spec = pack_charts.for_print(_areas())
    assert spec["layout"]["font"]["family"] == "DejaVu Sans"
    assert spec["layout"]["paper_bgcolor"] == "#ffffff"
    assert spec["data"][0]["x"] == [-5.586, 3.465]  # JSON numbers for plotly.js
    assert spec["layout"]["title"]["text"] == "Areas"  # the dashboard's figure, otherwise as it was
    json.dumps(spec)


def test_the_figure_keeps_its_own_height_in_print():
    assert pack_charts.print_size(_areas()) == (pack_charts.WIDTH, _areas()["layout"]["height"])
    assert pack_charts.print_size({"data": []}) == (pack_charts.WIDTH, pack_charts.HEIGHT)


def test_a_browser_that_cannot_start_fails_the_waiting_pack_quickly(settings):
    settings.ASCWEB_CHROMIUM = "/nonexistent/chromium"
    renderer = pack_charts._Renderer()
    try:
        with pytest.raises(pack_charts.ChartError, match="could not draw"):
            renderer.svgs([pack_charts.for_print(go.Figure())], timeout=60)
    finally:
        renderer.close()
