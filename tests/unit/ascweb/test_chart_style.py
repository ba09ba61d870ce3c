"""The one chart style (ascweb.charts): every app's figures share its palette, fonts and
layout defaults. No database."""

from ascweb import charts as style
from finance import charts as finance_charts
from savings import charts as savings_charts
from tests.unit.savings.test_charts import _delivery


def test_the_layout_has_the_house_font_white_ground_and_no_zooming():
    layout = style.layout(title="Variance", y_title="£m", height=300)
    assert layout["font"] == {"family": style.SCREEN_FONT, "color": style.INK, "size": style.FONT_SIZE}
    assert layout["paper_bgcolor"] == layout["plot_bgcolor"] == style.WHITE
    assert layout["title"]["text"] == "Variance" and layout["yaxis"]["title"]["text"] == "£m"
    assert layout["height"] == 300 and layout["dragmode"] is False


def test_a_chart_without_a_title_leaves_it_to_the_page_and_extras_replace_defaults():
    layout = style.layout(margin={"t": 0}, barmode="stack")
    assert "title" not in layout
    assert layout["margin"] == {"t": 0} and layout["barmode"] == "stack"
    style.layout()["margin"]["l"] = 99  # each layout has its own copy
    assert style.MARGIN["l"] == 10


def test_the_sign_shows_by_colour_and_pattern():
    assert style.sign_colours([1, 0, -1]) == [style.OVERSPEND, style.UNDERSPEND, style.UNDERSPEND]
    assert style.sign_pattern([1, -1])["shape"] == ["/", ""]
    assert style.series_colour(0) == style.series_colour(len(style.SERIES_COLOURS))


def test_print_keeps_the_layout_in_the_embedded_font():
    printed = style.print_layout({"font": {"size": 12}, "height": 300, "paper_bgcolor": "#eeeeee"})
    assert printed == {
        "font": {"size": 12, "family": style.PRINT_FONT, "color": style.INK},
        "height": 300,
        "paper_bgcolor": style.WHITE,
        "plot_bgcolor": style.WHITE,
    }


def test_every_apps_figures_use_the_one_style():
    figures = [
        finance_charts.headline_figure([("Period 10", -100)]),
        finance_charts.variance_bar_figure([("A", 1, None)], title="A"),
        finance_charts.monthly_figure([]),
        savings_charts.delivery_figure(_delivery()),
    ]
    for figure in figures:
        assert figure["layout"]["font"]["family"] == style.SCREEN_FONT
        assert figure["layout"]["paper_bgcolor"] == style.WHITE
    delivered, at_risk = figures[-1]["data"]
    assert (delivered["marker"]["color"], at_risk["marker"]["color"]) == (style.DELIVERED, style.AT_RISK)
