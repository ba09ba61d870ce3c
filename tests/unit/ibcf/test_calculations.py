"""iBCF plan arithmetic: totals per year, the Balance line, and what changed between versions."""

import pytest

from ibcf.calculations import (
    Change,
    PlanAgainstSpend,
    Sum,
    add_up,
    balance,
    combine,
    figures_by_year,
    plan_changes,
    records_nothing,
    start_year,
    total_by_year,
    year_totals,
    years_in,
)

TENTH = 10_000_000  # £0.1m in pence


def test_year_totals_sum_each_year_separately():
    assert year_totals([(2017, 1), (2018, 2), (2017, 3)]) == {2017: 4, 2018: 2}
    assert year_totals([]) == {}


def test_balance_is_zero_when_the_plan_spends_exactly_the_funding():
    assert balance(204 * TENTH, 204 * TENTH) == 0


def test_balance_is_negative_when_funding_is_left_unallocated():
    # Period 10 plan 2017-18: schemes 20.4, grants 18.561 + 1.885 = 20.446
    assert balance(204 * TENTH, 2_044_600_000) == -4_600_000


def test_plan_changes_lists_changed_added_and_removed_figures_in_scheme_order():
    before = {("iBCF2", 2017): 93 * TENTH, ("iBCF11", 2017): 2 * TENTH, ("iBCF6", 2019): -1 * TENTH}
    after = {("iBCF2", 2017): 91 * TENTH, ("iBCF11", 2017): 4 * TENTH, ("iBCF12", 2017): TENTH}
    order = {"iBCF2": 2, "iBCF6": 6, "iBCF11": 11, "iBCF12": 12}
    changes = plan_changes(before, after, order)
    assert changes == [
        Change("iBCF2", 2017, 93 * TENTH, 91 * TENTH),
        Change("iBCF6", 2019, -1 * TENTH, None),
        Change("iBCF11", 2017, 2 * TENTH, 4 * TENTH),
        Change("iBCF12", 2017, None, TENTH),
    ]
    assert [c.difference for c in changes] == [-2 * TENTH, TENTH, 2 * TENTH, TENTH]


def test_unchanged_plans_have_no_changes():
    same = {("iBCF1", 2017): 19 * TENTH}
    assert plan_changes(same, dict(same), {"iBCF1": 1}) == []


def test_plan_against_spend_has_no_variance_until_a_forecast_is_reported():
    assert PlanAgainstSpend(plan=100, spend_to_date=None, forecast=None).variance is None
    assert PlanAgainstSpend(plan=100, spend_to_date=40, forecast=90).variance == -10


def test_an_update_with_no_figure_and_no_text_records_nothing():
    assert records_nothing(None, None, "")
    assert records_nothing(None, None, "  \n")
    assert not records_nothing(0, None, "")  # nil spend is a figure
    assert not records_nothing(None, -1, "")
    assert not records_nothing(None, None, "Started")


# --- What a printed figure is checked against ---------------------------------------------------


def test_figures_count_the_stored_figures_they_add_up():
    figures = figures_by_year([("SB2017", 2017, 1_856_100_000), ("SR2015", 2017, 188_500_000), ("SR2015", 2020, 5)])
    assert figures["SB2017"] == {2017: Sum(1_856_100_000, 1)}
    assert total_by_year(figures) == {2017: Sum(2_044_600_000, 2), 2020: Sum(5, 1)}
    assert add_up(figures, ["SB2017", "SR2015"], [2017, 2018, 2019]) == Sum(2_044_600_000, 2)
    assert add_up(figures, ["SB2017"], [2018]) == Sum()  # no figure that year adds nothing


def test_taking_one_row_from_another_keeps_every_term():
    plan, funding = {2017: Sum(204 * TENTH, 11)}, {2017: -Sum(2_044_600_000, 2), 2020: -Sum(5, 1)}
    assert combine(plan, funding) == {2017: Sum(-4_600_000, 13), 2020: Sum(-5, 1)}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2017-18", [2017]),
        (" 2019-20 ", [2019]),
        ("1999-00", [1999]),
        ("2017-18 to 2019-20", [2017, 2018, 2019]),
        ("2017-18 to 2017-18", [2017]),
        ("2019-20 to 2017-18", None),  # backwards
        ("2017-19", None),
        ("2017/18", None),
        ("2017-18 to", None),
        ("to 2017-18", None),
        ("", None),
        ("２０１７-18", None),  # other scripts' digits
    ],
)
def test_the_years_a_figure_covers(text, years):
    assert years_in(text) == years
    if years and " to " not in text:
        assert start_year(text) == years[0]
