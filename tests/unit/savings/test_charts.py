"""The savings delivery chart: traces and values, not pixels. No database."""

from decimal import Decimal

import plotly.graph_objects as go

from ascweb.models import FinancialYear, Period
from savings import charts
from savings.calculations import Totals
from savings.selectors import Delivery, WorkstreamDelivery

M = 100_000_000


def _delivery(previous: Period | None = None, previous_total: Totals | None = None) -> Delivery:
    year = FinancialYear(code="2017-18", start_year=2017)
    return Delivery(
        period=Period(year=year, number=10),
        previous=previous,
        workstreams=[
            WorkstreamDelivery("Early Help", -150_000_000, 150_000_000, 0, 0),
            WorkstreamDelivery("Older and Younger Adults", -494_500_000, 254_600_000, 239_900_000, 0),
        ],
        total=Totals(target=-644_500_000, forecast=-404_600_000, at_risk=239_900_000, count=4),
        previous_total=previous_total,
    )


def test_the_figure_is_a_valid_stacked_bar_of_delivered_and_at_risk():
    figure = charts.delivery_figure(_delivery())
    go.Figure(figure)  # validates against Plotly's schema
    delivered, at_risk = figure["data"]
    assert figure["layout"]["barmode"] == "stack"
    assert (delivered["name"], at_risk["name"]) == ("Delivered", "At risk")
    assert delivered["y"] == ["Early Help", "Older and Younger<br>Adults"]
    assert delivered["x"] == [Decimal("1.500"), Decimal("2.546")]
    assert at_risk["x"] == [Decimal("0.000"), Decimal("2.399")]


def test_meaning_is_not_carried_by_colour_alone():
    _delivered, at_risk = charts.delivery_figure(_delivery())["data"]
    assert at_risk["text"] == ["At risk: 0.000", "At risk: 2.399"]
    assert at_risk["marker"]["pattern"]["shape"] == "/"


def test_no_float_reaches_the_figure():
    for trace in charts.delivery_figure(_delivery())["data"]:
        assert all(isinstance(value, Decimal) for value in trace["x"])


def test_the_summary_says_the_message_in_words():
    text = charts.delivery_summary(_delivery())
    assert "savings of £6.445m" in text
    assert "£4.046m is forecast to be delivered and £2.399m is at risk" in text
    assert "most at risk is in Older and Younger Adults" in text
    assert "no earlier published period" in text


def test_the_movement_since_the_previous_period():
    previous = Period(year=FinancialYear(code="2017-18", start_year=2017), number=2)
    risen = _delivery(previous, Totals(target=-644_500_000, forecast=-644_500_000, at_risk=0))
    assert charts.movement_text(risen) == "Savings at risk have risen by £2.399m since Period 2 (May) 2017-18."
    fallen = _delivery(previous, Totals(at_risk=300_000_000))
    assert "fallen by £0.601m" in charts.movement_text(fallen)
    same = _delivery(previous, Totals(at_risk=239_900_000))
    assert "unchanged" in charts.movement_text(same)


def test_long_labels_wrap_at_word_boundaries():
    assert charts.wrap("Older and Younger Adults workstreams") == "Older and Younger<br>Adults workstreams"
    assert charts.wrap("Business as usual") == "Business as usual"
