"""Titles in front of names: office, country, organisation, former."""

from statements.extraction.roles import country_code, parse_title


def test_country_from_demonym_name_and_institution():
    assert country_code("Russian") == "RU"
    assert country_code("Danish") == "DK"
    assert country_code("France") == "FR"
    assert country_code("Kremlin") == "RU"
    assert country_code("Indiana") == ""


def test_parse_title():
    t = parse_title(["former", "Canadian", "Prime", "Minister"])
    assert (t["role"], t["country"], t["role_is_former"]) == ("Prime Minister", "CA", True)
    t = parse_title(["Kremlin", "spokesman"])
    assert (t["role"], t["country"], t["organization"]) == ("spokesman", "RU", "Kremlin")
    t = parse_title(["Russian", "Foreign", "Minister"])
    assert (t["role"], t["country"]) == ("Foreign Minister", "RU")
