"""Pure Plotly figure builders for the performance dashboard: an indicator's monthly trend
against its target line. Rows in (typed), a JSON-ready dict out; no queries. The target is a
dashed line with square markers, the figures a solid line with round markers: the two differ
in shape as well as colour."""

from decimal import Decimal

from ascweb import charts as style
from ascweb.calculations import MONTHS


def trend(*, name: str, unit: str, months: list[Decimal | None], targets: list[Decimal | None], latest: int) -> dict:
    """{"figure", "summary"}: the months April to `latest` and their targets."""
    labels = [MONTHS[m][:3] for m in range(latest)]
    shown = months[:latest]
    aims = targets[:latest]
    suffix = "%" if unit == "percent" else ""
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": "Norfolk total",
            "x": labels,
            "y": [None if v is None else str(v) for v in shown],
            "line": {"color": style.series_colour(0), "dash": style.DASHES[0], "width": 3},
            "marker": {"symbol": style.SYMBOLS[0], "size": 9},
            "hovertemplate": f"%{{x}}: %{{y:,}}{suffix}<extra></extra>",
        }
    ]
    if any(t is not None for t in aims):
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": "Target",
                "x": labels,
                "y": [None if t is None else str(t.quantize(Decimal("0.1"))) for t in aims],
                "line": {"color": style.INK, "dash": style.DASHES[1], "width": 2},
                "marker": {"symbol": style.SYMBOLS[1], "size": 7},
                "hovertemplate": f"Target %{{x}}: %{{y:,}}{suffix}<extra></extra>",
            }
        )
    figure = {"data": data, "layout": style.layout(y_title="%" if unit == "percent" else "")}
    return {"figure": figure, "summary": _summary(labels, shown, aims, suffix)}


def _summary(labels: list[str], months: list, targets: list, suffix: str) -> str:
    known = [(label, value) for label, value in zip(labels, months, strict=True) if value is not None]
    if not known:
        return "No monthly figures yet."
    high = max(known, key=lambda pair: pair[1])
    low = min(known, key=lambda pair: pair[1])
    words = (
        f"From {known[0][0]} to {known[-1][0]}: highest in {high[0]} ({high[1].normalize():,f}{suffix}), "
        f"lowest in {low[0]} ({low[1].normalize():,f}{suffix})."
    )
    months_with_target = [(v, t) for v, t in zip(months, targets, strict=True) if v is not None and t is not None]
    if months_with_target:
        over = sum(1 for value, target in months_with_target if value > target)
        words += f" Above the target line in {over} of {len(months_with_target)} months with a target."
    return words
