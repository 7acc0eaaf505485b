from django.urls import path

from . import syndication, views

urlpatterns = [
    path("", views.home, name="home"),
    path("topics/", views.topic_list, name="topic-list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("topics/<slug:slug>/feed/", syndication.TopicFeed(), name="topic-feed"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("search/", views.search, name="search"),
    path("compare/", views.compare, name="compare"),
]
