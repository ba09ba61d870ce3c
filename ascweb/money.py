"""Money: one parser for typed amounts and one set of formatters for display.

Amounts are integer pence everywhere. Parsing goes through ``Decimal(str)``, never float.
Rounding happens only here, for display: committee tables show £m to 3 decimal places
(the nearest £1,000, half away from zero, as the published reports do) with brackets for
negatives; entry forms show £ with thousands separators.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

PENCE_PER_POUND = 100
PENCE_PER_THOUSAND = 100_000
PENCE_PER_MILLION = 100_000_000
# The largest amount a single line may hold: £10bn, far above any council line, far below
# the 64-bit column limit, so arithmetic on totals can never overflow.
MAX_ABS_PENCE = 10_000_000_000 * PENCE_PER_POUND

# An amount as typed: optionally negative by brackets or a minus sign, optionally with a
# pound sign, then whole pounds (with or without thousands commas) and up to two digits of
# pence; '.5' is 50p. ASCII digits only (\d would also take other scripts' digits).
_AMOUNT = re.compile(
    r"(?:(\()\s*|(-)\s*)?(?:£\s*)?"  # ( or -, then £
    r"(?:([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)|(?=\.))(?:\.([0-9]{1,2}))?"  # pounds, pence
    r"(?(1)\s*\))"  # the closing bracket
)


class AmountError(ValueError):
    """A typed amount that is not a sum of money we accept; the message is for the user."""


def parse_amount(text: str) -> int:
    """Parse '1,234,567', '-1234567.89', '(1,234,567)' or '£1,234,567' into pence.

    Raises AmountError with a message fit to show beside the field.
    """
    if text is None:
        raise AmountError("Enter an amount")
    raw = str(text).strip()
    if not raw:
        raise AmountError("Enter an amount")
    amount = _AMOUNT.fullmatch(raw)
    if amount is None:
        raise AmountError("Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)")
    bracket, minus, pounds, fraction = amount.groups()  # pounds and pence as digits: exact integers
    pence = int((pounds or "0").replace(",", "")) * PENCE_PER_POUND + int((fraction or "0").ljust(2, "0"))
    if pence > MAX_ABS_PENCE:
        raise AmountError("Enter an amount no larger than £10,000,000,000")
    return -pence if bracket or minus else pence


def parse_millions(text: str) -> int:
    """Parse a figure printed in £m ('261.401', '(2.500)', '-0.133') into pence."""
    raw = str(text).strip()
    negative = raw.startswith("(") and raw.endswith(")")
    if negative:
        raw = raw[1:-1]
    millions = Decimal(raw)
    pence = millions * PENCE_PER_MILLION
    if pence != pence.to_integral_value():
        raise ValueError(f"{text!r} has more precision than a penny")
    return int(-pence if negative else pence)


def millions(pence: int) -> Decimal:
    """£m to 3 decimal places, as a Decimal (for spreadsheets and CSV)."""
    return (Decimal(pence) / PENCE_PER_MILLION).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def format_m(pence: int | None) -> str:
    """£m to 3 decimals, negatives in brackets: 261.401, (2.500). None shows as a dash."""
    if pence is None:
        return "–"
    value = millions(pence)
    if value == 0:
        return "0.000"
    text = f"{abs(value):,.3f}"
    return f"({text})" if value < 0 else text


def format_gbp_m(pence: int | None) -> str:
    """£m in prose, the one way the papers write it: £3.874m, negatives in brackets (£9.864m).
    Never "3.874 £m"."""
    if pence is None:
        return "–"
    text = f"£{format_m(abs(pence))}m"
    return f"({text})" if millions(pence) < 0 else text


def format_m_plain(pence: int | None) -> str:
    """£m to 3 decimals with a minus sign (CSV): -2.500. None is empty."""
    if pence is None:
        return ""
    value = millions(pence)
    return f"{value:.3f}" if value != 0 else "0.000"


def format_pounds(pence: int | None) -> str:
    """£ with thousands separators for entry forms: 1,234,567 or -1,234,567.89."""
    if pence is None:
        return ""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), PENCE_PER_POUND)
    return f"{sign}{pounds:,}" + (f".{rest:02d}" if rest else "")


def format_gbp(pence: int | None) -> str:
    """£ with the sign first, for prose: -£76,870,000."""
    if pence is None:
        return ""
    text = format_pounds(abs(pence))
    return f"-£{text}" if pence < 0 else f"£{text}"


def format_pct(ratio: Decimal | None) -> str:
    """A ratio as a percentage to 2 decimals, negatives in brackets: (13.31%)."""
    if ratio is None:
        return "–"
    value = (ratio * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value == 0:
        return "0.00%"
    return f"({abs(value)}%)" if value < 0 else f"{value}%"


def format_pct_plain(ratio: Decimal | None) -> str:
    """A ratio as a percentage to 2 decimals with a minus sign (CSV): -13.31."""
    if ratio is None:
        return ""
    return str((ratio * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
