from django.urls import path

from savings import views

urlpatterns = [
    path("periods/<fy:year>/<int:number>/savings/", views.summary, name="savings"),
    path("periods/<fy:year>/<int:number>/savings/programme/", views.programme, name="savings-programme"),
    path("periods/<fy:year>/<int:number>/savings/projects/", views.projects, name="savings-projects"),
    path(
        "periods/<fy:year>/<int:number>/savings/workstreams/<str:code>/edit/",
        views.workstream_edit,
        name="savings-edit",
    ),
]
