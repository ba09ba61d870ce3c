"""Recording where a figure printed in a paper does not add up: the one step every app's
printed-total rows go through (the check itself is ascweb.calculations.check_printed)."""

from ascweb.calculations import EXACT, PrintedCheck, check_printed
from ascweb.models import FidelityNote, Period
from ascweb.money import PENCE_PER_THOUSAND


def check_printed_total(
    *,
    period: Period,
    report,
    source: str,
    row: int,
    subject: str,
    column: str,
    printed: int,
    computed: int | None,
    terms: int,
    fmt,
    sums: str = "lines",
    unit_pence: int = PENCE_PER_THOUSAND,
    comment: str = "",
) -> str:
    """One printed total from a file against what its rows add up to: a line for the lead in
    the import's report, and a FidelityNote where it is not exact (rounding or an error).
    `unit_pence`: what the paper rounded to (its £1,000 tables by default); `computed` None:
    the sources do not give the rows it is made of, so it is recorded as a gap, unchecked.
    Returns the check's kind (exact, rounding, error or gap)."""
    if computed is None:
        check, kind = PrintedCheck(printed, 0, 0), FidelityNote.Kind.GAP
        report.notes.append(
            f"Row {row}: {subject} {column}: file says {fmt(printed)}; the sources do not give the {sums} "
            "it is made of (recorded as a gap)"
        )
    else:
        check = check_printed(printed, computed, terms, unit_pence)
        kind = check.kind
        verdict = {EXACT: "adds up", "rounding": "within rounding", "error": "does not add up"}[kind]
        report.notes.append(
            f"Row {row}: {subject} {column}: file says {fmt(printed)}, {sums} sum to {fmt(computed)} ({verdict})"
        )
    if kind != EXACT:
        FidelityNote.objects.create(
            year=period.year,
            period=period,
            source=source[:200],  # the field's length
            subject=subject,
            column=column,
            printed=check.printed,
            computed=check.computed,
            tolerance=check.tolerance,
            kind=kind,
            comment=comment,
        )
    return kind
