from django.urls import path, register_converter

from finance import views, views_imports


class YearConverter:
    regex = r"\d{4}-\d{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(YearConverter, "fy")

urlpatterns = [
    path("", views.home, name="home"),
    path("periods/", views.period_list, name="periods"),
    path("periods/new/", views.period_create, name="period-create"),
    path("periods/<fy:year>/<int:number>/", views.period_detail, name="period"),
    path("dashboard/", views.dashboard_latest, name="dashboard-latest"),
    path("periods/<fy:year>/<int:number>/dashboard/", views.dashboard, name="dashboard"),
    path("net-expenditure/upload/", views.net_expenditure_upload, name="net-expenditure-upload"),
    path("net-expenditure/profiles/<fy:year>/", views.budget_profile, name="budget-profile"),
    path("periods/<fy:year>/<int:number>/appendix-a/", views.appendix_a, name="appendix-a"),
    path("periods/<fy:year>/<int:number>/status/", views.period_action, name="period-action"),
    path("periods/<fy:year>/<int:number>/workspace/", views.workspace, name="workspace"),
    path("periods/<fy:year>/<int:number>/areas/<str:code>/", views.area_detail, name="area"),
    path("periods/<fy:year>/<int:number>/areas/<str:code>/edit/", views.area_edit, name="area-edit"),
    path("fidelity/", views.fidelity, name="fidelity"),
    path("periods/<fy:year>/<int:number>/audit/", views.period_audit, name="period-audit"),
    path("lines/<str:code>/history/", views.line_history, name="line-history"),
    path("imports/", views_imports.import_index, name="imports"),
    path("imports/<slug:kind>/", views_imports.import_upload, name="import-upload"),
    path(
        "periods/<fy:year>/<int:number>/templates/<slug:kind>.<str:fmt>",
        views_imports.import_template,
        name="import-template",
    ),
]
