from django.urls import path

from finance import views

urlpatterns = [
    path("", views.home, name="home"),
    path("periods/<fy:year>/<int:number>/", views.period_detail, name="period"),
    path("dashboard/", views.dashboard_latest, name="dashboard-latest"),
    path("periods/<fy:year>/<int:number>/dashboard/", views.dashboard, name="dashboard"),
    path("net-expenditure/upload/", views.net_expenditure_upload, name="net-expenditure-upload"),
    path("net-expenditure/profiles/<fy:year>/", views.budget_profile, name="budget-profile"),
    path("periods/<fy:year>/<int:number>/appendix-a/", views.appendix_a, name="appendix-a"),
    path("periods/<fy:year>/<int:number>/areas/<str:code>/", views.area_detail, name="area"),
    path("periods/<fy:year>/<int:number>/areas/<str:code>/edit/", views.area_edit, name="area-edit"),
    path("periods/<fy:year>/<int:number>/audit/", views.period_audit, name="period-audit"),
    path("lines/<str:code>/history/", views.line_history, name="line-history"),
]
