"""The extractor and the database speak one vocabulary: every value extraction emits is a choice
the models accept, and the shared word lists have one home (extraction), imported by people."""

from extraction import types
from extraction.demonyms import DEMONYMS
from extraction.names import PARTICLES
from extraction.roles import country_code
from people.models import DatePrecision
from statements.models import Statement, StatementTopic


def _values(cls) -> set[str]:
    return {v for k, v in vars(cls).items() if k.isupper() and isinstance(v, str)}


def test_statement_kinds_agree_with_the_model():
    assert _values(types.Kind) == set(Statement.Kind.values)


def test_date_fields_are_model_choices():
    assert _values(types.DateBasis) <= set(Statement.DateBasis.values)
    assert _values(types.DatePrecision) <= set(DatePrecision.values)


def test_stances_are_model_choices():
    from extraction.topics import stance

    said = ["We will back the bridge.", "We oppose the bridge and always will.", "The bridge is long.", ""]
    assert {stance(s)[0] for s in said} <= set(StatementTopic.Stance.values)


def test_people_uses_the_extraction_vocabularies():
    import people.services

    assert people.services.PARTICLES is PARTICLES
    assert people.services.sort_name_for("Maria van den Heuvel-Smit") == "van den Heuvel-Smit, Maria"


def test_every_loaded_demonym_reads_as_its_country():
    shared = {"Congolese", "Dominican"}  # two countries each: read as the larger
    for code, names in DEMONYMS.items():
        for name in names:
            if name not in shared:
                assert country_code(name) == code, name
