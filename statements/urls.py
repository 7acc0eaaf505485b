from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("topics/", views.topic_list, name="topic-list"),
    path("search/", views.search, name="search"),
]
