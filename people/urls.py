from django.urls import path

from statements.syndication import PersonFeed

from . import views

urlpatterns = [
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("people/<slug:slug>/feed/", PersonFeed(), name="person-feed"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
]
