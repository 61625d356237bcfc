"""Library URLs outside the page tree (mounted unprefixed at /library/ by portal/urls.py)."""

from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("files/<int:file_id>/<str:filename>", views.download, name="download"),
    path("cite/<int:resource_id>/<str:fmt>/", views.citation, name="citation"),
]
