"""Forms: validation only. Amounts are typed in pounds and parsed by ascweb.money."""

import re
from decimal import Decimal

from django import forms

from ascweb.calculations import MONTHS
from ascweb.fields import AmountField, VersionField, text_field, version_name
from ascweb.money import format_gbp, format_pounds
from finance.calculations import BASIS_POINTS, PERIODS_IN_YEAR, needs_explanation
from finance.models import BudgetProfile
from finance.selectors.entry import EntryLine
from finance.services import LineEntry


class AreaForecastForm(forms.Form):
    """Budget, forecast outturn and explanation for every line of one expenditure area."""

    def __init__(self, *args, lines: list[EntryLine], threshold: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines, self.threshold = lines, threshold
        for entry in lines:
            line, current = entry.line, entry.current
            self.fields[f"budget_{line.id}"] = AmountField(
                line_name=line.name,
                what="budget",
                label=f"{line.name} budget (£)",
                initial=format_pounds(current.budget) if current else "",
            )
            self.fields[f"forecast_{line.id}"] = AmountField(
                line_name=line.name,
                what="forecast outturn",
                label=f"{line.name} forecast outturn (£)",
                initial=format_pounds(current.forecast) if current else "",
            )
            self.fields[version_name(line.id)] = VersionField(name=line.name, version=current.version if current else 0)
            self.fields[f"explanation_{line.id}"] = text_field(
                name=line.name,
                what="explanation",
                label=f"{line.name} explanation of variance",
                initial=current.explanation if current else "",
            )

    def clean(self):
        cleaned = super().clean()
        for entry in self.lines:
            line = entry.line
            budget, forecast = cleaned.get(f"budget_{line.id}"), cleaned.get(f"forecast_{line.id}")
            explanation = (cleaned.get(f"explanation_{line.id}") or "").strip()
            if budget is None or forecast is None:
                continue
            if needs_explanation(forecast - budget, self.threshold) and not explanation and not entry.group_explained:
                self.add_error(
                    f"explanation_{line.id}",
                    f"{line.name}: explain the variance of {format_gbp(forecast - budget)}; "
                    f"variances of {format_gbp(self.threshold)} or more need an explanation",
                )
        return cleaned

    def entries(self) -> list[LineEntry]:
        data = self.cleaned_data
        return [
            LineEntry(
                line_id=e.line.id,
                budget=data[f"budget_{e.line.id}"],
                forecast=data[f"forecast_{e.line.id}"],
                explanation=(data.get(f"explanation_{e.line.id}") or "").strip(),
                version=data[version_name(e.line.id)],
            )
            for e in self.lines
        ]

    def rows(self):
        """(entry, budget field, forecast field, explanation field) for the template."""
        return [
            (e, self[f"budget_{e.line.id}"], self[f"forecast_{e.line.id}"], self[f"explanation_{e.line.id}"])
            for e in self.lines
        ]


class BudgetProfileForm(forms.Form):
    """The lead's choice of profile for a year; an explicit profile as 13 percentages."""

    method = forms.ChoiceField(
        label="How to spread the year's budget",
        choices=BudgetProfile.Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to profile the budget"},
    )

    def __init__(self, *args, profile: BudgetProfile | None, **kwargs):
        super().__init__(*args, **kwargs)
        weights = list(profile.weights) if profile and profile.weights else []
        self.fields["method"].initial = profile.method if profile else BudgetProfile.Method.TWELFTHS
        for number in range(1, PERIODS_IN_YEAR + 1):
            initial = weights[number - 1] if len(weights) == PERIODS_IN_YEAR else None
            self.fields[f"period_{number}"] = forms.CharField(
                label=f"Period {number} ({MONTHS[number - 1] if number <= 12 else 'year-end adjustments'}) %",
                required=False,
                max_length=7,
                initial=_percent_text(initial) if initial is not None else "",
            )

    def _basis_points(self, number: int) -> int | None:
        text = (self.cleaned_data.get(f"period_{number}") or "").strip().rstrip("%").strip()
        if not text:
            return 0
        if not _PERCENT.match(text):
            self.add_error(f"period_{number}", f"Period {number}: enter a percentage like 8.33, up to 2 decimals")
            return None
        return int(Decimal(text) * 100)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("method") != BudgetProfile.Method.EXPLICIT:
            cleaned["weights"] = []
            return cleaned
        weights = [self._basis_points(n) for n in range(1, PERIODS_IN_YEAR + 1)]
        if None in weights:
            return cleaned
        total = sum(weights)
        if total != BASIS_POINTS:
            self.add_error("period_1", f"The periods add up to {_percent_text(total)}%, not 100%")
        cleaned["weights"] = weights
        return cleaned

    def period_fields(self):
        return [self[f"period_{n}"] for n in range(1, PERIODS_IN_YEAR + 1)]


_PERCENT = re.compile(r"^(?:100(?:\.0{1,2})?|[0-9]{1,2}(?:\.[0-9]{1,2})?)$")


def _percent_text(basis_points: int) -> str:
    return f"{Decimal(basis_points) / 100:.2f}"
