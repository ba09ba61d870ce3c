"""The reserves and provisions statement and the capital programme: presentation only."""

import django_tables2 as tables

from ascweb.tables import BaseTable, MoneyColumn


def _row_class(record) -> str:
    return f"govuk-table__row app-row--{record.kind}"


_LABEL = {"th": {"class": "govuk-table__header"}, "td": {"class": "govuk-table__header app-cell--label"}}


class ReservesTable(BaseTable):
    """As printed: 'Adult Social Services Reserves and Provisions 2017/18'."""

    label = tables.Column(accessor="printed_label", verbose_name="Reserve or provision", attrs=_LABEL)
    balance_1_april = MoneyColumn()
    proposed_usage = MoneyColumn()
    balance_31_march = MoneyColumn()

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def __init__(self, rows, *, start_year: int, **kwargs):
        end = str(start_year + 1)[2:]
        headers = {
            "balance_1_april": f"Balance 01-Apr-{str(start_year)[2:]} £m",
            "proposed_usage": f"Proposed usage {start_year}/{end} £m",
            "balance_31_march": f"Balance 31-Mar-{end} £m",
        }
        super().__init__(rows, headers=headers, **kwargs)


class CapitalTable(BaseTable):
    """As printed: 'Adult Social Services Capital Programme 2017/18', with slippage added."""

    label = tables.Column(verbose_name="Scheme Name", attrs=_LABEL)
    current_budget = MoneyColumn()
    forecast_outturn = MoneyColumn()
    slippage = MoneyColumn(verbose_name="Slippage (budget - forecast) £m")
    next_year_draft = MoneyColumn()

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def __init__(self, rows, *, start_year: int, **kwargs):
        this, following = f"{start_year}/{str(start_year + 1)[2:]}", f"{start_year + 1}/{str(start_year + 2)[2:]}"
        headers = {
            "current_budget": f"{this} Current Capital Budget £m",
            "forecast_outturn": f"{this} Forecast outturn at Year end £m",
            "next_year_draft": f"{following} Draft Capital Budget £m",
        }
        super().__init__(rows, headers=headers, **kwargs)


class MovementTable(BaseTable):
    """The dashboard panel's numbers: provisions, reserves and both, 1 April to 31 March."""

    label = tables.Column(verbose_name="Reserves and provisions", attrs=_LABEL)
    balance_1_april = MoneyColumn(verbose_name="Balance at 1 April £m")
    proposed_usage = MoneyColumn(verbose_name="Proposed usage £m")
    balance_31_march = MoneyColumn(verbose_name="Forecast balance at 31 March £m")
