from django.urls import path

from finance import views_reserves

urlpatterns = [
    path("periods/<fy:year>/<int:number>/reserves/", views_reserves.reserves, name="reserves"),
    path("periods/<fy:year>/<int:number>/reserves/edit/", views_reserves.reserves_edit, name="reserves-edit"),
    path("periods/<fy:year>/<int:number>/capital/", views_reserves.capital, name="capital"),
    path("periods/<fy:year>/<int:number>/capital/edit/", views_reserves.capital_edit, name="capital-edit"),
]
