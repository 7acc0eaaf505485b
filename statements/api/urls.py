"""Statement, article, topic, outlet and people (with statement counts) routes; config/urls.py joins them with people's under one API root."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import export, people, popolo, stances, views

router = SimpleRouter()
router.register("statements", views.StatementViewSet, basename="statement")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("outlets", views.OutletViewSet, basename="outlet")
router.register("people", people.PersonWithStatementCountViewSet, basename="person")

urlpatterns = [
    path("people/<int:pk>/statements/", views.PersonStatementList.as_view(), name="person-statements"),
    path("people/<int:pk>/stances/", stances.PersonStanceView.as_view(), name="person-stances"),
    path("export/statements/", export.StatementExportView.as_view(), name="statement-export"),
    path("export/popolo/", popolo.PopoloExportView.as_view(), name="popolo-export"),
    *router.urls,
]
