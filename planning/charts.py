"""Pure Plotly figure builder for the gap bridge: a year's lines in, a figure dict out.

A waterfall drawn with bar traces: each movement is a bar floating on the running total (its
`base`), so the browser's basic Plotly bundle (bars only) draws it and the pack prints it the
same way. Movements that widen the gap are red and hatched, those that close it blue and plain;
the gap itself (agreed, revised) solid grey: meaning never by colour alone, and each bar is
labelled with its figure.
"""

from typing import TYPE_CHECKING

from ascweb import charts as style
from ascweb.money import format_m, millions
from planning.calculations import REVISED_GAP

if TYPE_CHECKING:  # the selector's row type; the builder reads no database
    from planning.selectors import BridgeYear

GAP = "#505a5f"


def bridge_steps(year: "BridgeYear", categories: list[tuple[str, str]]) -> list[tuple[str, int, int, str]]:
    """(label, base, height, kind) of each bar in pence: the agreed gap from zero, each movement
    from the running total, the revised gap from zero. kind: "gap", "up" or "down"."""
    steps = []
    running = 0
    for value, label in categories:
        amount = year.lines.get(value, 0)
        if not steps:  # the gap as agreed: the starting column
            steps.append((label, 0, amount, "gap"))
        else:
            steps.append((label, running, amount, "up" if amount > 0 else "down"))
        running += amount
    steps.append((REVISED_GAP, 0, year.revised_gap, "gap"))
    return steps


def bridge_figure(year: "BridgeYear", categories: list[tuple[str, str]]) -> dict:
    steps = bridge_steps(year, categories)
    colours = {"gap": GAP, "up": style.OVERSPEND, "down": style.UNDERSPEND}
    patterns = {"gap": "", "up": "/", "down": ""}
    labels = [style.wrap(label, 14) for label, *_rest in steps]
    trace = {
        "type": "bar",
        "name": f"Gap bridge {year.year}",
        "x": labels,
        "y": [millions(height) for _label, _base, height, _kind in steps],
        "base": [millions(base) for _label, base, _height, _kind in steps],
        "text": [format_m(height) for _label, _base, height, _kind in steps],
        "textposition": "outside",
        "marker": {
            "color": [colours[kind] for *_rest, kind in steps],
            "pattern": {"shape": [patterns[kind] for *_rest, kind in steps], "fgcolor": style.WHITE},
        },
        "hovertemplate": "%{x}: £%{y:.3f}m<extra></extra>",
    }
    layout = style.layout(y_title="£m", height=420, showlegend=False)
    return {"data": [trace], "layout": layout}


def bridge_summary(year: "BridgeYear", categories: list[tuple[str, str]]) -> str:
    """The chart in words, for the screen reader and the pack."""
    agreed = year.lines.get(categories[0][0], 0)
    moved = [(label, year.lines.get(value, 0)) for value, label in categories[1:] if year.lines.get(value, 0)]
    parts = [f"{label.lower()} £{format_m(amount)}m" for label, amount in moved]
    text = f"{year.year}: the gap as agreed was £{format_m(agreed)}m"
    if parts:
        text += "; movements: " + ", ".join(parts)
    return (
        text + f"; the revised gap is £{format_m(year.revised_gap)}m, new savings to find £{format_m(year.to_find)}m."
    )
