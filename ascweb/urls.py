from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, register_converter
from django.views.generic import TemplateView

from ascweb import views_exports, views_imports, views_periods, views_workspace


class YearConverter:
    regex = r"\d{4}-\d{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(YearConverter, "fy")


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers (touches nothing else; the benchmarks' baseline, bench/)."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: the database answers a query; 503 while it does not (take the worker out
    of rotation, do not restart it)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", content_type="text/plain", status=503)
    return HttpResponse("ok", content_type="text/plain")


class AccessibilityStatement(TemplateView):
    """The statement, with the council's contact for accessibility problems from settings."""

    template_name = "accessibility.html"

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "accessibility_contact": settings.ASCWEB_ACCESSIBILITY_CONTACT}


urlpatterns: list = []
if settings.OIDC_ENABLED:
    from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

    urlpatterns += [
        path(
            "oidc/authenticate/",
            login_not_required(OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
        path(
            "oidc/callback/",
            login_not_required(OIDCAuthenticationCallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    ]

urlpatterns += [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accessibility/",
        login_not_required(AccessibilityStatement.as_view()),
        name="accessibility",
    ),
    path("admin/", admin.site.urls),
    path("periods/", views_periods.period_list, name="periods"),
    path("periods/new/", views_periods.period_create, name="period-create"),
    path("periods/<fy:year>/<int:number>/status/", views_periods.period_action, name="period-action"),
    path("fidelity/", views_periods.fidelity, name="fidelity"),
    path("periods/<fy:year>/<int:number>/workspace/", views_workspace.workspace_page, name="workspace"),
    path("periods/<fy:year>/<int:number>/timetable/", views_workspace.timetable_page, name="timetable"),
    path("imports/", views_imports.import_index, name="imports"),
    path("imports/<slug:kind>/", views_imports.import_upload, name="import-upload"),
    path("imports/jobs/<int:pk>/", views_imports.import_job, name="import-job"),
    path(
        "periods/<fy:year>/<int:number>/templates/<slug:kind>.<str:fmt>",
        views_imports.import_template,
        name="import-template",
    ),
    # Downloads and the appendix pack, for every table an app registers.
    path("periods/<fy:year>/<int:number>/tables/<slug:name>.csv", views_exports.table_csv, name="table-csv"),
    path("periods/<fy:year>/<int:number>/tables/<slug:name>.xlsx", views_exports.table_xlsx, name="table-xlsx"),
    path("periods/<fy:year>/<int:number>/pack/", views_exports.pack_page, name="pack"),
    path("periods/<fy:year>/<int:number>/pack.pdf", views_exports.pack_pdf, name="pack-pdf"),
]
# Each app's own pages.
urlpatterns += [path("", include(f"{app}.urls")) for app in settings.ASCWEB_APPS if app != "ascweb"]
