"""Pure Plotly figure builders: plain rows in, a figure (a JSON-ready dict) out. No queries.

Figures are plain dicts in Plotly's schema rather than `plotly.graph_objects` objects: the same
JSON, without the validation cost on every page view (the unit tests validate them with
graph_objects instead). Values are £m as Decimal, rounded as the tables round them; they reach
the page as strings through json_script and plotly.js reads them as numbers. Meaning is never
carried by colour alone: every bar is labelled with its value and the word for its sign, and
lines differ in marker and dash as well as colour.
"""

from collections.abc import Sequence
from decimal import Decimal

from ascweb import charts as style
from ascweb.calculations import MONTHS
from ascweb.money import format_m, millions
from finance.calculations import signed_variance, variance_words


def period_label(number: int) -> str:
    return f"P{number}"


def _month(number: int) -> str:
    return MONTHS[number - 1] if number <= 12 else "year end"


def period_name(number: int) -> str:
    return f"Period {number} ({_month(number)})"


def period_short(number: int) -> str:
    """'P11 (February)': a month of any year, not a monitoring report."""
    return f"P{number} ({_month(number)})"


def signed(pence: int, *, income: bool = False) -> str:
    """A variance as the tables print it, with the word for its sign: '(5.586) underspend'
    (on an income line: '(9.864) over-recovery of income')."""
    return signed_variance(pence, income=income)


def _m(pence: int | None) -> Decimal | None:
    return millions(pence) if pence is not None else None


def _padded_range(values: Sequence[int]) -> list[Decimal]:
    """An axis range (£m) from zero past the longest bars, with room for their labels beside them."""
    low, high = min([0, *values]), max([0, *values])
    pad = max((high - low) * 3 // 4, 100_000_000)  # three-quarters of the span, at least £1m
    return [millions(low - pad if low < 0 else -pad // 3), millions(high + pad if high > 0 else pad // 3)]


def headline_figure(bars: Sequence[tuple[str, int]]) -> dict:
    """The department's variance at the previous published period and at this one."""
    values = [variance for _label, variance in bars]
    return {
        "data": [
            {
                "type": "bar",
                "x": [label for label, _variance in bars],
                "y": [_m(v) for v in values],
                "text": [signed(v) for v in values],
                "textposition": "outside",
                "cliponaxis": False,
                "marker": {
                    "color": style.sign_colours(values),
                    "pattern": style.sign_pattern(values),
                },
                "hovertemplate": "%{x}: %{text} £m<extra></extra>",
                "name": "Variance £m",
            }
        ],
        "layout": style.layout(
            title="Forecast variance, £m",
            y_title="£m (negative: underspend)",
            height=320,
            yaxis={**style.LINEAR_AXIS, "range": _padded_range(values), "title": {"text": "£m (negative: underspend)"}},
        ),
    }


def variance_bar_figure(
    rows: Sequence[tuple[str, int, str | None]], *, title: str, income: Sequence[bool] | None = None
) -> dict:
    """A diverging bar per (label, variance, link): overspend right, underspend left, in the
    order given (the selector sorts them), each labelled; a bar with a link opens it. Rows
    marked as income (when given) are labelled as over- or under-recovery of income."""
    values = [variance for _label, variance, _url in rows]
    income = list(income) if income is not None else [False] * len(rows)
    return {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "y": [label for label, _v, _u in rows],
                "x": [_m(v) for v in values],
                "text": [signed(v, income=i) for v, i in zip(values, income, strict=True)],
                # on a narrow screen charts.js shows the figures alone: "(5.586)", brackets for
                # an underspend, as in the tables (the hatching and the table say the rest)
                "meta": {"short_text": [format_m(v) for v in values]},
                "textposition": "outside",
                "cliponaxis": False,
                "customdata": [url or "" for _l, _v, url in rows],
                "marker": {
                    "color": style.sign_colours(values),
                    "pattern": style.sign_pattern(values),
                },
                "hovertemplate": "%{y}: %{text} £m<extra></extra>",
                "name": "Variance £m",
            }
        ],
        "layout": style.layout(
            title=title,
            height=max(260, 90 + 48 * len(rows)),
            xaxis={
                **style.LINEAR_AXIS,
                "range": _padded_range(values),
                "title": {"text": "£m"},
            },
            yaxis={"autorange": "reversed", "automargin": True, "ticksuffix": "  "},
            margin={"l": 10, "r": 40, "t": 50, "b": 60, "pad": 4},
        ),
    }


def _series_traces(periods: Sequence[int], series: Sequence, emphasise: str | None) -> list[dict]:
    traces = []
    for i, line in enumerate(series):
        bold = line.code == emphasise
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": line.name,
                "x": list(periods),
                "y": [_m(v) for v in line.values],
                "text": [signed(v) if v is not None else "" for v in line.values],
                "line": {
                    "color": style.INK if bold else style.series_colour(i),
                    # the emphasised line alone is solid with round markers
                    "dash": "solid" if bold else style.DASHES[1 + i % (len(style.DASHES) - 1)],
                    "width": 4 if bold else 2,
                },
                "marker": {
                    "symbol": "circle" if bold else style.SYMBOLS[1 + i % (len(style.SYMBOLS) - 1)],
                    "size": 10 if bold else 8,
                },
                "hovertemplate": "%{fullData.name}, P%{x}: %{text} £m<extra></extra>",
            }
        )
    return traces


