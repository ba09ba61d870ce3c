"""Recording where a figure printed in a paper does not add up: the one step every app's
printed-total rows go through (the check itself is ascweb.calculations.check_printed)."""

import re

from django.db.models import Q

from ascweb.calculations import ERROR, EXACT, ROUNDING, PrintedCheck, check_printed
from ascweb.models import FidelityNote, Period
from ascweb.money import PENCE_PER_THOUSAND, format_m
from ascweb.registry import registry


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


# --- Footnotes for members: why a figure differs from the printed paper ------------------------


def footnote_text(*, source: str, subject: str, column: str, printed: int, computed: int, kind: str) -> str:
    """One sentence for a member: the figure as printed, the figure shown, and why they differ."""
    where = f"{subject[:1].upper()}{subject[1:]}, {column}: {source} printed {format_m(printed)}; "
    where += f"shown here is {format_m(computed)}"
    if kind == ROUNDING:
        return f"{where}, added up from the lines before rounding. The difference is rounding."
    if printed == -computed:
        return f"{where}, as the lines have it. The paper printed the figure with the opposite sign."
    return f"{where}, what the lines add up to. The printed figure does not add up: a slip in the paper."


def table_footnotes(period: Period, names) -> dict[str, list[str]]:
    """For each registered table named, the footnotes of the period's figures that differ from
    the paper's printing of it (rounding or a slip; gaps are for the lead). One query for all."""
    patterns = {
        name: registry.export_tables[name].printed_source
        for name in names
        if name in registry.export_tables and registry.export_tables[name].printed_source
    }
    found: dict[str, list[str]] = {name: [] for name in names}
    if not patterns:
        return found
    matches = Q()
    for pattern in patterns.values():
        matches |= Q(source__regex=pattern)
    notes = FidelityNote.objects.filter(matches, period=period, kind__in=[ROUNDING, ERROR]).order_by("source", "id")
    for note in notes:
        text = footnote_text(
            source=note.source,
            subject=note.subject,
            column=note.column,
            printed=note.printed,
            computed=note.computed,
            kind=note.kind,
        )
        for name, pattern in patterns.items():
            if re.search(pattern, note.source):
                found[name].append(text)
    return found


def page_footnotes(period: Period, name: str) -> list[str]:
    """The footnotes for the page of one registered table (one query)."""
    return table_footnotes(period, [name])[name]
