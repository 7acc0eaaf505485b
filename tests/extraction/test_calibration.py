"""Confidence is the fitted probability that a statement is right, looked up from its features."""

from extraction import calibration
from extraction.types import ExtractedStatement, SpeakerMention, SpeakerType

TEXT = (
    "Budget row deepens\n\n"
    "Finance Minister Ilse Vaarkamp said that the budget was fair to everyone in the country.\n\n"
    '"We will not raise taxes," she said.\n'
)


def _statement(
    quote,
    *,
    kind="indirect",
    cue="said",
    name="Ilse Vaarkamp",
    text="Finance Minister Ilse Vaarkamp",
    type=SpeakerType.PERSON,
    resolved_from="",
):
    start = TEXT.index(quote)
    speaker = SpeakerMention(name=name, text=text, type=type, resolved_from=resolved_from)
    return ExtractedStatement(
        speaker=speaker, quote=quote, kind=kind, cue=cue, start=start, end=start + len(quote)
    )


def test_the_table_is_fitted_and_every_probability_is_a_probability():
    assert calibration.FITTED_ON.startswith("polnear-dev")
    for table in calibration.LEVELS:
        assert table and all(0.0 < p < 1.0 for p in table.values())


def test_features_name_the_kind_speaker_cue_distance_and_length():
    named = _statement("the budget was fair to everyone in the country")
    assert calibration.features(named, TEXT) == ("indirect", "named", "said", "near", "long")
    pronoun = _statement("We will not raise taxes", kind="direct", text="she", resolved_from="pronoun")
    assert calibration.features(pronoun, TEXT)[:4] == ("direct", "pronoun", "said", "near")
    org = _statement(
        "the budget was fair",
        type=SpeakerType.ORGANIZATION,
        name="Finance Ministry",
        text="the ministry",
        cue="according to",
    )
    assert calibration.features(org, TEXT)[1:4] == ("organisation", "according", "far")
    assert calibration.cue_class(":") == "colon" and calibration.cue_class("warned") == "other"


def test_calibrate_sets_the_looked_up_probability_and_unseen_keys_back_off():
    st = _statement("the budget was fair to everyone in the country")
    calibration.calibrate([st], TEXT)
    assert st.confidence == calibration.probability(calibration.features(st, TEXT))
    levels = [{(): 0.8}, {("direct",): 0.9}, {("direct", "named"): 0.95}]
    assert calibration.probability(("direct", "named", "said", "near", "long"), levels) == 0.95
    assert calibration.probability(("direct", "pronoun", "said", "near", "long"), levels) == 0.9
    assert calibration.probability(("mixed", "pronoun", "said", "near", "long"), levels) == 0.8
    assert calibration.probability((), [{(): 1.0}]) == calibration.CEILING


def test_extract_gives_calibrated_confidences(extract):
    statements = extract(TEXT)
    assert statements
    for st in statements:
        assert st.confidence == calibration.probability(calibration.features(st, TEXT))
