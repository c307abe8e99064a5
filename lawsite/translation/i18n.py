"""Languages of the site: the official Chinese, and translations beside it.

A translation is a YAML file per ordinance and language,
`translations/<lang>/<slug>.yml`, keyed by eId:

    status: unofficial
    translator: …
    date: 2026-12-01          # when the translation was last revised
    text:
      chp_1: General Provisions
      art_1__para_1: These Regulations are formulated …

Adding a translation is a matter of filling in these files: no change of URLs,
templates or code. A passage without a translation falls back to the official
Chinese text, marked as Chinese, with a notice.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from lawsite.core import paths, schema, yamlfile
from lawsite.core.errors import Notice, SourceError, display_path
from lawsite.core.errors import shown as quoted
from lawsite.core.numerals import to_roman
from lawsite.model import document as model
from lawsite.site import markup
from lawsite.translation import glossary
from lawsite.translation.labels import Labels

SCHEMA = Path(__file__).with_name("translation.schema.json")

OFFICIAL = "zh"
CODES = ("zh", "en")             # the language trees of the site; the first is the official one
HTML_LANG = {"zh": "zh-CN", "en": "en"}


def language_of(path: str) -> str:
    """The language tree a docs/ path belongs to.

    >>> language_of("en/yantai-digital-economy/article-28.md"), language_of("about.md")
    ('en', 'zh')
    """
    first = path.split("/", 1)[0]
    return first if first in CODES and first != OFFICIAL and "/" in path else OFFICIAL


def counterpart(path: str, code: str) -> str:
    """The same page in another language tree.

    >>> counterpart("en/yantai-digital-economy/article-28.md", "zh")
    'yantai-digital-economy/article-28.md'
    >>> counterpart("index.md", "en")
    'en/index.md'
    """
    current = language_of(path)
    bare = path if current == OFFICIAL else path[len(current) + 1:]
    return bare if code == OFFICIAL else f"{code}/{bare}"


@dataclass
class Translation:
    """The translated passages of one ordinance, by eId."""

    path: str = ""
    status: str = "unofficial"
    translator: str = ""
    text: dict[str, str] = field(default_factory=dict)
    date: datetime.date | None = None          # when it was last revised
    lines: dict[str, int] = field(default_factory=dict)   # eId → its line in the file
    notices: list[Notice] = field(default_factory=list)      # bidi controls in a passage


def element_eids(ordinance: model.Ordinance) -> set[str]:
    """Every eId a translation may use: chapters, sections, 款, 项, 目 (and the paragraphs
    of a document without articles, and of a preamble)."""
    eids = {paragraph.eid for paragraph in ordinance.paragraphs + ordinance.preamble}
    for chapter in ordinance.chapters:
        eids.add(chapter.eid)
        eids.update(section.eid for section in chapter.sections)
    for article in ordinance.articles:
        eids.update(element.eid for _, element in article.elements())
    return eids


def load_translation(path: Path, ordinance: model.Ordinance) -> Translation:
    """Read and check a translation file: known keys, known eIds, text entries."""
    shown = display_path(path)
    if not paths.inside(Path(path).parent, path):
        raise SourceError(shown, None, "is a symbolic link that leads outside its directory: "
                          "a translation must be a file in it")
    data = yamlfile.load(path)
    schema.check(data, schema.load(SCHEMA), shown, values=True)
    status, date = data.get("status", "unofficial"), data.get("date")
    text: yamlfile.Mapping = data.get("text") or yamlfile.Mapping()
    known = element_eids(ordinance)
    for eid in text:
        if eid not in known:
            raise SourceError(shown, text.key_line(eid), f"unknown eId {quoted(eid)}: "
                              f"《{ordinance.title}》 has no such chapter, section, 款, 项 or 目")
    notices = [notice for eid, value in text.items()
               for notice in markup.bidi_notice(shown, text.key_line(eid), f"the translation of {eid}", value)]
    return Translation(shown, status, str(data.get("translator", "")),
                       {eid: " ".join(value.split()) for eid, value in text.items()},
                       date, {eid: text.key_line(eid) for eid in text}, notices)


@dataclass(frozen=True)
class Coverage:
    articles: int            # articles whose every 款, 项 and 目 is translated
    partial: int             # articles with some but not all translated
    total_articles: int
    characters: int          # Chinese characters of the translated passages
    total_characters: int

    @property
    def percent(self) -> float:
        return round(100 * self.characters / self.total_characters, 1) if self.total_characters else 0.0


def coverage(ordinance: model.Ordinance, translation: Translation) -> Coverage:
    done = partial = characters = total = 0
    for article in ordinance.articles:
        elements = [element for _, element in article.elements()]
        translated = [e for e in elements if e.eid in translation.text]
        done += len(translated) == len(elements)
        partial += 0 < len(translated) < len(elements)
        characters += sum(len(e.text) for e in translated)
        total += sum(len(e.text) for e in elements)
    return Coverage(done, partial, len(ordinance.articles), characters, total)


class Language:
    """How one language tree of the site names and shows things."""

    def __init__(self, code: str, labels: Labels, translations: dict[str, Translation] | None = None):
        self.code = code
        self.labels = labels
        self.translations = translations or {}
        self.official = code == OFFICIAL
        self.prefix = "" if self.official else f"{code}/"
        self.html_lang = HTML_LANG[code]
        # the suffix of this language's curated fields (title_en, name_en, province_en,
        # body_en; the official ones have none), and of the other language a page
        # names things in besides its own (the official tree: English; a translation:
        # the official Chinese)
        self.suffix = "" if self.official else f"_{code}"
        self.alternate_suffix = "_en" if self.official else ""
        # a comparison page of two provisions compares the official texts: it is a page
        # of the official tree alone (other trees link to it)
        self.has_pair_pages = self.official
        # ordinances without a translated passage: this tree has their ordinance page
        # only (what is translated, a link to the Chinese), no copy of the Chinese pages
        self.untranslated = frozenset() if self.official else frozenset(
            slug for slug, translation in self.translations.items() if not translation.text)

    def has_pages(self, slug: str) -> bool:
        """Does this tree have the ordinance's chapter, article, full-text and comparison
        pages? The official tree always; another only for a translated ordinance."""
        return slug not in self.untranslated

    def path(self, path: str) -> str:
        """The docs/ path of a page in this language's tree; a page of an untranslated
        ordinance other than its ordinance page is the Chinese one.

        >>> en = Language("en", None, {"x": Translation()})
        >>> en.path("x/index.md"), en.path("x/article-2.md"), en.path("about.md")
        ('en/x/index.md', 'x/article-2.md', 'en/about.md')
        """
        slug, _, rest = path.partition("/")
        if rest and rest != "index.md" and slug in self.untranslated:
            return path
        return self.prefix + path

    def title(self, ordinance: model.Ordinance) -> str:
        """The title in this language; without one (`title_en` absent), the official
        Chinese title (see `title_lang`)."""
        return ordinance.title if self.official else ordinance.meta.get(f"title_{self.code}", ordinance.title)

    def title_lang(self, ordinance: model.Ordinance) -> str:
        """The HTML language of `title(ordinance)`: zh-CN where it falls back to the Chinese."""
        return self.html_lang if self.official or f"title_{self.code}" in ordinance.meta else "zh-CN"

    def alternate_title(self, ordinance: model.Ordinance) -> str | None:
        """The title in the other language a page names it in (see `alternate_suffix`);
        None where there is no English title."""
        return ordinance.meta.get("title_en") if self.official else ordinance.title

    def name(self, named) -> str:
        """The name of something curated with a name in each language (an actor:
        `name`, `name_en`), in this language."""
        return getattr(named, "name" + self.suffix)

    def alternate_name(self, named) -> str:
        return getattr(named, "name" + self.alternate_suffix)

    def foreign(self, html_lang: str) -> str | None:
        """`html_lang` where a text in that language is foreign to this tree (to be
        marked lang="…"), else None.

        >>> Language("en", None).foreign("zh-CN"), Language("zh", None).foreign("zh-CN")
        ('zh-CN', None)
        """
        return html_lang if html_lang != self.html_lang else None

    def short_title(self, ordinance: model.Ordinance) -> str:
        """A short name (烟台); without one, the title."""
        meta = ordinance.meta
        if self.official:
            return meta.get("short_title", ordinance.title)
        return meta.get(f"short_title_{self.code}") or self.title(ordinance)

    def article_label(self, article: model.Article) -> str:
        return article.label if self.official else self.labels("article", n=article.number.en)

    def division_label(self, part: model.Chapter | model.Section) -> str:
        if self.official or not part.label:      # a section written without 第X节: no number shown
            return part.label
        key = "section" if isinstance(part, model.Section) else "chapter"
        return self.labels(key, n=part.number, roman=to_roman(part.number))

    def text(self, ordinance: model.Ordinance, eid: str, official: str) -> tuple[str, str]:
        """A passage in this language, or the official Chinese as a fallback:
        (text, the HTML language of the text)."""
        if self.official:
            return official, "zh-CN"
        translated = self.translations.get(ordinance.slug, Translation()).text.get(eid)
        return (translated, self.html_lang) if translated else (official, "zh-CN")

    def heading(self, ordinance: model.Ordinance, part: model.Chapter | model.Section) -> tuple[str, str]:
        """"第四章　数据要素价值化" or "Chapter IV Realizing the Value of Data Factors"."""
        title, lang = self.text(ordinance, part.eid, part.title) if part.title else ("", self.html_lang)
        separator = "\u3000" if self.official else " "
        label = self.division_label(part)
        heading = separator.join(filter(None, (label, title)))
        if getattr(part, "missing", False):        # 第X章 not written upstream: say so in every list
            # a title as written without its 第X章 lacks its number; no heading at all, the whole heading
            heading += self.labels("label_missing_mark" if part.title else "heading_missing_mark")
        return heading, lang


def unknown_languages(directory: Path) -> list[Notice]:
    """Directories of `directory` that are no language of the site (CODES) and not the
    labels: their translations would be silently ignored."""
    directory, translated = Path(directory), [code for code in CODES if code != OFFICIAL]
    if not directory.is_dir():
        return []
    return [Notice(display_path(path), None, f"{quoted(path.name)} is not a language of the site "
                   f"({', '.join(translated)}: CODES in lawsite/translation/i18n.py), so its translations "
                   "are not published")
            for path in sorted(directory.iterdir())
            if path.is_dir() and path.name not in translated and path.name != "labels"]


def load_languages(ordinances: list[model.Ordinance], directory: Path, labels: Path,
                   codes=CODES, left_out=frozenset()) -> list[Language]:
    """Every language tree of the site, with its labels (from `labels`) and its
    translations (from `directory`); the translations of the ordinances a build left
    out (`left_out`, their slugs) are not read."""
    languages = []
    for code in codes:
        translations = {}
        if code != OFFICIAL:
            for ordinance in ordinances:
                path = Path(directory, code, f"{ordinance.slug}.yml")
                translations[ordinance.slug] = load_translation(path, ordinance) \
                    if path.exists() else Translation()
            for path in sorted(Path(directory, code).glob("*.yml")):
                if path.stem not in translations and path.stem not in left_out \
                        and path.name != glossary.FILE:
                    raise SourceError(display_path(path), None,
                                      f"no ordinance has the slug {quoted(path.stem)}")
        languages.append(Language(code, Labels.load(code, labels), translations))
    return languages


def glossary_misses(languages: list[Language], ordinances: list[model.Ordinance],
                    directory: Path) -> list[Notice]:
    """Where a translation does not use the rendering its language's glossary fixes."""
    found = []
    for lang in languages:
        path = Path(directory, lang.code, glossary.FILE)
        if lang.official or not path.exists():
            continue
        terms = glossary.load(path)
        for ordinance in ordinances:
            translation = lang.translations.get(ordinance.slug, Translation())
            found += glossary.misses(terms, ordinance, translation.text, translation.lines,
                                     translation.path)
    return found
