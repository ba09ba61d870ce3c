"""'Figures may not add due to rounding': true when a printed total differs from the sum of
the printed (rounded to £1,000) figures it totals, in any money column."""

from hypothesis import given
from hypothesis import strategies as st

from ascweb.exports import figures_may_not_add

K = 100_000  # £1,000 in pence: one unit of the third decimal place in £m


def test_whole_thousands_always_add():
    rows = [("line", 0, [3 * K]), ("line", 0, [4 * K]), ("grand_total", 0, [7 * K])]
    assert figures_may_not_add(rows) is False


def test_two_roundings_down_make_the_total_one_more_than_its_lines():
    # 1.4 + 1.4 thousand print as 0.001 + 0.001, their total 2.8 thousand as 0.003.
    rows = [("line", 0, [140_000]), ("line", 0, [140_000]), ("grand_total", 0, [280_000])]
    assert figures_may_not_add(rows) is True


def test_any_money_column_counts_and_blank_figures_are_skipped():
    rows = [
        ("line", 0, [K, 140_000, None]),
        ("line", 0, [K, 140_000, None]),
        ("grand_total", 0, [2 * K, 280_000, None]),
    ]
    assert figures_may_not_add(rows) is True
    exact = [("line", 0, [K, None]), ("line", 0, [K, 5 * K]), ("grand_total", 0, [2 * K, 5 * K])]
    assert figures_may_not_add(exact) is False


def _appendix_a(inner: list[int]) -> list[tuple[str, int, list[int]]]:
    """Appendix A's shape for Services to Users: a headed group (Purchase of Care), two lines,
    a group printed without a heading (Cost of Services) closed by its total, income, the area
    total, then the grand total with another area beside it."""
    care = sum(inner)
    cost = care + 10 * K + 20 * K
    net = cost - 50 * K
    return [
        ("line", 0, [7 * K]),  # Business Development, one row
        ("heading", 0, [None]),  # Services to Users
        ("heading", 1, [None]),  # Purchase of Care
        *[("line", 2, [value]) for value in inner],
        ("total", 1, [care]),  # Total Purchase of Care
        ("line", 1, [10 * K]),  # Hired Transport
        ("line", 1, [20 * K]),  # Staffing
        ("total", 1, [cost]),  # Total Cost of Services to Users (no heading printed)
        ("line", 1, [-50 * K]),  # Service User Income
        ("total", 0, [net]),  # Net Expenditure
        ("grand_total", 0, [net + 7 * K]),
    ]


def test_nested_groups_that_add_up():
    assert figures_may_not_add(_appendix_a([K, 2 * K, 3 * K])) is False


def test_rounding_inside_a_nested_group_is_found():
    assert figures_may_not_add(_appendix_a([140_000, 140_000, 3 * K])) is True


def test_a_total_that_is_simply_wrong_is_found_too():
    rows = _appendix_a([K, 2 * K, 3 * K])
    rows[-1] = ("grand_total", 0, [rows[-1][2][0] + K])
    assert figures_may_not_add(rows) is True


@given(st.lists(st.integers(min_value=-10_000, max_value=10_000), min_size=1, max_size=30))
def test_lines_in_whole_thousands_never_need_the_note(thousands):
    rows = [("line", 0, [t * K]) for t in thousands]
    rows.append(("grand_total", 0, [sum(thousands) * K]))
    assert figures_may_not_add(rows) is False


def test_sibling_totals_without_headings_each_total_their_own_lines():
    """The reserves statement: provisions, their total, reserves, their total, then both."""
    rows = [
        ("line", None, [4 * K]),
        ("total", None, [4 * K]),  # Total provisions
        ("line", None, [2 * K]),
        ("line", None, [3 * K]),
        ("total", None, [5 * K]),  # Total reserves: its own two lines, not the provisions too
        ("grand_total", None, [9 * K]),
    ]
    assert figures_may_not_add(rows) is False
    rows[4] = ("total", None, [6 * K])
    assert figures_may_not_add(rows) is True
