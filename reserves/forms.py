"""Entry forms for reserves and provisions and the capital programme: validation only.

Amounts are typed in pounds and parsed by ascweb.money (through ascweb.forms.AmountField);
every error names the reserve or scheme; the view saves nothing unless the whole form is valid.
"""

from django import forms

from ascweb.forms import AmountField
from ascweb.money import format_pounds
from reserves.selectors import CapitalEntry, ReserveEntry, edit_token
from reserves.services import CapitalEntryValues, ReserveEntryValues

RESERVE_FIELDS = (("balance_1_april", "balance at 1 April"), ("proposed_usage", "proposed usage"))
CAPITAL_FIELDS = (
    ("current_budget", "current capital budget"),
    ("forecast_outturn", "forecast outturn"),
    ("next_year_draft", "draft budget for next year"),
)


def _initial(current, previous, name: str) -> str:
    """This period's figure, or (in a period just started) the previous period's."""
    source = current or previous
    return format_pounds(getattr(source, name)) if source else ""


class _ScheduleForm(forms.Form):
    """One row per item, one amount field per column, named `<column>_<item id>`."""

    columns: tuple[tuple[str, str], ...] = ()
    token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    @property
    def current_token(self) -> str:
        """The fingerprint of the figures saved now (what a fresh form would carry)."""
        return edit_token(entry.current for entry in self.lines)

    def _add_row(self, item_id: int, name: str, current, previous) -> None:
        for column, what in self.columns:
            self.fields[f"{column}_{item_id}"] = AmountField(
                line_name=name,
                what=what,
                label=f"{name} {what} (£)",
                initial=_initial(current, previous, column),
            )

    def _row_fields(self, item_id: int, previous) -> list:
        """(bound field, the previous period's figure or None) for each column."""
        return [
            (self[f"{column}_{item_id}"], getattr(previous, column) if previous else None)
            for column, _what in self.columns
        ]

    def headers(self) -> list[str]:
        return [f"{what[0].upper()}{what[1:]} (£)" for _column, what in self.columns]

    def _value(self, column: str, item_id: int) -> int:
        return self.cleaned_data[f"{column}_{item_id}"]


class ReserveUsageForm(_ScheduleForm):
    columns = RESERVE_FIELDS

    def __init__(self, *args, lines: list[ReserveEntry], **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for entry in lines:
            self._add_row(entry.reserve.id, entry.reserve.name, entry.current, entry.previous)

    def rows(self):
        return [(entry, self._row_fields(entry.reserve.id, entry.previous)) for entry in self.lines]

    def entries(self) -> list[ReserveEntryValues]:
        return [
            ReserveEntryValues(
                reserve_id=e.reserve.id,
                balance_1_april=self._value("balance_1_april", e.reserve.id),
                proposed_usage=self._value("proposed_usage", e.reserve.id),
            )
            for e in self.lines
        ]


class CapitalForecastForm(_ScheduleForm):
    columns = CAPITAL_FIELDS

    def __init__(self, *args, lines: list[CapitalEntry], **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for entry in lines:
            self._add_row(entry.scheme.id, entry.scheme.name, entry.current, entry.previous)

    def rows(self):
        return [(entry, self._row_fields(entry.scheme.id, entry.previous)) for entry in self.lines]

    def entries(self) -> list[CapitalEntryValues]:
        return [
            CapitalEntryValues(
                scheme_id=e.scheme.id,
                current_budget=self._value("current_budget", e.scheme.id),
                forecast_outturn=self._value("forecast_outturn", e.scheme.id),
                next_year_draft=self._value("next_year_draft", e.scheme.id),
            )
            for e in self.lines
        ]
