from django.urls import path

from reserves import views

urlpatterns = [
    path("periods/<fy:year>/<int:number>/reserves/", views.reserves, name="reserves"),
    path("periods/<fy:year>/<int:number>/reserves/edit/", views.reserves_edit, name="reserves-edit"),
    path("periods/<fy:year>/<int:number>/capital/", views.capital, name="capital"),
    path("periods/<fy:year>/<int:number>/capital/edit/", views.capital_edit, name="capital-edit"),
]
