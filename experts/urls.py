from django.urls import path

from . import edit_views, views

app_name = "experts"

urlpatterns = [
    path("", views.bank, name="bank"),
    path("<int:pk>/", views.profile, name="profile"),
    path("<int:pk>/cv.pdf", views.profile_pdf, name="profile_pdf"),
    path("<int:pk>/cv-file/", views.cv_file, name="cv_file"),
    path("<int:pk>/contact/", views.contact, name="contact"),
    path("<int:pk>/validation/", views.validation, name="validation"),
    path("me/", edit_views.dashboard, name="dashboard"),
    path("me/edit/<slug:step>/", edit_views.edit_step, name="edit"),
    path("me/export.json", edit_views.export_json, name="export_json"),
    path("me/delete/", edit_views.delete, name="delete"),
]
