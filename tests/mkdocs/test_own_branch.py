"""A page's sidebar holds its own ordinance, not every ordinance of its province: it grows
with the ordinance, not with the corpus (hooks.own_branch)."""

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from lawsite.mkdocs.hooks import own_branch


class Entry(Page):
    """A navigation page without a file (own_branch reads only the structure)."""

    def __init__(self, title: str):            # not Page.__init__, which wants a File
        self.title, self.parent, self.active = title, None, False


def section(title: str, children: list) -> Section:
    made = Section(title, children)
    for child in children:
        child.parent = made
    return made


def ordinance(name: str, articles: int = 3) -> Section:
    return section(name, [Entry(f"{name} index")] +
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
