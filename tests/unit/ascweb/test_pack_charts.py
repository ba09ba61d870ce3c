"""The pack's chart builder and the table of a chart's figures printed beneath it."""

from decimal import Decimal

import plotly.graph_objects as go
import pytest

from ascweb import pack_charts

M = 100_000_000  # £1m in pence


def test_variance_by_area_is_one_horizontal_bar_per_area_in_millions_with_printed_labels():
    figure = pack_charts.variance_by_area([("Services to Users", -5_586 * 100_000), ("Management", 3_465 * 100_000)])
    (bars,) = figure.data
    assert bars.orientation == "h"
    assert list(bars.y) == ["Services to Users", "Management"]
    assert list(bars.x) == [Decimal("-5.586"), Decimal("3.465")]  # Decimal in, never float
    assert list(bars.text) == ["(5.586)", "3.465"]
    assert list(bars.marker.color) == [pack_charts.UNDERSPEND, pack_charts.OVERSPEND]


def test_the_figures_table_has_a_row_per_area_with_the_printed_labels():
    figure = pack_charts.variance_by_area([("A", -M), ("B", 2 * M)])
    headers, rows = pack_charts.figure_table(figure)
    assert headers == ["Expenditure area", "Variance £m"]
    assert rows == [["A", "(1.000)"], ["B", "2.000"]]


def test_a_figure_with_several_traces_gets_a_column_each():
    figure = go.Figure(
        [go.Scatter(x=["P1", "P2"], y=[1, 2], name="2016-17"), go.Scatter(x=["P1", "P3"], y=[3, 4], name="2017-18")]
    )
    headers, rows = pack_charts.figure_table(figure)
    assert headers == ["Category", "2016-17", "2017-18"]
    assert rows == [["P1", "1", "3"], ["P2", "2", ""], ["P3", "", "4"]]


def test_print_layout_uses_the_embedded_font_on_white():
    spec = pack_charts.for_print(pack_charts.variance_by_area([("A", M)]))
    assert spec["layout"]["font"]["family"] == "DejaVu Sans"
    assert spec["layout"]["paper_bgcolor"] == "white"


def test_a_browser_that_cannot_start_fails_the_waiting_pack_quickly(settings):
    settings.ASCWEB_CHROMIUM = "/nonexistent/chromium"
    renderer = pack_charts._Renderer()
    try:
        with pytest.raises(pack_charts.ChartError, match="could not draw"):
            renderer.svgs([pack_charts.for_print(go.Figure())], timeout=60)
    finally:
        renderer.close()