def _period_axis(periods: Sequence[int], title: str = "") -> dict:
    return {
        "title": {"text": title},
        "tickmode": "array",
        "tickvals": list(periods),
        "ticktext": [period_label(n) for n in periods],
        "range": [min(periods, default=1) - 0.5, max(periods, default=12) + 0.5],
        "gridcolor": style.GRID,
        "automargin": True,
    }


def trajectory_figure(periods: Sequence[int], series: Sequence, *, emphasise: str | None, title: str) -> dict:
    """Each series' value (pence) at every period given: the variance trajectory, or how far
    each period's forecast was from the outturn."""
    return {
        "data": _series_traces(periods, series, emphasise),
        "layout": style.layout(
            title=title,
            y_title="£m",
            height=460,
            xaxis=_period_axis(periods),
            legend={"orientation": "h", "x": 0, "y": -0.18, "yanchor": "top"},
            margin={"l": 10, "r": 10, "t": 50, "b": 140, "pad": 4},
        ),
    }


def profile_figure(years: Sequence) -> dict:
    """Cumulative actual net expenditure against the cumulative profiled budget, by year."""
    periods = list(range(1, 14))
    traces = []
    for i, year in enumerate(years):
        colour = style.series_colour(i)
        width = 4 if year.current else 2
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": f"{year.code} actual",
                "x": periods,
                "y": [_m(v) for v in year.cumulative],
                "line": {"color": colour, "width": width},
                "marker": {"symbol": style.SYMBOLS[i % len(style.SYMBOLS)], "size": 8},
                "hovertemplate": "%{fullData.name}, P%{x}: £%{y:.3f}m<extra></extra>",
            }
        )
        if year.cumulative_profile is not None:
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "name": f"{year.code} profiled budget",
                    "x": periods,
                    "y": [_m(v) for v in year.cumulative_profile],
                    "line": {"color": colour, "width": width, "dash": "dot"},
                    "hovertemplate": "%{fullData.name}, P%{x}: £%{y:.3f}m<extra></extra>",
                }
            )
    return {
        "data": traces,
        "layout": style.layout(
            title="Cumulative net expenditure against profiled budget, £m",
            y_title="£m, cumulative",
            height=460,
            xaxis=_period_axis(periods),
            margin={"l": 10, "r": 10, "t": 50, "b": 140, "pad": 4},
        ),
    }


