from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.generic import TemplateView

from ascweb import views_exports


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """A trivial view: the baseline benchmarks are measured against (bench/)."""
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
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accessibility/",
        login_not_required(AccessibilityStatement.as_view()),
        name="accessibility",
    ),
    path("admin/", admin.site.urls),
    path("", include("finance.urls")),
    path("", include("savings.urls")),
    path("", include("ibcf.urls")),
    path("", include("reserves.urls")),
    # Downloads and the appendix pack (after finance.urls, which registers the "fy" converter).
    path("periods/<fy:year>/<int:number>/tables/<slug:name>.csv", views_exports.table_csv, name="table-csv"),
    path("periods/<fy:year>/<int:number>/tables/<slug:name>.xlsx", views_exports.table_xlsx, name="table-xlsx"),
    path("periods/<fy:year>/<int:number>/pack/", views_exports.pack_page, name="pack"),
    path("periods/<fy:year>/<int:number>/pack.pdf", views_exports.pack_pdf, name="pack-pdf"),
]
