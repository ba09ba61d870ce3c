"""Budget planning's sums (pure): the revised gap, the savings to find, shares to the penny."""

from decimal import Decimal

from planning import calculations


def test_shares_in_proportion_add_up_to_the_penny():
    weights = {"a": 252, "b": 180, "c": 155, "d": 28, "e": 15}
    for total in (-3_090_000_000, -1, -7, 0, 101, -2_515_000_001):
        split = calculations.shares(total, weights)
        assert sum(split.values()) == total
        assert all(abs(split[k] - total * w / 630) < 1 for k, w in weights.items())


def test_no_budget_shares_nothing():
    assert calculations.shares(-100, {"a": 0, "b": 0}) == {"a": 0, "b": 0}
    assert calculations.shares(-100, {"a": 0, "b": 5}) == {"a": 0, "b": -100}


def test_the_gap_and_the_savings_to_find():
    assert calculations.revised_gap([3_500, 1_250, -700]) == 4_050
    assert calculations.savings_to_find(4_050) == 4_050
    assert calculations.savings_to_find(-10) == 0  # a surplus needs no new savings


def test_ratios():
    assert calculations.share_of_budget(-25, 1_000) == Decimal("-0.025")
    assert calculations.share_of_budget(-25, 0) is None
    assert calculations.percent_ratio(Decimal("1.99")) == Decimal("0.0199")
