"""Statement, article, topic and outlet routes; config/urls.py joins them with people's under one API root."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("statements", views.StatementViewSet, basename="statement")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("outlets", views.OutletViewSet, basename="outlet")

urlpatterns = router.urls
