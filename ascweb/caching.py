"""Caching what committee members read: a published period's pages never change while it
stays published, so they are rendered once and kept.

What is cached: a whole page for committee members, for a published period, kept per page
address. Every member is shown the same page but for two parts, put in as each response is
made: the name they are signed in as, and the sign-out form's CSRF token. A page with a
message waiting to be shown is rendered fresh (so the message is shown, once). Finance staff
always get pages rendered fresh (theirs carry forms and draft-dependent links).

When it goes stale: never silently. The key carries a stamp of the data: every write to
the app's figures leaves a history row (django-simple-history, also written by the bulk
importers), so one of the history tables' highest ids rises with every write that commits,
and a re-opened or re-published period changes its own history. Fidelity notes, which keep
no history, add their highest id and count. One query reads the stamp.

Views are marked `@member_page` and answer with `render_page`: on a hit the view does not
run at all. Downloads of a published period (Excel, CSV, the appendix pack PDF) are the same
for everyone who may see it, so their content is kept the same way (`published_download`).

What the key is made of: the page's path, who is asking (their role: what they may see), what
the view says changes the content (the lead's choice of the pack's parts, normalised), and the
data stamp. Never the query string as sent: a parameter no view reads (`?a=1`, `?a=2`, ...)
makes no new entry and no rebuild, and a member's `?contents=chosen&section=summary` (which
only a lead's request acts on) is kept as what the member was given, the whole pack, never
under the key of a lead's choice.
"""

import hashlib
from collections.abc import Callable
from functools import cache, wraps

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache as page_store
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape

from ascweb import permissions

TIMEOUT = 24 * 60 * 60  # a day; the stamp, not the timeout, keeps entries right


@cache
def _stamp_sql() -> str:
    quote = connection.ops.quote_name
    parts = []
    for label in settings.ASCWEB_APPS:
        for model in apps.get_app_config(label).get_models():
            if hasattr(model, "history") and not model.__name__.startswith("Historical"):
                table = quote(model.history.model._meta.db_table)
                parts.append(f"(SELECT MAX(history_id) FROM {table})")  # noqa: S608 - the model's own table
    notes = quote(apps.get_model("ascweb", "FidelityNote")._meta.db_table)
    parts.append(f"(SELECT MAX(id) FROM {notes}), (SELECT COUNT(*) FROM {notes})")  # noqa: S608 - as above
    return "SELECT " + ", ".join(parts)


def data_stamp() -> str:
    """A value that changes whenever committed figures change (see the module's notes)."""
    with connection.cursor() as cursor:
        cursor.execute(_stamp_statement())
        return ".".join(str(value or 0) for value in cursor.fetchone())


def _stamp_statement() -> str:
    """The stamp's SQL; on PostgreSQL a statement prepared once per connection, since
    planning its twenty-odd subqueries takes longer than running them (0.9 ms against 0.3 ms
    at council scale, on every page a member opens)."""
    if connection.vendor != "postgresql":
        return _stamp_sql()
    server = connection.connection  # psycopg's connection: a new one has nothing prepared
    if not getattr(server, "ascweb_stamp_prepared", False):
        server.execute(f"PREPARE ascweb_data_stamp AS {_stamp_sql()}")  # kept through rollbacks
        server.ascweb_stamp_prepared = True
    return "EXECUTE ascweb_data_stamp"


# stand in for the per-response parts of a kept page (letters only: HTML-safe, never in content)
CSRF_STAND_IN = "ascwebCsrfTokenStandIn"
NAME_STAND_IN = "ascwebSignedInNameStandIn"


def member_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view whose page a member may be given from the cache. A kept page is answered before
    the view runs: it was kept for this address under this data stamp, so its period was
    published (members see nothing else) and still is. Otherwise the view runs and its
    `render_page` keeps what it renders."""

    @wraps(view)
    def serve(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _page_key(request)
        page = page_store.get(key) if key else None
        if page is not None:
            return _response(request, page)
        request.ascweb_page_key = key
        return view(request, *args, **kwargs)

    return serve


def render_page(request: HttpRequest, template: str, context: dict, period) -> HttpResponse:
    """`render(request, template, context)`, kept for members when the view is a
    `member_page` and the period is published (see the module's notes)."""
    key = getattr(request, "ascweb_page_key", None)
    if key is None or not period.is_published:
        return render(request, template, context)
    stand_ins = {"csrf_token": CSRF_STAND_IN, "signed_in_as": NAME_STAND_IN}
    page = render_to_string(template, {**context, **stand_ins}, request)
    page_store.set(key, page, TIMEOUT)
    return _response(request, page)


def _response(request: HttpRequest, page: str) -> HttpResponse:
    page = page.replace(CSRF_STAND_IN, get_token(request))
    return HttpResponse(page.replace(NAME_STAND_IN, escape(request.user.get_username())))


def _page_key(request: HttpRequest) -> str | None:
    """The key of this request's page for a committee member (None for anyone else, or when a
    message is waiting to be shown on it). Members hold no other role (they would be finance
    staff), and the pages depend on the role, not the member."""
    user = request.user
    if not permissions.is_member(user) or permissions.is_finance(user) or len(messages.get_messages(request)):
        return None
    return _key("page", request)


def published_download(
    request: HttpRequest, period, build: Callable[[], bytes | str], parts: list[str] | None = None
) -> bytes | str:
    """A download's content (`build()`): for a published period built once and kept until
    the figures change, for whoever may see the period (a published period's downloads are
    the same for everyone; only a lead's choice of the pack's `parts`, None for all, differs)."""
    if not period.is_published:
        return build()
    key = _key("download", request, "all" if parts is None else ",".join(sorted(set(parts))))
    content = page_store.get(key)
    if content is None:
        content = build()
        page_store.set(key, content, TIMEOUT)
    return content


def _role(user) -> str:
    """Who may see what: the key's part for the asker (members hold no other role)."""
    if permissions.is_lead(user):
        return "lead"
    return "finance" if permissions.is_finance(user) else "member"


def _key(kind: str, request: HttpRequest, variant: str = "") -> str:
    """The path, the asker's role, what changes the content (`variant`) and the data stamp:
    never the query string (see the module's notes)."""
    about = "|".join((request.path, _role(request.user), variant, data_stamp()))
    return f"{kind}." + hashlib.sha256(about.encode()).hexdigest()
