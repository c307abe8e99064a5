"""The EId value: every eId the parser gives parses back to itself, and the
eIds of every kind of element round-trip."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawsite import pipeline
from lawsite.model import frbr
from lawsite.model.eid import EId
from lawsite.site import export

from ..conftest import project

numbers = st.integers(min_value=1, max_value=999)


@given(numbers, st.none() | numbers, st.none() | numbers, st.none() | numbers, st.none() | numbers)
def test_article_parts_round_trip(article, insert, paragraph, item, subitem):
    if paragraph is None:
        item = None
    if item is None:
        subitem = None
    eid = EId(article=article, insert=insert, paragraph=paragraph, item=item, subitem=subitem)
    assert EId.parse(str(eid)) == eid


@pytest.mark.parametrize("text", ["", "art_", "art_0", "art_1__", "art_1__item_1", "chp_1__para_1",
                                  "art_1__para_1__point_1__item_1__item_2", "art_01", "sec_1",
                                  "art_1-0", "art_1--1", " art_1"])
def test_what_is_not_an_eid_is_refused(text):
    with pytest.raises(ValueError):
        EId.parse(text)


def test_every_eid_of_the_real_corpus_parses_back(corpus_ordinances):
    for ordinance in corpus_ordinances:
        for chapter in ordinance.chapters:
            assert str(EId.parse(chapter.eid)) == chapter.eid
        for article in ordinance.articles:
            assert EId.parse(article.eid).kind == "article"
            for _, element in article.elements():
                parsed = EId.parse(element.eid)
                assert str(parsed) == element.eid and parsed.article_number() == article.number


def test_the_work_uri_of_each_ordinance_is_in_the_dataset(corpus_ordinances):
    data = export.corpus(corpus_ordinances)
    for ordinance, record in zip(corpus_ordinances, data["ordinances"]):
        assert record["frbr_uri"] == frbr.work_uri(ordinance.slug, ordinance.meta)
        assert record["frbr_uri"].startswith("/akn/cn-") and record["frbr_uri"].endswith("/" + ordinance.slug)


@pytest.fixture(scope="module")
def corpus_ordinances():
    return pipeline.load(project()).ordinances
