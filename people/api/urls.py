"""Country, organisation, position and tenure routes (people themselves: statements.api.urls)."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("countries", views.CountryViewSet, basename="country")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("positions", views.PositionViewSet, basename="position")
router.register("tenures", views.TenureViewSet, basename="tenure")

urlpatterns = router.urls
