from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("profile/data.json", views.personal_data, name="personal_data"),
    path("profile/delete/", views.account_delete, name="account_delete"),
]
