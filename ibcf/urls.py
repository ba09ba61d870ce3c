from django.urls import path

from ibcf import views

urlpatterns = [
    path("periods/<fy:year>/<int:number>/ibcf/", views.appendix_c, name="ibcf"),
    path("periods/<fy:year>/<int:number>/ibcf/edit/", views.updates_edit, name="ibcf-edit"),
]
