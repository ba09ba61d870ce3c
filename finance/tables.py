"""Committee tables (table 2.1 and Appendix A): presentation of selector rows only."""

from collections.abc import Callable

import django_tables2 as tables
from django.utils.html import format_html

from ascweb.models import Period
from ascweb.tables import BaseTable, MoneyColumn, PercentColumn


def _row_class(record) -> str:
    return f"govuk-table__row app-row--{record.kind}"


def _label_class(record) -> str:
    return f"govuk-table__header app-indent-{min(record.depth, 2)}"


class _CommitteeTable(BaseTable):
    label = tables.Column(attrs={"th": {"class": "govuk-table__header"}, "td": {"class": _label_class}})

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def __init__(self, *args, link: Callable[[str], str | None] | None = None, **kwargs):
        self._link = link
        super().__init__(*args, **kwargs)

    def render_label(self, value, record):
        url = self._link(record.code) if self._link and record.kind in ("heading", "line") else None
        return format_html('<a class="govuk-link" href="{}">{}</a>', url, value) if url else value


class SummaryTable(_CommitteeTable):
    """Table 2.1: summary by expenditure area, with last year's actual and outturn variance."""

    prior_actual = MoneyColumn()
    prior_variance = MoneyColumn()
    budget = MoneyColumn()
    forecast = MoneyColumn(verbose_name="Forecast Outturn £m")
    variance = MoneyColumn()

    class Meta(_CommitteeTable.Meta):
        sequence = ("prior_actual", "prior_variance", "label", "budget", "forecast", "variance")

    # On the web (where a phone shows the first columns first) the area comes first and this
    # year's variance before last year's figures; the pack keeps the paper's order above.
    WEB_SEQUENCE = ("label", "budget", "forecast", "variance", "prior_actual", "prior_variance")

    def __init__(self, rows, *, period: Period, **kwargs):
        prior = f"{period.year.start_year - 1}/{str(period.year.start_year)[2:]}"
        this = f"{period.year.start_year}/{str(period.year.start_year + 1)[2:]}"
        headers = {
            "prior_actual": f"Actual {prior} £m",
            "prior_variance": "Over/ Underspend at Outturn £m",
            "label": "Expenditure Area",
            "budget": f"Budget {this} £m",
            "variance": f"Variance @ P{period.number} £m",
        }
        super().__init__(rows, headers=headers, **kwargs)


class AppendixATable(_CommitteeTable):
    """Appendix A: budget monitoring by group and line, with the previous published variance."""

    budget = MoneyColumn(verbose_name="Budget £m")
    forecast = MoneyColumn(verbose_name="Forecast Outturn £m")
    variance = MoneyColumn(verbose_name="Variance to Budget £m")
    variance_pct = PercentColumn(verbose_name="Variance to Budget %")
    previous_variance = MoneyColumn()

    class Meta(_CommitteeTable.Meta):
        pass

    def __init__(self, rows, *, previous: Period | None, **kwargs):
        label = f"Variance @ Pd {previous.number} £m" if previous else "Variance @ previous period £m"
        super().__init__(rows, headers={"label": "Summary", "previous_variance": label}, **kwargs)
