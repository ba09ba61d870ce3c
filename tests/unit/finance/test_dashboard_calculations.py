"""Profiles, movement, headline words and forecast accuracy: pure, integer pence."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finance import calculations as calc

M = 100_000_000  # pence in £1m


def test_twelfths_spread_the_budget_evenly_and_leave_period_13_empty():
    profile = calc.profile_budget(120 * M, calc.TWELFTHS)
    assert profile[:12] == [10 * M] * 12
    assert profile[12] == 0


def test_a_budget_that_does_not_divide_by_twelve_still_adds_up_to_the_penny():
    profile = calc.profile_budget(261_401_000_01, calc.TWELFTHS)
    assert sum(profile) == 261_401_000_01
    assert max(profile[:12]) - min(profile[:12]) <= 1  # never more than a penny apart


def test_explicit_basis_points_are_applied_exactly():
    weights = [700] * 12 + [1600]  # 7% a month, 16% at year end
    profile = calc.profile_budget(100 * M, weights)
    assert profile[0] == 7 * M
    assert profile[12] == 16 * M


def test_last_years_pattern_may_include_a_negative_month():
    last_year = [20] * 9 + [-1] + [20, 20, 1]
    profile = calc.profile_budget(220 * M, last_year)
    assert sum(profile) == 220 * M
    assert profile[9] < 0  # the month of the one-off transfer stays negative


def test_a_profile_needs_thirteen_periods_and_some_weight():
    with pytest.raises(ValueError, match="13 periods"):
        calc.profile_budget(M, [1] * 12)
    with pytest.raises(ValueError, match="sum to nothing"):
        calc.profile_budget(M, [0] * 13)


@given(
    budget=st.integers(min_value=-(10**12), max_value=10**12),
    weights=st.lists(st.integers(min_value=0, max_value=10_000), min_size=13, max_size=13).filter(any),
)
def test_any_profile_adds_up_to_its_budget(budget, weights):
    assert sum(calc.profile_budget(budget, weights)) == budget


def test_explicit_weights_are_checked():
    assert calc.check_explicit_weights([769] * 12 + [772]) == []
    assert "not 10,000" in calc.check_explicit_weights([700] * 13)[0]
    assert calc.check_explicit_weights([1] * 12) != []
    assert "Period 1" in calc.check_explicit_weights([-100] + [900] * 11 + [200])[0]


def test_cumulative():
    assert calc.cumulative([1, 2, -4]) == [1, 3, -1]


def test_headline_words_name_the_variance_and_the_movement_since_the_previous_report():
    words = calc.headline_words(-2_500_000_00, -400_000_00, "Period 7")
    assert words == "Forecast underspend of £2.500m, £2.100m better than at Period 7"


def test_headline_words_for_a_worsening_overspend_and_for_the_first_report():
    assert calc.headline_words(300_000_00, 100_000_00, "Period 2") == (
        "Forecast overspend of £0.300m, £0.200m worse than at Period 2"
    )
    assert calc.headline_words(0, None, None) == "Forecast to outturn on budget"
    assert calc.headline_words(-5, -5, "Period 2").endswith("no change since Period 2")


def test_movement_is_negative_when_the_position_improves():
    assert calc.movement(-2_500, 0) == -2_500


def test_forecast_errors_are_each_forecast_less_the_outturn():
    assert calc.forecast_errors({10: 105, 2: 98}, 100) == {2: -2, 10: 5}
