"""People, country, organisation, position and tenure routes."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from statements.api.views import PersonStatementList

from . import views

router = SimpleRouter()
router.register("people", views.PersonViewSet, basename="person")
router.register("countries", views.CountryViewSet, basename="country")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("positions", views.PositionViewSet, basename="position")
router.register("tenures", views.TenureViewSet, basename="tenure")

urlpatterns = [
    path("people/<int:pk>/statements/", PersonStatementList.as_view(), name="person-statements"),
    *router.urls,
]
