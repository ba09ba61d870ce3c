from django.urls import path

from performance import views

urlpatterns = [
    path("periods/<fy:year>/<int:number>/performance/", views.performance, name="performance"),
    path("periods/<fy:year>/<int:number>/performance/<str:code>/edit/", views.figures_edit, name="performance-edit"),
    path(
        "periods/<fy:year>/<int:number>/performance/<str:code>/commentary/",
        views.commentary_edit,
        name="performance-commentary",
    ),
]
