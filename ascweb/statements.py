"""One edit stack for a period's statements: reserves and provisions, the capital programme,
iBCF scheme updates. A statement is a row per item (a reserve, a scheme) and a column per
figure of the item's Versioned row at the period, with the previous period's figure beside
each field. An app declares its Statement; the rows are read, the form drawn, the figures
saved (under ascweb.versioning's lock) and the page answered here, the same way for all.

Statements belong to no expenditure area: a finance lead and the officers the statement is
assigned to (the app's ascweb.models.Assignment rows, `Statement.assignments`) may edit them
while the period is open (ascweb.permissions.can_edit_assigned).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ascweb import periods
from ascweb.fields import AmountField, VersionField, text_field, version_name
from ascweb.lifecycle import locked_period
from ascweb.models import Period, Versioned
from ascweb.money import format_pounds
from ascweb.permissions import can_edit_assigned, can_see_assigned_form
from ascweb.versioning import Edit, save_edits
from ascweb.views_edit import saved, submit


@dataclass(frozen=True)
class Column:
    field: str  # the figure: a field of the statement's model, named by its verbose name
    prefix: str = ""  # the form fields' names before the item's id (default: the field's name)
    text: bool = False  # free text, not an amount in pounds
    required: bool = True
    carried: bool = True  # a row not saved yet this period starts from the previous period's

    @property
    def name(self) -> str:
        return self.prefix or self.field


@dataclass(frozen=True)
class Statement:
    """What an app's statement form is: its rows' model, the figures, and the page's words."""

    model: type[Versioned]
    key: str  # the model's foreign key to the item: "reserve", "scheme"
    columns: tuple[Column, ...]
    title: str  # "Enter reserves and provisions"
    caption: str  # the table's caption
    item_header: str  # the first column's header: "Reserve or provision"
    button: str
    page: str  # the URL name of the statement's page: where Cancel and a save lead
    what: str  # what was saved, and of what rows: "Reserves and provisions: saved, 2 rows changed."
    noun: str
    template: str  # the page: extends "edit/statement.html" and says how to fill the form in
    assignments: Any  # a queryset: who is assigned the statement (an ascweb.models.Assignment)
    item_name: str = "name"  # the item's attribute naming its row (in headers and errors)
    item_note: str = ""  # an item attribute shown under its name

    def label(self, column: Column) -> str:
        return str(self.model._meta.get_field(column.field).verbose_name)


@dataclass(frozen=True)
class StatementLine:
    item: Any  # a reserve, a capital scheme, an iBCF scheme
    current: Versioned | None  # its row at the period
    previous: Versioned | None  # and at the previous period


def statement_lines(
    period: Period, model: type[Versioned], key: str, line: type[StatementLine] = StatementLine
) -> tuple[list[StatementLine], Period | None]:
    """Every item (in its model's order) with its row at the period and at the previous one."""
    previous = periods.previous_period(period, published_only=False)
    period_ids = [period.id] + ([previous.id] if previous else [])
    rows = list(model.objects.filter(period_id__in=period_ids))
    current = {getattr(row, f"{key}_id"): row for row in rows if row.period_id == period.id}
    before = {getattr(row, f"{key}_id"): row for row in rows if previous and row.period_id == previous.id}
    items = model._meta.get_field(key).related_model.objects.all()
    return [line(item, current.get(item.id), before.get(item.id)) for item in items], previous


@transaction.atomic
def statement_save(
    *,
    user,
    period: Period,
    model: type[Versioned],
    key: str,
    edits: list[Edit],
    assignments,
    skip_new: Callable[[dict[str, Any]], bool] | None = None,
) -> int:
    """Save a statement's rows, all or nothing; returns how many changed. The period is re-read
    under its row lock (a publish cannot interleave) and the permission checked on it: a lead,
    or an officer among the statement's `assignments`."""
    period = locked_period(period)
    if not can_edit_assigned(user, period, assignments):
        raise PermissionDenied("This period is not open for you to edit")
    ids = {edit.key_id for edit in edits}
    items = model._meta.get_field(key).related_model
    if set(items.objects.filter(id__in=ids).values_list("id", flat=True)) != ids:
        raise PermissionDenied(f"Unknown {items._meta.verbose_name}")
    return save_edits(model=model, key=key, period=period, user=user, edits=edits, skip_new=skip_new)


