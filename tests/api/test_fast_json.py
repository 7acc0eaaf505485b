"""The orjson renderer writes exactly what DRF's JSONRenderer wrote."""

import datetime as dt
import decimal

from rest_framework.renderers import JSONRenderer

from common.api.renderers import FastJSONRenderer


def test_same_bytes_as_drf_for_an_api_page(api, record):
    response = api.get("/api/v1/statements/", HTTP_ACCEPT="application/json")
    data = response.data
    assert response.content == JSONRenderer().render(data)
    assert FastJSONRenderer().render(data) == JSONRenderer().render(data)


def test_values_orjson_does_not_write_itself_go_through_drf():
    data = {
        "when": dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.UTC),
        "day": dt.date(2025, 3, 4),
        "amount": decimal.Decimal("1.50"),
        "name": "Amélie “Durocher”",
        1: "non-string key",
    }
    assert FastJSONRenderer().render(data) == JSONRenderer().render(data)


def test_indented_output_is_left_to_drf():
    data = {"a": [1, 2]}
    indented = FastJSONRenderer().render(data, "application/json; indent=4")
    assert indented == JSONRenderer().render(data, "application/json; indent=4")