def monthly_figure(years: Sequence) -> dict:
    """Net expenditure in each period, a bar per year (patterned as well as coloured)."""
    periods = list(range(1, 14))
    traces = [
        {
            "type": "bar",
            "name": year.code,
            "x": periods,
            "y": [_m(v) for v in year.monthly],
            "marker": {
                "color": style.series_colour(i),
                "pattern": {
                    "shape": style.PATTERNS[i % len(style.PATTERNS)],
                    "fgcolor": style.WHITE,
                    "fillmode": "overlay",
                },
            },
            "hovertemplate": "%{fullData.name}, P%{x}: £%{y:.3f}m<extra></extra>",
        }
        for i, year in enumerate(years)
    ]
    return {
        "data": traces,
        "layout": style.layout(
            title="Net expenditure by period, £m",
            y_title="£m in the period",
            height=400,
            barmode="group",
            xaxis=_period_axis(periods),
            margin={"l": 10, "r": 10, "t": 50, "b": 110, "pad": 4},
        ),
    }


# --- Text summaries: what each chart shows, in words, for everyone -------------------------


def _pounds_m(pence: int) -> str:
    return f"£{format_m(abs(pence))}m"


def variance_summary(
    rows: Sequence[tuple[str, int]], *, what: str = "areas", income: Sequence[bool] | None = None
) -> str:
    """'2 of 5 areas forecast an overspend ... the largest underspend is Services to Users, (5.586).'
    Income lines (marked, when given) are neither: their variance is named apart."""
    if not rows:
        return f"No {what} have figures at this period."
    marks = list(income) if income is not None else [False] * len(rows)
    spending = [r for r, i in zip(rows, marks, strict=True) if not i]
    recovered = [r for r, i in zip(rows, marks, strict=True) if i and r[1] != 0]
    over = [r for r in spending if r[1] > 0]
    under = [r for r in spending if r[1] < 0]
    parts = [f"{len(over)} of {len(rows)} {what} forecast an overspend and {len(under)} an underspend."]
    if over:
        label, value = max(over, key=lambda r: r[1])
        parts.append(f"The largest overspend is {label}, {_pounds_m(value)}.")
    if under:
        label, value = min(under, key=lambda r: r[1])
        parts.append(f"The largest underspend is {label}, {_pounds_m(value)}.")
    parts += [f"{label} forecasts an {variance_words(value, income=True)}." for label, value in recovered]
    return " ".join(parts)


def trajectory_summary(periods: Sequence[int], series: Sequence, *, total_code: str) -> str:
    total = next((s for s in series if s.code == total_code), None)
    if total is None or not periods:
        return "No published periods to compare yet."
    if len(periods) == 1:
        return f"Only {period_name(periods[0])} has been reported this year: {signed(total.values[0])}."
    first, last = total.values[0], total.values[-1]
    return (
        f"The department's variance moved from {signed(first)} at {period_name(periods[0])} "
        f"to {signed(last)} at {period_name(periods[-1])}, over {len(periods)} published reports."
    )


def accuracy_summary(periods: Sequence[int], series: Sequence, *, total_code: str) -> str:
    total = next((s for s in series if s.code == total_code), None)
    if total is None or not periods:
        return "No forecasts to compare with the outturn."
    worst = max(range(len(periods)), key=lambda i: abs(total.values[i]))
    return (
        f"The department's forecast at {period_name(periods[worst])} was furthest from the outturn, "
        f"{_distance(total.values[worst])}. At {period_name(periods[-1])} it was {_distance(total.values[-1])}."
    )


def _distance(error: int) -> str:
    if error == 0:
        return "equal to it"
    return f"{_pounds_m(error)} {'above' if error > 0 else 'below'} it"


