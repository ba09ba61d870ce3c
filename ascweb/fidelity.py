"""Recording where a figure printed in a paper does not add up: the one step every app's
printed-total rows go through (the check itself is ascweb.calculations.check_printed)."""

from ascweb.calculations import check_printed
from ascweb.models import FidelityNote, Period


def check_printed_total(
    *,
    period: Period,
    report,
    source: str,
    row: int,
    subject: str,
    column: str,
    printed: int,
    computed: int,
    terms: int,
    fmt,
    sums: str = "lines",
) -> None:
    """One printed total from a file against what its rows add up to: a line for the lead in
    the import's report, and a FidelityNote where it is not exact (rounding or an error)."""

    check = check_printed(printed, computed, terms)
    verdict = {"exact": "adds up", "rounding": "within rounding", "error": "does not add up"}[check.kind]
    report.notes.append(
        f"Row {row}: {subject} {column}: file says {fmt(printed)}, {sums} sum to {fmt(computed)} ({verdict})"
    )
    if check.kind != "exact":
        FidelityNote.objects.create(
            year=period.year,
            period=period,
            source=source[:200],  # the field's length
            subject=subject,
            column=column,
            printed=check.printed,
            computed=check.computed,
            tolerance=check.tolerance,
            kind=check.kind,
        )
