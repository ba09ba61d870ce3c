"""The one way pages and the pack put a variance into words: every template that says
'overspend', 'underspend' or 'over-recovery of income' about a figure goes through here."""

from django import template

from finance import calculations

register = template.Library()


@register.filter
def variance_words(figures) -> str:
    """'underspend of £0.180m', 'over-recovery of income of £9.864m' or 'on budget', from
    anything with a variance (Figures, a table Row, an Explanation, which says if it is income)."""
    if figures is None or figures.variance is None:
        return "–"
    return calculations.variance_words(figures.variance, income=getattr(figures, "income", False))


@register.filter
def signed(pence: int | None, income: bool = False) -> str:
    """'(5.586) underspend', '3.465 overspend': the figure as the tables print it and its
    word, so the sign never depends on colour; `|signed:True` on an income line."""
    return "–" if pence is None else calculations.signed_variance(pence, income=bool(income))
