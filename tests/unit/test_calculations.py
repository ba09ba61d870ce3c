from decimal import Decimal

import pytest

from ascweb.calculations import ERROR, EXACT, ROUNDING, check_printed, printed_value, rounding_tolerance
from ascweb.money import format_pct
from finance.calculations import (
    Figures,
    Node,
    Outturn,
    Tree,
    needs_explanation,
    rollup,
    rollup_recorded,
    variance,
    variance_pct,
)

THOUSAND = 100_000  # pence


def test_variance_is_forecast_less_budget_so_overspends_are_positive():
    assert variance(budget=100, forecast=130) == 30
    assert variance(budget=100, forecast=70) == -30


def test_variance_pct_is_signed_as_the_variance_an_income_over_recovery_is_negative():
    # Service User Income P10: budget (76.870), variance (9.864): an over-recovery, shown as
    # (12.83%) like any underspend (the paper printed 12.83%, the sign of the ratio).
    ratio = variance_pct(-986_400_000, -7_687_000_000)
    assert ratio.quantize(Decimal("0.0001")) == Decimal("-0.1283")
    assert format_pct(ratio) == "(12.83%)"


def test_variance_pct_of_an_overspend_on_a_negative_budget_is_positive():
    # Management, Finance & HR P10: budget (9.642), forecast (6.177), overspend 3.465 -> 35.94%.
    ratio = variance_pct(variance(budget=-964_200_000, forecast=-617_700_000), -964_200_000)
    assert format_pct(ratio) == "35.94%"


@pytest.mark.parametrize(
    ("budget", "forecast", "sign"),
    [(100, 130, 1), (100, 70, -1), (-100, -70, 1), (-100, -130, -1)],
)
def test_variance_pct_always_has_the_variances_sign(budget, forecast, sign):
    ratio = variance_pct(variance(budget=budget, forecast=forecast), budget)
    assert ratio == Decimal(sign * 30) / 100


def test_variance_pct_is_none_for_a_nil_budget():
    assert variance_pct(500, 0) is None


@pytest.mark.parametrize(
    ("variance_pence", "needed"),
    [(10_000_000, True), (-10_000_000, True), (9_999_999, False), (-9_999_999, False), (0, False)],
)
def test_explanation_needed_at_the_threshold_either_way(variance_pence, needed):
    assert needs_explanation(variance_pence, threshold_pence=10_000_000) is needed


def _tree():
    # 1 department > 2 area (lines 3, 4) and 5 area > 6 group (lines 7, 8) and line 9
    nodes = [
        Node(1, None, 0),
        Node(2, 1, 0),
        Node(3, 2, 1),
        Node(4, 2, 0),
        Node(5, 1, 1),
        Node(6, 5, 0),
        Node(7, 6, 0),
        Node(8, 6, 1),
        Node(9, 5, 1),
    ]
    return Tree.build(nodes)


def test_tree_walks_in_report_order():
    assert [node_id for node_id, _ in _tree().walk()] == [1, 2, 4, 3, 5, 6, 7, 8, 9]
    assert _tree().leaves_under(5) == [7, 8, 9]


def test_rollup_totals_every_level_from_the_leaves():
    leaves = {3: Figures(100, 90), 4: Figures(50, 70), 7: Figures(10, 10), 8: Figures(5, 1), 9: Figures(-20, -25)}
    totals = rollup(_tree(), leaves)
    assert totals[2] == Figures(150, 160)
    assert totals[6] == Figures(15, 11)
    assert totals[5] == Figures(-5, -14)
    assert totals[1] == Figures(145, 146)
    assert totals[1].variance == 1


def test_rollup_treats_a_line_without_figures_as_nil():
    totals = rollup(_tree(), {3: Figures(100, 90)})
    assert totals[1] == Figures(100, 90)
    assert totals[9] == Figures(0, 0)


def test_rollup_recorded_uses_a_figure_where_the_paper_gives_it_and_sums_below_elsewhere():
    recorded = {3: Outturn(10, 1), 4: Outturn(20, 2), 5: Outturn(100, -7)}  # area 5 known only as a whole
    totals = rollup_recorded(_tree(), recorded)
    assert totals[2] == Outturn(30, 3)
    assert totals[5] == Outturn(100, -7)
    assert totals[6] is None  # nothing known below the group
    assert totals[1] == Outturn(130, -4)


def test_rounding_tolerance_is_half_a_unit_per_rounded_figure_and_the_printed_total():
    assert rounding_tolerance(1) == THOUSAND  # two rounded figures: the line and the print
    assert rounding_tolerance(7) == 4 * THOUSAND


def test_check_printed_tells_exact_rounding_and_error_apart():
    assert check_printed(7_192_800_000, 7_192_800_000, 7).kind == EXACT
    # Commissioned Services budget P10: paper 71.928, seven lines sum to 71.929
    assert check_printed(7_192_800_000, 7_192_900_000, 7).kind == ROUNDING
    # Commissioned Services forecast P10: paper 71.990, lines sum to 71.901
    result = check_printed(7_199_000_000, 7_190_100_000, 7)
    assert result.kind == ERROR
    assert result.difference == 8_900_000


def test_check_printed_uses_the_unit_the_paper_printed():
    million = 100_000_000
    # "the required £47m" against 47.126: within half a million per figure
    assert check_printed(47 * million, 47_126 * million // 1000, 1, unit_pence=million).kind == ROUNDING
    # a 0.500 difference in a table printed to £1,000 is an error
    assert check_printed(-6_842 * million // 1000, -7_342 * million // 1000, 7, unit_pence=100_000).kind == ERROR
    assert check_printed(5, 5, 1, unit_pence=100_000).kind == EXACT


def test_printed_prose_is_compared_unsigned():
    assert printed_value(387_400_000, -387_400_000, magnitude=True) == 387_400_000
    assert printed_value(-387_400_000, 387_400_000, magnitude=False) == 387_400_000
