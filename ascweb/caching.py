"""Caching what committee members read: a published period's pages never change while it
stays published, so their content is rendered once and kept.

What is cached: the content of a page (everything inside the layout, none of it user-specific)
for a committee member, for a published period. Finance staff always get pages rendered
fresh (theirs carry forms with CSRF tokens and draft-dependent links).

When it goes stale: never silently. The key carries a stamp of the data: every write to
the app's figures leaves a history row (django-simple-history, also written by the bulk
importers), so one of the history tables' highest ids rises with every write that commits,
and a re-opened or re-published period changes its own history. Fidelity notes, which keep
no history, add their highest id and count. One query reads the stamp.

Views pass their expensive context as `lazy(...)` values and wrap the content in
`{% cache cache_timeout page_name cache_key %}`: on a hit nothing lazy is ever evaluated.
"""

from collections.abc import Callable
from functools import cache

from django.apps import apps
from django.db import connection
from django.utils.functional import SimpleLazyObject

from ascweb import permissions

TIMEOUT = 24 * 60 * 60  # a day; the stamp, not the timeout, keeps entries right
LOCAL_APPS = ("finance", "savings", "ibcf")


@cache
def _stamp_sql() -> str:
    quote = connection.ops.quote_name
    parts = []
    for label in LOCAL_APPS:
        for model in apps.get_app_config(label).get_models():
            if hasattr(model, "history") and not model.__name__.startswith("Historical"):
                table = quote(model.history.model._meta.db_table)
                parts.append(f"(SELECT MAX(history_id) FROM {table})")  # noqa: S608 - the model's own table
    notes = quote(apps.get_model("finance", "FidelityNote")._meta.db_table)
    parts.append(f"(SELECT MAX(id) FROM {notes}), (SELECT COUNT(*) FROM {notes})")  # noqa: S608 - as above
    return "SELECT " + ", ".join(parts)


def data_stamp() -> str:
    """A value that changes whenever committed figures change (see the module's notes)."""
    with connection.cursor() as cursor:
        cursor.execute(_stamp_sql())
        return ".".join(str(value or 0) for value in cursor.fetchone())


def page_cache(user, period) -> dict:
    """Template context for `{% cache cache_timeout <page> cache_key %}`: a real timeout and
    key for a member reading a published period; otherwise a timeout of 0 (never kept)."""
    if period.is_published and permissions.is_member(user) and not permissions.is_finance(user):
        return {"cache_timeout": TIMEOUT, "cache_key": f"{period.pk}.{data_stamp()}"}
    return {"cache_timeout": 0, "cache_key": "fresh"}


def lazy(build: Callable[[], object]) -> SimpleLazyObject:
    """A context value computed only if the template renders it (not on a cache hit)."""
    return SimpleLazyObject(build)


def lazy_context(build: Callable[[], dict], names: tuple[str, ...]) -> dict[str, SimpleLazyObject]:
    """The template context `build()` would return, computed once and only if the template
    renders any of `names` (not on a cache hit)."""
    built = SimpleLazyObject(build)
    return {name: lazy(lambda name=name: built[name]) for name in names}
