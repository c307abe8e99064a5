"""A page's sidebar holds its own ordinance, not every ordinance of its province: it grows
with the ordinance, not with the corpus (navview.own_branch); long runs of articles are
shown in groups, so that it does not grow with the ordinance either."""

from types import SimpleNamespace

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from lawsite.mkdocs.navview import GROUP, LONG, own_branch, restrict


class Entry(Page):
    """A navigation page with only the name of its file (own_branch reads the structure)."""

    def __init__(self, title: str, src_uri: str = "x.md"):    # not Page.__init__, which wants a File
        self.title, self.parent, self.active = title, None, False
        self.file = SimpleNamespace(src_uri=src_uri)


def section(title: str, children: list) -> Section:
    made = Section(title, children)
    for child in children:
        child.parent = made
    return made


def ordinance(name: str, articles: int = 3) -> Section:
    return section(name, [Entry(f"{name} index", f"{name}/index.md")] +
                   [section("第一章", [Entry(f"{name} {n}") for n in range(1, articles + 1)])])


def corpus(provinces: int = 3, each: int = 20) -> tuple[Navigation, list]:
    groups = [section(f"省{p}", [ordinance(f"法规{p}-{o}") for o in range(each)]) for p in range(provinces)]
    home = Entry("首页")
    return Navigation([home, *groups], []), groups


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_an_article_shows_its_own_ordinance_alone_in_its_province():
    nav, groups = corpus()
    article = groups[1].children[7].children[1].children[2]
    view = own_branch(nav, article)
    assert titles(view.items) == ["首页", "省0", "省1", "省2"]          # the way up: every province
    province = view.items[2]
    assert titles(province.children) == ["法规1-7"]                   # not its 19 neighbours
    assert province.children[0] is groups[1].children[7]
    assert view.items[1] is groups[0] and view.items[3] is groups[2]
    assert len(nav.items[2].children) == 20                          # the site's navigation unchanged


def test_in_a_part_of_a_province_the_other_parts_ordinances_are_left_out_too():
    # a shard that is one part of its province lists the other parts' ordinances as
    # links (restrict's siblings), first among them here: the page still shows its own alone
    siblings = [Entry(f"法规{n}", f"s{n}/index.md") for n in range(30)]
    own = ordinance("法规本", articles=3)
    province = section("省", [*siblings, own])
    nav = Navigation([Entry("首页"), province], [])
    view = own_branch(nav, own.children[1].children[0])
    assert titles(view.items[1].children) == ["法规本"]
    assert view.items[1].children[0] is own


def test_the_ordinance_page_itself_is_cut_the_same_way():
    nav, groups = corpus()
    view = own_branch(nav, groups[0].children[3].children[0])
    assert titles(view.items[1].children) == ["法规0-3"]


def test_an_ungrouped_navigation_and_pages_outside_the_ordinances_are_left_as_they_are():
    few = [ordinance(f"法规{o}") for o in range(3)]
    nav = Navigation([Entry("首页"), *few], [])
    article = few[1].children[1].children[0]
    assert own_branch(nav, article) is nav                           # its chapters all stay
    nav, _ = corpus()
    assert own_branch(nav, nav.items[0]) is nav
    single = section("省", [Entry("一部未译法规")])                       # an English one-page ordinance
    nav = Navigation([single], [])
    assert own_branch(nav, single.children[0]) is nav


# -- long runs of articles: in groups, the page's own open ---------------------------------------

def articles(slug: str, n: int) -> list[Entry]:
    return [Entry(f"第{k}条", f"{slug}/article-{k}.md") for k in range(1, n + 1)]


def open_page(page) -> None:
    """As MkDocs marks the page being rendered: it and its sections active."""
    page.active = True


def test_an_ordinance_without_chapters_shows_its_articles_in_groups_the_pages_open():
    pages = articles("a", 44)
    law = section("甲条例", [Entry("甲条例", "a/index.md"), *pages, Entry("全文", "a/full-text.md")])
    nav = Navigation([Entry("首页", "index.md"), law], [])
    open_page(pages[22])                                   # 第二十三条
    view = own_branch(nav, pages[22])
    shown = view.items[1]
    assert titles(shown.children) == ["甲条例", "第1条–第10条", "第11条–第20条", "第21条–第30条",
                                      "第31条–第40条", "第41条–第44条", "全文"]
    groups = shown.children[1:6]
    assert [g.active for g in groups] == [False, False, True, False, False]
    assert groups[2].children == pages[20:30]               # the pages themselves, in order
    assert sum(len(g.children) for g in groups) == 44       # none left out
    assert law.children[1] is pages[0] and len(law.children) == 46      # the site's navigation unchanged
    assert pages[22].parent is law


def test_a_long_chapter_is_grouped_and_the_other_chapters_stay_as_they_are():
    long, short = articles("a", 2 * GROUP + 1), [Entry("第九十条", "a/article-90.md")]
    first = section("第一章", [Entry("第一章", "a/chapter-1/index.md"), *long])
    second = section("第二章", [Entry("第二章", "a/chapter-2/index.md"), *short])
    law = section("甲条例", [Entry("甲条例", "a/index.md"), first, second])
    province = section("省", [law, ordinance("乙条例")])
    nav = Navigation([Entry("首页", "index.md"), province], [])
    open_page(long[-1])
    view = own_branch(nav, long[-1])
    shown_law = view.items[1].children[0]
    assert titles(view.items[1].children) == ["甲条例"]
    assert titles(shown_law.children) == ["甲条例", "第一章", "第二章"]
    assert titles(shown_law.children[1].children) == ["第一章", "第1条–第10条", "第11条–第20条", "第21条"]
    assert shown_law.children[2] is second
    assert shown_law.children[1].children[3].active


def test_a_run_of_at_most_long_articles_is_not_grouped():
    pages = articles("a", LONG)
    law = section("甲条例", [Entry("甲条例", "a/index.md"), *pages])
    nav = Navigation([Entry("首页", "index.md"), law], [])
    open_page(pages[3])
    assert own_branch(nav, pages[3]) is nav


def test_restrict_keeps_a_shards_own_ordinances_and_the_way_up():
    nav = [{"首页": "index.md"},
           {"山东省": [{"甲条例": ["a/index.md", {"第一条": "a/article-1.md"}]},
                      {"乙条例": ["b/index.md", {"第一条": "b/article-1.md"}]}]},
           {"北京市": [{"丙条例": ["c/index.md", {"第一条": "c/article-1.md"}]}]},
           {"关于": "about.md"}]
    shard = {"own": ["c"], "ordinances": ["a", "b", "c"], "hub": False}
    assert restrict(nav, shard) == [nav[0], nav[2], nav[3]]
    hub = {"own": [], "ordinances": ["a", "b", "c"], "hub": True}
    assert restrict(nav, hub)[1] == {"山东省": [{"甲条例": "a/index.md"}, {"乙条例": "b/index.md"}]}
