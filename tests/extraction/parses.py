"""Docs built from a parse written out by hand, so a test can hold the exact (wrong) parse the tagger
sometimes produces: one "word/POS/DEP/HEAD/ENT" per token."""


def doc_of_parse(nlp, parse: str, lemmas: dict | None = None):
    from spacy.tokens import Doc

    rows = [tok.split("/") for tok in parse.split()]
    doc = Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[int(r[3]) for r in rows],
        ents=[r[4] for r in rows],
    )
    for t in doc:
        t.lemma_ = (lemmas or {}).get(t.text, t.lower_)
    return doc
