"""Display filters for money: the only place templates format amounts."""

from django import template

from ascweb import money

register = template.Library()


@register.filter
def m(pence: int | None) -> str:
    """£m to 3 decimals with brackets for negatives."""
    return money.format_m(pence)


@register.filter
def gbp_m(pence: int | None) -> str:
    """£m in prose: £3.874m, (£9.864m)."""
    return money.format_gbp_m(pence)


@register.filter
def gbp_m_abs(pence: int | None) -> str:
    """£m in prose without sign, where the words say which way: £3.874m."""
    return money.format_gbp_m(abs(pence) if pence is not None else None)


@register.filter
def pounds(pence: int | None) -> str:
    """£ with thousands separators (entry forms)."""
    return money.format_pounds(pence)


@register.filter
def pct(ratio) -> str:
    return money.format_pct(ratio)


@register.filter
def m_abs(pence: int | None) -> str:
    """£m to 3 decimals without sign, for prose that says 'underspend of (£0.309m)'."""
    return money.format_m(abs(pence) if pence is not None else None)


@register.filter
def gbp(pence: int | None) -> str:
    """£ with the sign first, for prose and hints: -£76,870,000."""
    return money.format_gbp(pence)


@register.filter
def pct_abs(ratio) -> str:
    """A percentage without sign, for prose that already says over- or underspend."""
    return money.format_pct(abs(ratio) if ratio is not None else None)


@register.filter
def audit_value(value) -> str:
    """A value in the audit log: amounts (pence) as £, text as itself, long text summarised."""
    if value is None or value == "":
        return "–"
    if isinstance(value, int) and not isinstance(value, bool):
        return money.format_gbp(value)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
