"""Titles in front of names: office, country, organisation, former."""

from extraction.roles import country_code, parse_title


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


def test_portfolio_words_belong_to_the_office():
    t = parse_title(["Norwegian", "Fisheries", "Minister"])
    assert (t["role"], t["country"], t["organization"]) == ("Fisheries Minister", "NO", "")
    t = parse_title(["Ghanaian", "Health", "Secretary"])
    assert (t["role"], t["country"], t["organization"]) == ("Health Secretary", "GH", "")
    t = parse_title(["Water", "Commissioner"])
    assert (t["role"], t["organization"]) == ("Water Commissioner", "")


def test_employer_in_front_of_the_role():
    assert parse_title(["Kremlin", "spokesman"])["organization"] == "Kremlin"
    assert parse_title(["Dobrev", "campaign", "spokeswoman"])["organization"] == "Dobrev campaign"
    assert parse_title(["Fishermen's", "union", "chief"])["organization"] == "Fishermen's union"
    t = parse_title(["Opposition", "senator"])
    assert (t["role"], t["organization"]) == ("senator", "")
    assert parse_title(["Opposition", "leader"])["organization"] == ""


def test_split_tokens_are_read_as_the_printed_words():
    # the tokenizer splits "Lt." and "AFL-CIO"; the office is read from the words as printed
    # (and spelled out), the body is as printed
    t = parse_title(["Retired", "Lt", ".", "Gen."])
    assert (t["role"], t["organization"], t["role_is_former"]) == ("Lieutenant General", "", True)
    t = parse_title(["Harbour", "AFL", "-", "CIO", "president"])
    assert (t["role"], t["organization"]) == ("president", "Harbour AFL-CIO")


def test_abbreviated_titles_are_spelled_out_so_one_office_has_one_name():
    assert parse_title(["Sen."])["role"] == "Senator"
    assert parse_title(["Gov."])["role"] == "Governor"
    assert parse_title(["Rep."])["role"] == "Representative"
    assert parse_title(["Senator"])["role"] == "Senator"


def test_qualifiers_of_the_office_are_no_employer():
    t = parse_title(["Green", "Party", "presidential", "nominee"])
    assert (t["role"], t["organization"]) == ("nominee", "Green Party")
    t = parse_title(["Republican", "vice", "-", "presidential", "nominee"])
    assert (t["role"], t["organization"]) == ("nominee", "")
    t = parse_title(["Haulage", "association", "chief"])
    assert t["organization"] == "Haulage association"


def test_after_the_office_and_its_of_comes_a_body_not_a_second_office():
    t = parse_title("executive director of the Centre for Harbour Justice".split())
    assert (t["role"], t["organization"]) == ("director", "Centre for Harbour Justice")
    t = parse_title("a spokesman for Harbour Lines".split())
    assert (t["role"], t["organization"]) == ("spokesman", "Harbour Lines")
    t = parse_title("a Republican senator from Texas".split())
    assert (t["role"], t["organization"]) == ("senator", "")
