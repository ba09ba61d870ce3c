"""Pure Plotly figure builders for savings: selector rows in, a JSON-ready figure dict out.

As finance's charts: plain dicts in Plotly's schema; values are £m as Decimal (rounded as the
tables round them), which reach the page as strings through json_script for plotly.js to read
as numbers. Meaning never by colour alone: each segment is labelled and the two series differ
in pattern as well as colour.
"""

from decimal import Decimal
from typing import TYPE_CHECKING

from ascweb import charts as style
from ascweb.money import format_gbp_m, format_m, millions

if TYPE_CHECKING:  # the selector's row types; the builder reads no database
    from savings.selectors import Delivery


def _m(pence: int) -> Decimal:
    return millions(pence)


wrap = style.wrap  # the core's, shared with the other apps' charts


def delivery_figure(delivery: "Delivery") -> dict:
    """Stacked horizontal bars: per workstream, savings forecast to be delivered and at risk.
    The page's figcaption titles the chart, so the figure has no title of its own."""
    names = [wrap(w.name) for w in delivery.workstreams]
    traces = []
    for label, colour, pattern, position, values in (
        ("Delivered", style.DELIVERED, "", "inside", [w.delivered for w in delivery.workstreams]),
        ("At risk", style.AT_RISK, "/", "outside", [w.at_risk for w in delivery.workstreams]),
    ):
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label,
                "y": names,
                "x": [_m(v) for v in values],
                "text": [f"{label}: {format_m(v)}" for v in values],
                "textposition": position,
                "insidetextanchor": "middle",
                "textfont": {"color": style.WHITE if position == "inside" else style.INK},
                "cliponaxis": False,
                "hovertemplate": "%{y}<br>%{text} £m<extra></extra>",
                # the shortfall is hatched as well as red, so it reads without colour
                "marker": {
                    "color": colour,
                    "line": {"color": style.INK, "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": colour, "bgcolor": style.WHITE, "solidity": 0.4}
                    if pattern
                    else {"shape": ""},
                },
                "meta": {"short_text": [format_m(v) for v in values]},
            }
        )
    return {
        "data": traces,
        "layout": style.layout(
            barmode="stack",
            height=140 + 70 * len(names),
            margin={"l": 10, "r": 90, "t": 10, "b": 60, "pad": 4},
            xaxis=style.axis("£m saved"),
            yaxis={"autorange": "reversed", "automargin": True},
            legend={"orientation": "h", "x": 0, "y": -0.25, "yanchor": "top", "traceorder": "normal"},
        ),
    }


def delivery_summary(delivery: "Delivery") -> str:
    """The chart's message in words, for everyone (and the screen-reader description)."""
    total = delivery.total
    text = (
        f"Of savings of {format_gbp_m(-total.target)} planned for {delivery.period.year.code}, "
        f"{format_gbp_m(total.delivered)} is forecast to be delivered and {format_gbp_m(total.at_risk)} is at risk "
        f"at {delivery.period.title}."
    )
    worst = max(delivery.workstreams, key=lambda w: w.at_risk, default=None)
    if worst and worst.at_risk > 0:
        text += f" The most at risk is in {worst.name} ({format_gbp_m(worst.at_risk)})."
    return text + " " + movement_text(delivery)


def movement_text(delivery: "Delivery") -> str:
    change = delivery.at_risk_movement
    if change is None or delivery.previous is None:
        return "There is no earlier published period this year to compare with."
    before = f"since {delivery.previous.title}"
    if change > 0:
        return f"Savings at risk have risen by {format_gbp_m(change)} {before}."
    if change < 0:
        return f"Savings at risk have fallen by {format_gbp_m(-change)} {before}."
    return f"Savings at risk are unchanged {before}."
