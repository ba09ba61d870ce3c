"""The one chart style: colours, fonts and layout defaults for every app's chart builders, on
the page and in the appendix pack. Pure: no Django, no database (an import-linter contract).

Figures are plain dicts in Plotly's schema (see finance.charts). The palette is GOV.UK's
colours with at least 3:1 contrast against white; meaning is never carried by colour alone,
so the style also names the markers, dashes and patterns that tell series apart.
"""

from collections.abc import Sequence

INK = "#0b0c0c"
GRID = "#b1b4b6"
WHITE = "#ffffff"
OVERSPEND = "#d4351c"  # red: spending above budget, savings at risk
UNDERSPEND = "#1d70b8"  # blue
DELIVERED = "#00703c"  # green: savings delivered
AT_RISK = OVERSPEND
SERIES_COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#505a5f", "#912b88", "#003078", "#8f4b00")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "triangle-down", "star", "cross")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
PATTERNS = ("", "/", ".")  # bars of one series after another

SCREEN_FONT = "arial, sans-serif"  # the site's own font stack
PRINT_FONT = "DejaVu Sans"  # embedded in the pack's PDF
FONT_SIZE = 14
TITLE_SIZE = 16
MARGIN = {"l": 10, "r": 10, "t": 50, "b": 50, "pad": 4}

# A value axis: grid lines, a strong zero line.
LINEAR_AXIS = {"type": "linear", "gridcolor": GRID, "zerolinecolor": INK, "zerolinewidth": 2, "automargin": True}


def axis(title: str = "", **extra) -> dict:
    return {"title": {"text": title}, "gridcolor": GRID, "zerolinecolor": INK, "automargin": True, **extra}


def layout(*, title: str = "", x_title: str = "", y_title: str = "", height: int = 380, **extra) -> dict:
    """A figure's layout in the house style; `extra` replaces any default (a whole key)."""
    base = {
        "font": {"family": SCREEN_FONT, "color": INK, "size": FONT_SIZE},
        "paper_bgcolor": WHITE,
        "plot_bgcolor": WHITE,
        "height": height,
        "margin": dict(MARGIN),
        "xaxis": axis(x_title),
        "yaxis": axis(y_title),
        "legend": {"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"},
        "hoverlabel": {"bgcolor": WHITE, "font": {"color": INK}},
        "dragmode": False,  # no accidental zooming: the table holds the exact figures
    }
    if title:  # without one, the page's caption titles the chart
        base["title"] = {"text": title, "x": 0, "xanchor": "left", "font": {"size": TITLE_SIZE}}
    return {**base, **extra}


def print_layout(figure_layout: dict) -> dict:
    """The same layout for print: the pack's embedded font, on white."""
    font = {**figure_layout.get("font", {}), "family": PRINT_FONT, "color": INK}
    return {**figure_layout, "font": font, "paper_bgcolor": WHITE, "plot_bgcolor": WHITE}


def series_colour(index: int) -> str:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def sign_colours(values: Sequence[int]) -> list[str]:
    """Overspend red, underspend (and nil) blue."""
    return [OVERSPEND if value > 0 else UNDERSPEND for value in values]


def sign_pattern(values: Sequence[int]) -> dict:
    """Overspend bars hatched, underspend bars plain: the sign shows without colour too."""
    return {"shape": ["/" if value > 0 else "" for value in values], "fgcolor": WHITE, "fillmode": "overlay"}


def wrap(label: str, width: int = 18) -> str:
    """A long axis label on several lines (<br>), so narrow screens keep room for the bars."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)
