"""Printed totals from a file: figures a paper prints over a set of an app's items (a
workstream's savings, the reserves, two figures of a capital scheme ...), in tables or in
prose, each checked against what those items add up to by the one check
(ascweb.fidelity.check_printed_total) and never stored.

A row: source (where the paper prints it), subject and column as the paper heads them, printed
(pounds), the codes of the items it adds up (separated by semicolons; blank where the sources do
not say which, with a comment saying why: a gap), the app's own columns saying what it sums,
printed_as (Unsigned where prose prints an amount without its sign), rounded_to (the unit
printed, in pounds: 1000 for £m to three decimals, the default; 100000 for '10.9'; 1000000 for
'£47m') and comment. A figure imported again (same source, subject and column) replaces its
note. An app describes its items (PrintedTotals) and makes its kind with `printed_totals_kind`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q

from ascweb.calculations import EXACT, printed_value
from ascweb.fidelity import check_printed_total
from ascweb.importing import Column, split_list
from ascweb.imports import ImportJob, first_rows
from ascweb.models import FidelityNote, Period
from ascweb.money import PENCE_PER_THOUSAND, format_m
from ascweb.registry import ImportKind

SOURCE_LENGTH = 200  # FidelityNote.source
UNSIGNED = "unsigned"
SIGNED = (("signed", "Signed"), (UNSIGNED, "Unsigned"))


@dataclass(frozen=True)
class PrintedTotals:
    """What an app's printed totals add up.

    - `prefix`: the start of every note's source ("Savings programme: ");
    - `items`: the column naming the items a row adds up ("savings"), `unknown` what a code
      there must be ("a saving or a workstream");
    - `members(period)`: each code a row may name (upper case) -> the items it stands for;
    - `figure(values)`: what a row sums for each item, from its cells (None: not understood,
      reported on `figure_column` with `figure_help`);
    - `sums(period)` -> `of(figure, items)`: (pence, how many rounded figures that adds up);
    - `extra`: the app's own columns, after `items`.
    """

    prefix: str
    items: str
    unknown: str
    members: Callable[[Period], dict[str, frozenset]]
    figure: Callable[[dict], Any]
    figure_column: str
    figure_help: str
    sums: Callable[[Period], Callable[[Any, frozenset], tuple[int, int]]]
    extra: tuple[Column, ...] = ()

    @property
    def columns(self) -> list[Column]:
        return [
            Column("source", required=True, max_length=SOURCE_LENGTH - len(self.prefix)),
            Column("subject", required=True, max_length=200),
            Column("column", required=True, max_length=100),
            Column("printed", "money", required=True),
            Column(self.items),
            *self.extra,
            Column("printed_as", "choice", choices=SIGNED),
            Column("rounded_to", "money"),
            Column("comment"),
        ]


def printed_totals_kind(totals: PrintedTotals, **kind) -> ImportKind:
    """The per-period import kind of `totals` (`kind`: ImportKind's name, title, order, ...).
    Its template is the header alone: printed totals are checked, never kept."""
    return ImportKind(columns=totals.columns, template_rows=lambda _period: [], load=_loader(totals), **kind)


def _loader(totals: PrintedTotals) -> Callable[[ImportJob], None]:
    def load(job: ImportJob) -> None:
        members = totals.members(job.period)
        rows = [
            (number, values, _items(job, totals, number, values, members))
            for number, _key, values in first_rows(
                job, totals.columns, _identity, "column", ("source", "subject", "column")
            )
        ]
        if not job.report.ok or not rows:
            return
        identities = [
            Q(source=totals.prefix + v["source"], subject=v["subject"], column=v["column"]) for _n, v, _i in rows
        ]
        FidelityNote.objects.filter(reduce(or_, identities), period=job.period).delete()  # their last check
        of = totals.sums(job.period)
        for number, values, items in rows:
            computed, terms = (None, 0) if items is None else of(totals.figure(values), items)
            if computed is not None:
                computed = printed_value(values["printed"], computed, magnitude=values["printed_as"] == UNSIGNED)
            kind = check_printed_total(
                period=job.period,
                report=job.report,
                source=totals.prefix + values["source"],
                row=number,
                subject=values["subject"],
                column=values["column"],
                printed=values["printed"],
                computed=computed,
                terms=terms,
                fmt=format_m,
                sums=totals.items,
                unit_pence=values["rounded_to"] or PENCE_PER_THOUSAND,
                comment=values["comment"],
            )
            job.report.created += kind != EXACT

    return load


def _identity(values: dict) -> tuple[str, str, str]:
    return values["source"], values["subject"], values["column"]


def _items(job: ImportJob, totals: PrintedTotals, number: int, values: dict, members: dict) -> frozenset | None:
    """The items a row adds up, its problems reported; None for a row that names none: a figure
    the sources do not give the items of, which needs a comment saying so."""
    label = f"{values['subject']} {values['column']}"
    if not values[totals.items]:
        if not values["comment"]:
            job.report.add(number, "comment", f"{label}: say why the {totals.items} it is made of are not known")
        return None
    if totals.figure(values) is None:
        job.report.add(number, totals.figure_column, f"{label}: {totals.figure_help}")
    if values["rounded_to"] is not None and values["rounded_to"] <= 0:
        job.report.add(number, "rounded_to", f"{label}: the unit the paper rounded to, like 1000 or 1000000")
    found: set = set()
    for code in split_list(values[totals.items]):
        if code.upper() not in members:
            job.report.add(number, totals.items, f"{label}: {code!r} is not {totals.unknown}")
        found |= members.get(code.upper(), frozenset())
    return frozenset(found)
