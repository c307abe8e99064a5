"""Pages that cost what they carry: another language's tree copies no untranslated
page (the ordinance page says what is translated and links the Chinese), its links
lead to the Chinese pages, and a published English URL of such a page still answers
(a redirect). The pages are made and written one at a time (pipeline.generated)."""

import json
import posixpath
import re
import shutil

import pytest

from lawsite import pipeline
from lawsite.project import Project
from lawsite.publish import output

from ..conftest import LABELS, ROOT

LINK = re.compile(r"\]\(([^)#\s]+\.md)")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The launch corpus with 烟台 translated and 济南 not."""
    translations = tmp_path_factory.mktemp("weight") / "translations"
    (translations / "en").mkdir(parents=True)
    shutil.copy(ROOT / "translations" / "en" / "yantai-digital-economy.yml", translations / "en")
    project = Project.of(ROOT / "sources", translations=translations, labels=LABELS,
                         registry=ROOT / "registry", docs=ROOT / "docs")
    corpus = pipeline.load(project)
    return pipeline.generate(corpus, "https://example.org/", output.hand_written(project.docs),
                             project.redirects_file)


def test_an_untranslated_ordinance_has_its_ordinance_page_only(files):
    assert [path for path in files if path.startswith("en/jinan-digital-economy/")] == \
        ["en/jinan-digital-economy/index.md"]
    page = files["en/jinan-digital-economy/index.md"]
    assert "not translated into English yet" in page
    assert 'href="../../jinan-digital-economy/index.md"' in page            # the Chinese text
    assert 'href="../../jinan-digital-economy/full-text.md"' in page
    assert "en/yantai-digital-economy/article-28.md" in files            # translated: all its pages
    assert "en/yantai-digital-economy/full-text.md" in files


def test_every_link_of_the_english_tree_resolves(files):
    hand = set(output.hand_written(ROOT / "docs"))
    for path, content in files.items():
        if path.startswith("en/") and path.endswith(".md"):
            for target in LINK.findall(content):
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
                assert resolved in files or resolved in hand, f"{path} links to {target}"


def test_the_english_navigation_holds_one_entry_for_an_untranslated_ordinance(files):
    nav = json.loads(files[".nav.yml"])
    english = next(item["English"] for item in nav if isinstance(item, dict) and "English" in item)
    entries = {title: value for item in english for title, value in item.items()}
    jinan = next(value for title, value in entries.items() if "Jinan" in title)
    assert jinan == "en/jinan-digital-economy/index.md"
    yantai = next(value for title, value in entries.items() if "Yantai" in title)
    assert isinstance(yantai, list) and len(yantai) > 10


def test_a_registered_english_url_of_an_untranslated_page_redirects_to_the_chinese(files):
    redirects = json.loads(files[".redirects.yml"])
    assert "/en/jinan-digital-economy/article-1/" in (ROOT / "registry" / "urls.txt").read_text(encoding="utf-8")
    assert redirects["en/jinan-digital-economy/article-1.md"] == "jinan-digital-economy/article-1.md"
    assert redirects["en/jinan-digital-economy/chapter-1.md"] == "jinan-digital-economy/chapter-1/index.md"
    assert redirects["en/jinan-digital-economy/full-text.md"] == "jinan-digital-economy/full-text.md"
    assert not any(key.startswith("en/yantai-digital-economy/") for key in redirects)


# -- written as they are made ---------------------------------------------------------------

def test_the_pages_are_made_one_ordinance_at_a_time(files, monkeypatch):
    """The first file comes before any page is rendered, and an ordinance's pages are
    made when it is written (each ordinance's pages are one job of the build's pool,
    lawsite/workers.py): a build holds one ordinance's pages, not the site's."""
    rendered = []
    original = pipeline.pages.Page.render
    monkeypatch.setattr(pipeline.pages.Page, "render", lambda self: rendered.append(self.path) or original(self))
    project = Project.of(ROOT / "sources", labels=LABELS, registry=ROOT / "registry", docs=ROOT / "docs")
    stream = pipeline.generated(pipeline.load(project), "https://example.org/")
    next(stream)
    assert rendered == []
    for path, _ in stream:
        if path.endswith("article-1.md"):
            first = path.split("/")[-2]
            break
    assert rendered and {path.removeprefix("en/").split("/")[0] for path in rendered} == {first}


def test_a_stream_that_fails_midway_leaves_docs_as_they_were(tmp_path):
    docs = tmp_path / "docs"
    output.write_tree(docs, {"a/index.md": "old", "b.md": "old"})

    def stream():
        yield "a/index.md", "new"
        yield "c/index.md", "new"
        raise RuntimeError("a page failed")
    with pytest.raises(RuntimeError):
        output.write_tree(docs, stream())
    assert output.all_files(docs) == ["a/index.md", "b.md"]
    assert (docs / "a" / "index.md").read_text(encoding="utf-8") == "old"
    kept = [p for p in output.store(docs).path.iterdir() if p.is_dir() and not p.is_symlink()]
    assert kept == [output.store(docs).current_version()]            # no version left behind


def test_a_stream_writes_what_a_mapping_writes(tmp_path):
    files = {"a/index.md": "甲", "b.md": "乙", ".nav.yml": "[]"}
    report = output.write_tree(tmp_path / "one", files)
    output.write_tree(tmp_path / "two", iter(sorted(files.items(), reverse=True)))
    assert report.written == sorted(files)
    for name in ("one", "two"):
        assert output.all_files(tmp_path / name) == sorted(files)
    assert (tmp_path / "one" / ".generated").read_bytes() == (tmp_path / "two" / ".generated").read_bytes()
    again = output.write_tree(tmp_path / "two", iter(files.items()))
    assert (again.written, again.unchanged) == ([], 3)


def test_a_path_twice_in_a_stream_is_refused(tmp_path):
    with pytest.raises(Exception, match="two generated files have this path"):
        output.write_tree(tmp_path / "docs", iter([("a.md", "x"), ("a.md", "y")]))
    assert not (tmp_path / "docs" / "a.md").exists()