@dataclass(frozen=True)
class Cell:
    field: forms.BoundField
    previous: Any  # the previous period's figure (None: none)
    text: bool

    @property
    def has_previous(self) -> bool:
        return self.previous is not None


class StatementForm(forms.Form):
    """One row per item, one field per column named `<column>_<item id>`, and the version of
    the item's row the form was drawn at. Validation only: every error names the item."""

    def __init__(self, *args, statement: Statement, lines: list[StatementLine], **kwargs):
        super().__init__(*args, **kwargs)
        self.statement, self.lines = statement, lines
        for line in lines:
            name = self.item_name(line)
            for column in statement.columns:
                self.fields[f"{column.name}_{line.item.id}"] = self._field(column, name, line)
            # every field of a statement may be blank (iBCF), and so may the version: blank is
            # "no row seen", which a row saved since still meets
            version = line.current.version if line.current else 0
            self.fields[version_name(line.item.id)] = VersionField(name=name, version=version, required=False)

    def _field(self, column: Column, name: str, line: StatementLine) -> forms.Field:
        what = self.statement.label(column)
        source = line.current or (line.previous if column.carried else None)
        value = getattr(source, column.field) if source is not None else None
        if column.text:
            return text_field(name=name, what=what, label=f"{name} {what}", initial=value or "", rows=4)
        return AmountField(
            line_name=name,
            what=what,
            label=f"{name} {what} (£)",
            required=column.required,
            initial=format_pounds(value) if value is not None else "",
        )

    def item_name(self, line: StatementLine) -> str:
        return str(getattr(line.item, self.statement.item_name))

    def headers(self) -> list[str]:
        labels = [(self.statement.label(column), column.text) for column in self.statement.columns]
        return [f"{label[0].upper()}{label[1:]}{'' if text else ' (£)'}" for label, text in labels]

    def rows(self) -> list[tuple[StatementLine, str, str, list[Cell]]]:
        """(line, the item's name, its note, a cell per column) for the template."""
        note = self.statement.item_note
        return [
            (
                line,
                self.item_name(line),
                getattr(line.item, note) if note else "",
                [
                    Cell(
                        self[f"{column.name}_{line.item.id}"],
                        getattr(line.previous, column.field) if line.previous else None,
                        column.text,
                    )
                    for column in self.statement.columns
                ],
            )
            for line in self.lines
        ]

    def edits(self) -> list[Edit]:
        data = self.cleaned_data
        edits = []
        for line in self.lines:
            values = {}
            for column in self.statement.columns:
                value = data.get(f"{column.name}_{line.item.id}")
                values[column.field] = (value or "").strip() if column.text else value
            edits.append(Edit(line.item.id, values, data[version_name(line.item.id)]))
        return edits


def editable_period(request: HttpRequest, year: str, number: int, assignments) -> Period:
    """The period whose statement (assigned to `assignments`) this user may edit now: 404 if
    they may not see the period, 403 if the statement is not theirs (a lead's, or an assigned
    officer's) or the period is locked (submitted or published)."""
    period = periods.period_or_404(request, year, number)
    if not can_see_assigned_form(request.user, assignments):
        raise PermissionDenied("Only a finance lead or an officer assigned this statement enters these figures")
    if not period.is_open:  # theirs, but locked (the save checks both again, under the period's lock)
        raise PermissionDenied(f"{period.title} is {period.get_status_display().lower()}: its figures are locked")
    return period


def statement_edit(
    request: HttpRequest,
    year: str,
    number: int,
    *,
    statement: Statement,
    lines: Callable[[Period], tuple[list[StatementLine], Period | None]],
    save: Callable[..., int],
) -> HttpResponse:
    """The statement's form page: `lines` reads its rows, `save(user=, period=, entries=)` saves them."""
    period = editable_period(request, year, number, statement.assignments)
    entry_lines, previous = lines(period)
    submission = submit(
        request,
        lambda data: StatementForm(data, statement=statement, lines=entry_lines),
        lambda form: save(user=request.user, period=period, entries=form.edits()),
    )
    if submission.changed is not None:
        return saved(
            request, period, what=statement.what, changed=submission.changed, noun=statement.noun, page=statement.page
        )
    context = {
        "period": period,
        "previous": previous,
        "statement": statement,
        "form": submission.form,
        "conflicts": submission.conflicts,
    }
    return render(request, statement.template, context, status=submission.status)
