"""Property tests: the money parser either returns exact pence or says why, for any input."""

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ascweb.money import MAX_ABS_PENCE, AmountError, format_pounds, parse_amount

HOSTILE = st.sampled_from(
    [
        "NaN",
        "nan",
        "inf",
        "-Infinity",
        "1e308",
        "9" * 400,
        "<script>alert(1)</script>",
        "'; DROP TABLE x; --",
        "",
        " ",
        "\t\n",
        "(",
        ")",
        "()",
        "£",
        "--1",
        "1..2",
        "1,2,3",
        "\u0661\u0662",
        "１２３",
        "1\x00",
        "0x1F",
    ]
)


@settings(max_examples=1000)
@given(st.one_of(st.text(), HOSTILE, st.decimals(allow_nan=True, allow_infinity=True).map(str)))
@example("1,234,567")
def test_parse_amount_returns_pence_or_a_message_never_anything_else(text):
    try:
        pence = parse_amount(text)
    except AmountError as error:
        assert str(error)
    else:
        assert isinstance(pence, int)
        assert abs(pence) <= MAX_ABS_PENCE


@settings(max_examples=1000)
@given(st.integers(min_value=-MAX_ABS_PENCE, max_value=MAX_ABS_PENCE))
def test_any_amount_round_trips_exactly_through_the_form_format(pence):
    assert parse_amount(format_pounds(pence)) == pence


@settings(max_examples=500)
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_typed_pounds_become_exact_pence(value):
    assert parse_amount(f"{value:.2f}") == int(value * 100)
    assert Decimal(parse_amount(f"{value:.2f}")) / 100 == value