def profile_summary(years: Sequence, *, forecast: int) -> str:
    current = next((y for y in years if y.current), None)
    if current is None or current.total is None:
        return "No net expenditure has been reported for this year yet."
    known = [n for n, v in enumerate(current.monthly, 1) if v is not None]
    at = known[-1]
    actual = current.cumulative[at - 1]
    text = f"By {period_name(at)}, net expenditure for {current.code} is {_pounds_m(actual)}"
    if current.cumulative_profile is not None:
        profiled = current.cumulative_profile[at - 1]
        gap = actual - profiled
        side = "below" if gap < 0 else "above"
        text += f" against a profiled budget of {_pounds_m(profiled)}: {_pounds_m(gap)} {side} profile"
    text += f". The forecast outturn of {_pounds_m(forecast)} leaves {_pounds_m(forecast - actual)}"
    text += f" for periods {at + 1} to 13." if at < 13 else "."
    months = [(v, n) for n, v in enumerate(current.monthly, 1) if v is not None]
    high, low = max(months), min(months)
    text += (
        f" The highest period is {period_name(high[1])} at {_pounds_m(high[0])},"
        f" the lowest {period_name(low[1])} at {'-' if low[0] < 0 else ''}{_pounds_m(low[0])}."
    )
    return text


# --- The pages' figures ---------------------------------------------------------------------


def dashboard_figures(data, area_urls: dict[str, str]) -> dict[str, dict]:
    """Every figure of the dashboard, by name, from the selector's Dashboard rows."""
    period = data.period
    total_code = data.trajectory.series[-1].code if data.trajectory.series else ""
    bars = [(f"Period {data.previous.number}", data.previous_headline.variance)] if data.previous else []
    bars.append((f"Period {period.number}", data.headline.variance))
    area_rows = [(a.name, a.figures.variance, area_urls.get(a.code)) for a in data.areas]
    traj = data.trajectory
    figures = {
        "headline": {"figure": headline_figure(bars), "summary": headline_summary(bars)},
        "areas": {
            "figure": variance_bar_figure(area_rows, title=f"Variance by expenditure area at P{period.number}, £m"),
            "summary": variance_summary([(name, v) for name, v, _url in area_rows]),
        },
        "trajectory": {
            "figure": trajectory_figure(
                traj.periods, traj.series, emphasise=total_code, title=f"Variance at each report of {period.year}, £m"
            ),
            "summary": trajectory_summary(traj.periods, traj.series, total_code=total_code),
        },
        "profile": {
            "figure": profile_figure(data.net_expenditure),
            "summary": profile_summary(data.net_expenditure, forecast=data.headline.forecast),
        },
        "monthly": {
            "figure": monthly_figure(data.net_expenditure),
            "summary": monthly_summary(data.net_expenditure),
        },
    }
    if data.accuracy is not None:
        acc = data.accuracy
        figures["accuracy"] = {
            "figure": trajectory_figure(
                acc.periods,
                acc.series,
                emphasise=total_code,
                title=f"Forecast less outturn at each report of {period.year}, £m",
            ),
            "summary": accuracy_summary(acc.periods, acc.series, total_code=total_code),
        }
    return figures


def headline_summary(bars: Sequence[tuple[str, int]]) -> str:
    if len(bars) == 1:
        return f"At {bars[0][0]} the department's variance is {signed(bars[0][1])}."
    (before, was), (now, is_) = bars[-2], bars[-1]
    return f"The department's variance was {signed(was)} at {before} and is {signed(is_)} at {now}."


def monthly_summary(years: Sequence) -> str:
    parts = []
    for year in years:
        months = [(v, n) for n, v in enumerate(year.monthly, 1) if v is not None]
        if not months:
            parts.append(f"{year.code}: no figures.")
            continue
        high, low = max(months), min(months)
        parts.append(
            f"{year.code}: {len(months)} periods totalling {_pounds_m(year.total)}, highest "
            f"{period_label(high[1])} at {_pounds_m(high[0])}, lowest {period_label(low[1])} "
            f"at {'-' if low[0] < 0 else ''}{_pounds_m(low[0])}."
        )
    return " ".join(parts)
