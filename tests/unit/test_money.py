from decimal import Decimal

import pytest

from ascweb.money import (
    AmountError,
    format_gbp,
    format_gbp_m,
    format_m,
    format_m_plain,
    format_pct,
    format_pounds,
    parse_amount,
    parse_millions,
)


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("1,234,567", 123456700),
        ("-1234567.89", -123456789),
        ("(1,234,567)", -123456700),
        ("£1,234,567", 123456700),
        ("-£1,234.5", -123450),
        ("  42  ", 4200),
        ("0", 0),
        (".5", 50),
        ("10000000000", 1_000_000_000_000),  # the £10bn ceiling itself
    ],
)
def test_parse_amount_accepts_the_forms_finance_staff_type(text, pence):
    assert parse_amount(text) == pence


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1.234",
        "1,23,456",
        "12,34",
        "1e6",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "(1,234",
        "1,234)",
        "--5",
        "(-5)",
        "£",
        "1 234",
        "١٢٣",
        "0x10",
        "1_000",
        "<script>",
        "1;DROP TABLE",
        "10000000000.01",  # a penny over £10bn
        "99999999999999999999999",
    ],
)
def test_parse_amount_refuses_anything_else_with_a_message(text):
    with pytest.raises(AmountError) as error:
        parse_amount(text)
    assert str(error.value)  # a message fit to show beside the field


def test_parse_amount_never_goes_through_float():
    # 0.1 + 0.2 style errors would show here: 1,234,567.29 must be exactly 123456729 pence.
    assert parse_amount("1,234,567.29") == 123456729
    assert parse_amount("0.07") == 7


@pytest.mark.parametrize(
    ("printed", "pence"),
    [("261.401", 26140100000), ("(2.500)", -250000000), ("-0.133", -13300000), ("(76.87)", -7687000000)],
)
def test_parse_millions_reads_committee_figures(printed, pence):
    assert parse_millions(printed) == pence


def test_parse_millions_refuses_fractions_of_a_penny():
    with pytest.raises(ValueError):
        parse_millions("0.000000001")  # a tenth of a penny


@pytest.mark.parametrize(
    ("pence", "shown"),
    [
        (26140100000, "261.401"),
        (-250000000, "(2.500)"),
        (0, "0.000"),
        (49_999, "0.000"),  # £499.99 rounds to nothing
        (50_000, "0.001"),  # £500 rounds half away from zero
        (-50_000, "(0.001)"),  # ... for negatives too
        (-49_999, "0.000"),  # no "(0.000)": a rounded zero is zero
        (82_550_000, "0.826"),  # £825,500 to the £1,000 above
        (-82_550_000, "(0.826)"),
        (123_456_789_000, "1,234.568"),
        (None, "–"),
    ],
)
def test_format_m_rounds_to_thousands_half_away_from_zero_with_brackets(pence, shown):
    assert format_m(pence) == shown


def test_format_m_plain_uses_a_minus_sign_for_csv():
    assert format_m_plain(-250000000) == "-2.500"
    assert format_m_plain(82600000) == "0.826"
    assert format_m_plain(None) == ""


def test_format_pounds_for_entry_forms_round_trips_through_the_parser():
    for pence in (0, 5, 123456789, -7687000000, 1_000_000_000_000):
        assert parse_amount(format_pounds(pence)) == pence
    assert format_pounds(-7687000000) == "-76,870,000"
    assert format_pounds(123456789) == "1,234,567.89"


def test_format_gbp_puts_the_sign_before_the_pound():
    assert format_gbp(-7687000000) == "-£76,870,000"
    assert format_gbp(100) == "£1"


@pytest.mark.parametrize(
    ("ratio", "shown"),
    [(Decimal("-0.1331"), "(13.31%)"), (Decimal("0.12833"), "12.83%"), (Decimal(0), "0.00%"), (None, "–")],
)
def test_format_pct(ratio, shown):
    assert format_pct(ratio) == shown


@pytest.mark.parametrize(
    ("pence", "text"),
    [
        (387_400_000, "£3.874m"),
        (-986_400_000, "(£9.864m)"),
        (0, "£0.000m"),
        (49_999, "£0.000m"),  # rounds to nothing: no bracketed nought
        (-50_000, "(£0.001m)"),  # half away from zero, as the tables round
        (None, "–"),
    ],
)
def test_money_in_prose_is_written_one_way_pounds_first_m_after(pence, text):
    assert format_gbp_m(pence) == text
    assert "£m" not in format_gbp_m(pence)
