"""The dashboard's first two answers, from the figures it already read (no queries): where the
department will end the year, and what moved since the last report. The other apps answer
theirs through their panels (ascweb.registry.Glance)."""

from ascweb.money import format_m, format_pct
from ascweb.registry import Glance
from finance.calculations import movement, movement_words, variance_words

OUTTURN_ANCHOR = "headline"
MOVED_ANCHOR = "areas"


def _m(pence: int) -> str:
    return f"£{format_m(abs(pence))}m"


def outturn(data) -> Glance:
    """'Forecast outturn £258.901m against a budget of £261.401m: an underspend of £2.500m
    (0.96%).' with its trend: '£2.500m better than at Period 9'."""
    headline = data.headline
    pct = headline.variance_pct
    share = f" ({format_pct(abs(pct))} of budget)" if pct else ""  # the word says which way
    kind = "on budget" if headline.variance == 0 else f"an {variance_words(headline.variance)}"
    answer = f"Forecast outturn {_m(headline.forecast)} against a budget of {_m(headline.budget)}: {kind}{share}."
    before = data.previous_headline
    trend = movement_words(
        headline.variance,
        before.variance if before else None,
        f"Period {data.previous.number}" if data.previous else None,
    )
    return Glance("Where will we end the year?", answer, _sentence(trend), OUTTURN_ANCHOR, order=10)


def moved(data) -> Glance:
    """The area whose variance moved most since the previous published report, and how many
    moved at all; without an earlier report, that there is nothing to compare with."""
    if data.previous is None:
        return Glance(
            "What moved since the last report?",
            "This is the first report of the year: there is no earlier one to compare with.",
            "",
            MOVED_ANCHOR,
            order=20,
        )
    label = f"Period {data.previous.number}"
    moves = [
        (a.name, movement(a.figures.variance, a.previous_variance))
        for a in data.areas
        if a.previous_variance is not None
    ]
    changed = [(name, move) for name, move in moves if move != 0]
    if not changed:
        answer = f"No expenditure area's variance has moved since {label}."
    else:
        name, move = max(changed, key=lambda m: abs(m[1]))
        way = "worse" if move > 0 else "better"
        answer = (
            f"{len(changed)} of {len(moves)} expenditure areas moved since {label}; "
            f"the most, {name}, is {_m(move)} {way}."
        )
    worse = sum(1 for _name, move in changed if move > 0)
    trend = f"{worse} area{'s' if worse != 1 else ''} worse, {len(changed) - worse} better" if changed else ""
    return Glance("What moved since the last report?", answer, _sentence(trend), MOVED_ANCHOR, order=20)


def _sentence(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}." if text else ""


def lines(data, panels) -> list[Glance]:
    """The glance, in order: finance's two answers and each shown panel's (panel, context)."""
    found = [outturn(data), moved(data)]
    found += [panel.glance(context) for panel, context in panels if panel.glance is not None]
    return sorted((line for line in found if line is not None), key=lambda line: line.order)
