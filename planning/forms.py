"""The lead's forms for a draft round: the round itself, and its figures as grids (a row per
line, a column per figure) whose fields are named row__column."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from ascweb.fields import AmountField
from ascweb.lifecycle import year_code
from planning.models import PlanningRound


class RoundForm(forms.Form):
    name = forms.CharField(max_length=100, label="Name of the round", help_text="For example, July 2017")
    first_year = forms.CharField(max_length=7, label="First planning year", help_text="For example, 2018-19")
    share_rule = forms.ChoiceField(choices=PlanningRound.ShareRule.choices, label="Share of new savings")
    illustrative = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Illustrative figures",
        help_text="Say which figures are illustrative (not from a paper); shown on every page that shows them",
    )

    def clean_first_year(self) -> str:
        code = year_code(self.cleaned_data["first_year"])
        if code is None:
            raise ValidationError("Enter a financial year like 2018-19")
        return code


class MilestoneForm(forms.Form):
    date = forms.DateField(input_formats=["%Y-%m-%d", "%d/%m/%Y"], help_text="For example, 12/02/2018")
    name = forms.CharField(max_length=300, label="Milestone", help_text="For example, County Council agrees the budget")

    def row(self) -> tuple[dict, dict]:
        return {"name": self.cleaned_data["name"].strip()}, {"date": self.cleaned_data["date"]}


class RiskForm(forms.Form):
    name = forms.CharField(max_length=300, label="Risk not yet reflected in the figures")
    amount = AmountField(line_name="The risk", what="estimated amount", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].label = "Estimated amount, £ (if known)"

    def row(self) -> tuple[dict, dict]:
        return {"name": self.cleaned_data["name"].strip()}, {"amount": self.cleaned_data["amount"]}


class PercentField(forms.DecimalField):
    def __init__(self, **kwargs):
        super().__init__(max_digits=6, decimal_places=3, min_value=Decimal(-100), max_value=Decimal(100), **kwargs)


class GridForm(forms.Form):
    """`rows`: (key, label); `columns`: (name, label, kind) with kind "money" or "percent";
    `initial`: {(key, name): value}; `fixed`: cells shown, not entered ({(key, name): text})."""

    def __init__(self, *args, rows, columns, initial, fixed=None, required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows, self.columns, self.fixed = rows, columns, fixed or {}
        for key, label in rows:
            for name, heading, kind in columns:
                if (key, name) in self.fixed:
                    continue
                field_name = f"{key}__{name}"
                if kind == "money":
                    field = AmountField(line_name=label, what=heading.lower(), required=required)
                else:
                    field = PercentField(required=required, label=f"{label}: {heading}")
                field.label = f"{label}: {heading}"
                field.initial = initial.get((key, name))
                self.fields[field_name] = field

    def grid(self) -> list[tuple[str, list]]:
        """(row label, [bound field, or the fixed text]) for the template."""
        out = []
        for key, label in self.rows:
            cells = [self.fixed.get((key, name)) or self[f"{key}__{name}"] for name, _heading, _kind in self.columns]
            out.append((label, cells))
        return out

    def values(self) -> dict[str, dict]:
        """{row key: {column: value}} of the entered cells (blank cells left out)."""
        found: dict[str, dict] = {}
        for key, _label in self.rows:
            for name, _heading, _kind in self.columns:
                value = self.cleaned_data.get(f"{key}__{name}")
                if value is not None:
                    found.setdefault(key, {})[name] = value
        return found
