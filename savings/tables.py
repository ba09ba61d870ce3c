"""Savings committee tables: presentation of selector rows only."""

import django_tables2 as tables

from ascweb.tables import BaseTable, MoneyColumn
from savings.selectors import PeriodSavings


def _row_class(record) -> str:
    return f"govuk-table__row app-row--{record.kind}"


def _label_class(record) -> str:
    return f"govuk-table__header app-indent-{min(getattr(record, 'depth', 0), 2)}"


_TEXT_ATTRS = {"th": {"class": "govuk-table__header"}, "td": {"class": "govuk-table__cell"}}
_LABEL_ATTRS = {"th": {"class": "govuk-table__header"}, "td": {"class": _label_class}}


class _SavingsTable(BaseTable):
    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}


class SavingsSummaryTable(_SavingsTable):
    """2.8.3: savings forecast summary, off target and on target."""

    label = tables.Column(verbose_name="Savings", attrs=_LABEL_ATTRS)
    target = MoneyColumn()
    forecast = MoneyColumn()
    variance = MoneyColumn()
    previous_variance = MoneyColumn()

    class Meta(_SavingsTable.Meta):
        pass

    def __init__(self, rows, *, data: PeriodSavings, **kwargs):
        year = data.period.year.code.replace("-", "/")
        previous = f"Variance @ Pd {data.previous.number} £m" if data.previous else "Previously reported variance £m"
        headers = {
            "target": f"{year} Savings target £m",
            "forecast": f"Forecast savings @ Pd {data.period.number} £m",
            "variance": "Variance £m",
            "previous_variance": previous,
        }
        super().__init__(rows, headers=headers, **kwargs)


class ProgrammeTable(_SavingsTable):
    """The savings programme by programme and workstream, a column for each programme year."""

    label = tables.Column(verbose_name="Programme and workstream", attrs=_LABEL_ATTRS)
    year_1 = MoneyColumn(accessor="targets__0")
    year_2 = MoneyColumn(accessor="targets__1")
    year_3 = MoneyColumn(accessor="targets__2")
    programme_total = MoneyColumn()

    class Meta(_SavingsTable.Meta):
        pass

    def __init__(self, rows, *, data: PeriodSavings, **kwargs):
        headers = {f"year_{i + 1}": f"{year.code.replace('-', '/')} £m" for i, year in enumerate(data.years)}
        headers["programme_total"] = f"Total {data.years_label} £m"
        exclude = [f"year_{i + 1}" for i in range(len(data.years), 3)]
        super().__init__(rows, headers=headers, exclude=exclude, **kwargs)


class ProjectsTable(_SavingsTable):
    """Appendix D: projects grouped by workstream, with target, forecast and variance."""

    label = tables.Column(verbose_name="Workstream and project", attrs=_LABEL_ATTRS)
    code = tables.Column(verbose_name="Reference", attrs=_TEXT_ATTRS, default="")
    workstream_savings = MoneyColumn()
    target = MoneyColumn()
    forecast = MoneyColumn()
    variance = MoneyColumn()
    status = tables.Column(verbose_name="Status", attrs=_TEXT_ATTRS, default="")

    class Meta(_SavingsTable.Meta):
        sequence = ("label", "code", "workstream_savings", "target", "forecast", "variance", "status")

    def __init__(self, rows, *, data: PeriodSavings, **kwargs):
        headers = {
            "workstream_savings": f"Workstream savings {data.years_label} £m",
            "target": f"{data.period.year.code} saving £m",
            "forecast": f"Period {data.period.number} forecast £m",
            "variance": "Variance £m",
        }
        super().__init__(rows, headers=headers, **kwargs)

    def render_status(self, value, record):
        return value if record.reported else f"{value} (not yet updated)"

    def render_code(self, value, record):
        return value if record.kind == "line" else ""
