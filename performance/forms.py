"""The officers' entry forms for an indicator: its monthly figures (a row per series, a field
per month) and its commentary. Validation only; every error names the series and month."""

from django import forms

from ascweb.calculations import MONTHS
from ascweb.fields import VersionField, text_field, version_name
from ascweb.versioning import Edit
from performance.calculations import parse_figure
from performance.imports import figure_text
from performance.models import MONTH_FIELDS


class FigureField(forms.CharField):
    def __init__(self, *, name: str, month: str, **kwargs):
        self.where = f"{name}, {month}"
        super().__init__(required=False, max_length=30, **kwargs)

    def clean(self, value):
        text = super().clean(value).strip()
        if not text:
            return None
        try:
            return parse_figure(text)
        except ValueError as error:
            raise forms.ValidationError(f"{self.where}: {error}") from None


class FiguresForm(forms.Form):
    """A row per series (`rows`: (series, its values row at the period or None))."""

    def __init__(self, *args, rows: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.month_names = [name[:3] for name in MONTHS[:12]]
        for series, current in rows:
            for index, field in enumerate(MONTH_FIELDS):
                value = getattr(current, field) if current else None
                self.fields[f"{field}_{series.id}"] = FigureField(
                    name=series.name,
                    month=MONTHS[index],
                    label=f"{series.name} {MONTHS[index]}",
                    initial=figure_text(value),
                )
            version = current.version if current else 0
            self.fields[version_name(series.id)] = VersionField(name=series.name, version=version, required=False)

    def table(self) -> list[tuple]:
        return [(series, [self[f"{field}_{series.id}"] for field in MONTH_FIELDS]) for series, _c in self.rows]

    def edits(self) -> list[Edit]:
        data = self.cleaned_data
        return [
            Edit(
                series.id,
                {field: data.get(f"{field}_{series.id}") for field in MONTH_FIELDS},
                data[version_name(series.id)],
            )
            for series, _current in self.rows
        ]


class CommentaryForm(forms.Form):
    def __init__(self, *args, indicator, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["text"] = text_field(
            name=indicator.name,
            what="commentary",
            label="Key issues and discussion points",
            initial=current.text if current else "",
            rows=8,
        )
        self.fields[version_name(indicator.id)] = VersionField(
            name=indicator.name, version=current.version if current else 0, required=False
        )

    def edits(self) -> list[Edit]:
        data = self.cleaned_data
        return [
            Edit(self.indicator.id, {"text": (data.get("text") or "").strip()}, data[version_name(self.indicator.id)])
        ]
