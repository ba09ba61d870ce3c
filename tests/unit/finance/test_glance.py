"""The dashboard's first two answers, in words and figures, from the dashboard's own figures."""

from types import SimpleNamespace

from finance import glance
from finance.calculations import Figures
from finance.selectors.dashboard import AreaVariance

M = 100_000_000  # £1m in pence


def _data(areas, *, previous_variance: int | None):
    budget = sum(a.figures.budget for a in areas)
    forecast = sum(a.figures.forecast for a in areas)
    previous = None if previous_variance is None else SimpleNamespace(number=9)
    before = None if previous_variance is None else Figures(budget, budget + previous_variance)
    return SimpleNamespace(headline=Figures(budget, forecast), previous=previous, previous_headline=before, areas=areas)


def _area(name: str, budget: int, forecast: int, before: int | None) -> AreaVariance:
    return AreaVariance(name[:3], name, Figures(budget, forecast), before)


AREAS = [
    _area("Services to Users", 180 * M, 175 * M, -3 * M),  # 2m better
    _area("Commissioned Services", 70 * M, 71 * M, 1 * M),  # no change
    _area("Business Development", 4 * M, 4 * M + M // 2, 0),  # 0.5m worse
]


def test_where_the_year_ends_in_words_and_figures_with_its_trend():
    line = glance.outturn(_data(AREAS, previous_variance=-2 * M))
    assert line.question == "Where will we end the year?"
    assert line.answer == (
        "Forecast outturn £250.500m against a budget of £254.000m: an underspend of £3.500m (1.38% of budget)."
    )
    assert line.trend == "£1.500m better than at Period 9."
    assert (line.anchor, line.order) == ("headline", 10)


def test_on_budget_and_the_first_report_of_the_year():
    line = glance.outturn(_data([_area("Services to Users", 10 * M, 10 * M, None)], previous_variance=None))
    assert line.answer == "Forecast outturn £10.000m against a budget of £10.000m: on budget."
    assert line.trend == ""
    moved = glance.moved(_data([_area("Services to Users", 10 * M, 10 * M, None)], previous_variance=None))
    assert moved.answer == "This is the first report of the year: there is no earlier one to compare with."


def test_what_moved_names_the_largest_move_and_counts_the_rest():
    line = glance.moved(_data(AREAS, previous_variance=-2 * M))
    assert line.answer == (
        "2 of 3 expenditure areas moved since Period 9; the most, Services to Users, is £2.000m better."
    )
    assert line.trend == "1 area worse, 1 better."


def test_nothing_moved():
    still = [_area("Services to Users", 10 * M, 11 * M, 1 * M)]
    line = glance.moved(_data(still, previous_variance=1 * M))
    assert line.answer == "No expenditure area's variance has moved since Period 9."
    assert line.trend == ""


def test_the_lines_come_in_order_with_each_panels_own():
    from ascweb.registry import DashboardPanel, Glance

    reserves = Glance("What is in reserves?", "£1m.", "", "reserves", order=50)
    savings = Glance("Are the savings being delivered?", "£2m.", "", "savings", order=30)
    panels = [
        (DashboardPanel("r", "r.html", lambda p, u: {}, 50, glance=lambda c: reserves), {}),
        (DashboardPanel("none", "n.html", lambda p, u: {}, 40), {}),
        (DashboardPanel("s", "s.html", lambda p, u: {}, 30, glance=lambda c: savings), {}),
    ]
    lines = glance.lines(_data(AREAS, previous_variance=-2 * M), panels)
    assert [line.anchor for line in lines] == ["headline", "areas", "savings", "reserves"]
