"""Forms: validation only. Amounts are typed in pounds and parsed by ascweb.money."""

import re
from decimal import Decimal

from django import forms

from ascweb.calculations import MONTHS
from ascweb.fields import AmountField, VersionField, text_field, version_name
from ascweb.money import format_gbp, format_m, format_pounds
from finance.calculations import BASIS_POINTS, PERIODS_IN_YEAR, needs_explanation
from finance.models import BudgetProfile
from finance.selectors.entry import EntryGroup, EntryLine
from finance.services import GroupEntry, LineEntry


class AreaForecastForm(forms.Form):
    """Budget, forecast outturn and explanation for every line of one expenditure area, and
    the explanations of its groups with a material variance (each explains the lines under it).

    An explanation carried forward from an earlier period counts as an explanation. It stays
    carried until the officer confirms it ("Still applies", or every one at once with
    confirm_all), rewrites it, or changes the line's figures; a line whose variance moved by
    the materiality threshold or more since that period needs its text ticked or rewritten."""

    confirm_all = forms.BooleanField(required=False)  # the "Confirm all carried-forward explanations" button

    def __init__(self, *args, lines: list[EntryLine], groups: list[EntryGroup] = (), threshold: int, **kwargs):
        super().__init__(*args, **kwargs)
        # a group whose text a post leaves out entirely is not edited (it keeps what it has)
        self.groups = [g for g in groups if not self.is_bound or f"group_{g.node.id}" in self.data]
        self.kept = {g.node.id for g in groups if g not in self.groups and g.current is not None}
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
            if entry.carried:
                self._confirm_field(line)
        for group in self.groups:
            node, current = group.node, group.current
            self.fields[version_name(node.id)] = VersionField(name=node.name, version=current.version if current else 0)
            self.fields[f"group_{node.id}"] = text_field(
                name=node.name,
                what="explanation",
                label=f"{node.name} explanation of variance as a whole",
                initial=current.text if current else "",
            )
            if group.carried:
                self._confirm_field(node)

    def _confirm_field(self, node) -> None:
        self.fields[f"confirm_{node.id}"] = forms.BooleanField(
            required=False, label=f"Still applies: {node.name} explanation carried forward"
        )

    def clean(self):
        cleaned = super().clean()
        self.confirmed: dict[int, bool] = {}
        explained_groups = set(self.kept)
        for group in self.groups:
            node = group.node
            text = (cleaned.get(f"group_{node.id}") or "").strip()
            if text:
                explained_groups.add(node.id)
            leaves = [self._variance(leaf) for leaf in group.leaves]
            now = None if None in leaves else sum(leaves)
            self.confirmed[node.id] = self._review(node, f"group_{node.id}", group.current, "text", group, now, text)
        for entry in self.lines:
            line = entry.line
            variance = self._variance(line.id)
            if variance is None:
                continue
            explanation = (cleaned.get(f"explanation_{line.id}") or "").strip()
            field = f"explanation_{line.id}"
            self.confirmed[line.id] = self._review(
                line, field, entry.current, "explanation", entry, variance, explanation
            )
            by_group = entry.explained_outside or bool(entry.ancestors & explained_groups)
            if needs_explanation(variance, self.threshold) and not explanation and not by_group:
                self.add_error(
                    field,
                    f"{line.name}: explain the variance of {format_gbp(variance)}; "
                    f"variances of {format_gbp(self.threshold)} or more need an explanation",
                )
        return cleaned

    def _variance(self, line_id: int) -> int | None:
        budget, forecast = self.cleaned_data.get(f"budget_{line_id}"), self.cleaned_data.get(f"forecast_{line_id}")
        return None if budget is None or forecast is None else forecast - budget

    def _review(self, node, field: str, current, name: str, entry, variance: int | None, text: str) -> bool:
        """Whether a carried explanation is confirmed: ticked, every one confirmed at once, or
        rewritten. One whose variance moved by the threshold or more must be ticked or rewritten."""
        if not entry.carried:
            return True
        rewritten = text != getattr(current, name).strip()
        ticked = bool(self.cleaned_data.get(f"confirm_{node.id}"))
        moved = None if variance is None or entry.carried_variance is None else variance - entry.carried_variance
        if moved is not None and abs(moved) >= self.threshold:
            if not (ticked or rewritten):
                self.add_error(
                    field,
                    f"The variance moved by £{format_m(abs(moved))}m since Period {current.carried_from.number}: "
                    f"review this explanation ({node.name})",
                )
            return ticked or rewritten
        return ticked or rewritten or bool(self.cleaned_data.get("confirm_all"))

    def entries(self) -> list[LineEntry]:
        data = self.cleaned_data
        return [
            LineEntry(
                line_id=e.line.id,
                budget=data[f"budget_{e.line.id}"],
                forecast=data[f"forecast_{e.line.id}"],
                explanation=(data.get(f"explanation_{e.line.id}") or "").strip(),
                version=data[version_name(e.line.id)],
                confirm=self.confirmed[e.line.id],
            )
            for e in self.lines
        ]

    def group_entries(self) -> list[GroupEntry]:
        data = self.cleaned_data
        return [
            GroupEntry(
                node_id=g.node.id,
                text=(data.get(f"group_{g.node.id}") or "").strip(),
                version=data[version_name(g.node.id)],
                confirm=self.confirmed[g.node.id],
            )
            for g in self.groups
        ]

    def rows(self):
        """(entry, budget field, forecast field, explanation field, still-applies box) for the template."""
        return [
            (
                e,
                self[f"budget_{e.line.id}"],
                self[f"forecast_{e.line.id}"],
                self[f"explanation_{e.line.id}"],
                self[f"confirm_{e.line.id}"] if e.carried else None,
            )
            for e in self.lines
        ]

    def group_rows(self):
        """(group, explanation field, still-applies box) for the template."""
        return [
            (g, self[f"group_{g.node.id}"], self[f"confirm_{g.node.id}"] if g.carried else None) for g in self.groups
        ]

    @property
    def any_carried(self) -> bool:
        return any(e.carried for e in self.lines) or any(g.carried for g in self.groups)


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
