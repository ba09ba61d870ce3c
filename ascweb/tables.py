"""The project base table: GOV.UK classes, no sorting, a caption, money columns that only format."""

import django_tables2 as tables

from ascweb import money


class BaseTable(tables.Table):
    caption = ""

    class Meta:
        attrs = {"class": "govuk-table app-table"}
        orderable = False
        empty_text = "Nothing to show for this period."
        template_name = "tables/govuk_table.html"

    def __init__(self, *args, caption: str = "", headers: dict[str, str] | None = None, **kwargs):
        # django-tables2 does not inherit Meta unless a subclass writes Meta(BaseTable.Meta):
        # apply the house style here so every table has it whatever its Meta says.
        if not self._meta.attrs.get("class"):
            kwargs.setdefault("attrs", {**self._meta.attrs, "class": "govuk-table app-table"})
        kwargs.setdefault("orderable", False)
        super().__init__(*args, **kwargs)
        self.caption = caption or self.caption
        for name, header in (headers or {}).items():
            self.columns[name].column.verbose_name = header


_NUMERIC = {
    "th": {"class": "govuk-table__header govuk-table__header--numeric"},
    "td": {"class": "govuk-table__cell govuk-table__cell--numeric app-cell--money"},
}


class MoneyColumn(tables.Column):
    """Pence shown in £m to 3 decimals, brackets for negatives."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", _NUMERIC)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def render(self, value) -> str:
        return money.format_m(value)


class PercentColumn(tables.Column):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", _NUMERIC)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def render(self, value) -> str:
        return money.format_pct(value)
