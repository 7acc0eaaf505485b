from django.urls import path

from . import syndication, views, views_browse, views_people, views_share

urlpatterns = [
    path("", views.home, name="home"),
    path("topics/", views.topic_list, name="topic-list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("topics/<slug:slug>/feed/", syndication.TopicFeed(), name="topic-feed"),
    path("people/", views_people.person_list, name="person-list"),
    path("people/<slug:slug>/", views_people.person_detail, name="person-detail"),
    path("people/<slug:slug>/feed/", syndication.PersonFeed(), name="person-feed"),
    path("countries/<str:code>/", views_people.country_detail, name="country-detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("statements/<int:pk>/card.svg", views_share.statement_card, name="statement-card"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("search/", views_browse.search, name="search"),
    path("statements/", views_browse.statement_list, name="statement-list"),
    path("articles/", views_browse.article_list, name="article-list"),
    path("outlets/", views_browse.outlet_list, name="outlet-list"),
    path("outlets/<int:pk>/", views_browse.outlet_detail, name="outlet-detail"),
    path("countries/", views_browse.country_list, name="country-list"),
    path("compare/", views.compare, name="compare"),
]
