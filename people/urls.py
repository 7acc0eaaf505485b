from django.urls import path

from . import views

urlpatterns = [
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
]
