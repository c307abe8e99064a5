"""Property: a random well-formed ordinance, written in any source style we
accept (with PDF extraction damage for the PDF style), parses back to the
same structure."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawsite.parse import builder as parse
from lawsite.parse.sources import Source

from ..conftest import metadata
from ..styles import STYLES, eid, label

# Chinese characters that cannot form structure on their own (no 第, no brackets).
HANZI = "数据经济发展部门应当推进建设平台服务市区人民政府产业技术创新公共安全管理支持鼓励企业单位组织信息网络智能" \
        "规划标准资源要素市场交易开放共享农业工业教育医疗交通文化旅游金融人才资金用地保障监督责任施行"
word = st.text(alphabet=HANZI, min_size=1, max_size=8)
clause = st.lists(word, min_size=1, max_size=3).map("，".join)


def sentence(end="。"):
    return clause.map(lambda text: text + end)


@st.composite
def paragraph(draw, items_allowed=True):
    if items_allowed and draw(st.booleans()):
        count = draw(st.integers(1, 4))
        items = []
        for i in range(count):
            last = i == count - 1
            subs = []
            if draw(st.integers(0, 3)) == 0:
                subs = draw(st.lists(sentence("；"), min_size=1, max_size=3))
            items.append({"text": draw(sentence("。" if last else "；")) if not subs
                          else draw(clause) + "：", "subitems": subs})
        return {"text": draw(sentence("：")), "items": items}
    return {"text": draw(sentence()), "items": []}


article = st.lists(paragraph(), min_size=1, max_size=3)
title2 = st.text(alphabet=HANZI, min_size=2, max_size=6)
section = st.fixed_dictionaries({"title": title2, "articles": st.lists(article, min_size=1, max_size=3)})
chapter = st.one_of(
    st.fixed_dictionaries({"title": title2, "sections": st.none(),
                           "articles": st.lists(article, min_size=1, max_size=4)}),
    st.fixed_dictionaries({"title": title2, "sections": st.lists(section, min_size=1, max_size=3),
                           "articles": st.just([])}),
)
inserted = st.sets(st.integers(1, 12), max_size=3)     # which articles are 第X条之Y
ordinance = st.one_of(
    st.fixed_dictionaries({"title": st.just("测试市测试条例"), "chapters": st.none(),
                           "articles": st.lists(article, min_size=1, max_size=6), "inserted": inserted}),
    st.fixed_dictionaries({"title": st.just("测试市测试条例"),
                           "chapters": st.lists(chapter, min_size=1, max_size=4),
                           "articles": st.none(), "inserted": inserted}),
)


class Damage:
    """The artefacts of PDF extraction, drawn by hypothesis."""

    def __init__(self, data):
        self.data = data

    def draw_level(self) -> str:
        return self.data.draw(st.sampled_from(["#", "####", ""]))

    def spoil(self, line: str) -> str:
        line = line.replace("，", ",") if self.data.draw(st.booleans()) else line
        head, _, body = line.partition(" ") if line.startswith("第") else ("", "", line)
        spaces = self.data.draw(st.sets(st.integers(1, max(1, len(body) - 1)), max_size=3))
        for at in sorted(spaces, reverse=True):
            if at < len(body) and body[at - 1] not in "（）.0123456789" and body[at] not in "（）.":
                body = body[:at] + " " + body[at:]
        return f"{head} {body}" if head else body

    def split(self, line: str) -> list[str]:
        """Sometimes cut a line in two at a page break (not after a complete clause)."""
        cut = self.data.draw(st.integers(0, len(line) - 1))
        if cut < 8 or line[cut - 1] in "。；：,，" or line[cut - 1] == " ":
            return [line]
        fragment = line[cut:]
        if self.data.draw(st.booleans()):
            fragment = "#### " + fragment
        return [line[:cut], fragment]


def expected(spec) -> dict:
    chapters = []
    for chapter in spec["chapters"] or []:
        chapters.append((chapter["title"], [s["title"] for s in chapter["sections"] or []]))
    articles = [a for _, _, a in _articles(spec)]
    numbers = [(label(n), eid(n)) for _, n, _ in _articles(spec)]
    return {"chapters": chapters, "articles": articles, "numbers": numbers}


def _articles(spec):
    from ..styles import outline
    return [x for x in outline(spec) if x[0] == "article"]


def parsed(ordinance) -> dict:
    return {
        "chapters": [(c.title, [s.title for s in c.sections]) for c in ordinance.chapters],
        "articles": [[{"text": p.text, "items": [{"text": i.text, "subitems": [s.text for s in i.subitems]}
                                                  for i in p.items]} for p in a.paragraphs]
                     for a in ordinance.articles],
        "numbers": [(a.label, a.eid) for a in ordinance.articles],
    }


def parse_text(text: str):
    meta = metadata()
    for key in ("enacted", "approved"):
        meta[key] = dict(meta[key], date=meta[key]["date"])
    meta["effective"] = datetime.date(2025, 1, 1)
    return parse.parse(Source(meta, "m.yml", "t.txt", text.split("\n")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=ordinance, style=st.sampled_from(sorted(STYLES)), data=st.data())
def test_every_style_parses_back_to_the_same_structure(spec, style, data):
    text = STYLES[style](spec, Damage(data))
    assert parsed(parse_text(text)) == expected(spec), text
