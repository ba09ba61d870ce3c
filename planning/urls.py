from django.urls import path

from planning import views

urlpatterns = [
    path("planning/", views.index, name="planning"),
    path("planning/new/", views.round_edit, name="planning-new"),
    path("planning/<int:pk>/", views.round_detail, name="planning-round"),
    path("planning/<int:pk>/edit/", views.round_edit, name="planning-edit"),
    path("planning/<int:pk>/changes/", views.round_changes, name="planning-changes"),
    path("planning/<int:pk>/publish/", views.round_publish, name="planning-publish"),
    path("planning/<int:pk>/<slug:what>/", views.figures_edit, name="planning-figures"),
    path("periods/<fy:year>/<int:number>/planning/", views.period_round, name="planning-period"),
]
