"""No path from curated data leads outside its directory: `make site` never reads
or writes a file outside the repository's inputs and outputs, whatever a
contributor writes in a path-bearing field. Each traversal is a clear
`file:line: problem`."""

import os
import re

import pytest
import yaml

from lawsite.core.errors import SourceError
from lawsite.publish import output, registry

from .conftest import ROOT, corpus_args, dump_metadata, metadata, run_child, workspace


def tree_of(directory):
    """Every file and directory under `directory`, with the bytes of the files."""
    found = {}
    for place, dirnames, filenames in os.walk(directory):
        for name in dirnames:
            found[os.path.join(place, name)] = None
        for name in filenames:
            found[os.path.join(place, name)] = open(os.path.join(place, name), "rb").read()
    return found


def set_text(places, value):
    meta = places["--sources"] / "ordinances" / "test-ordinance.yml"
    meta.write_text(dump_metadata(metadata(text=value)), encoding="utf-8")


def set_slug(places, value):
    meta = places["--sources"] / "ordinances" / "test-ordinance.yml"
    meta.write_text(dump_metadata(metadata(slug=value, text="test-ordinance.txt")), encoding="utf-8")


def set_department_slug(places, value):
    vocabulary = places["--sources"] / "departments.yml"
    data = yaml.safe_load(vocabulary.read_text(encoding="utf-8"))
    data["actors"][0]["slug"] = value
    vocabulary.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def set_redirect(places, old, new):
    places["redirects"].write_text(yaml.safe_dump({old: new}, allow_unicode=True), encoding="utf-8")


def escape(places, outside, *parts) -> str:
    """`../` enough times to reach `outside` from the site, then `parts`."""
    return "/" + "../" * (len(places["--site"].resolve().parts) + 4) + \
        "/".join((str(outside).lstrip("/"), *parts)) + "/"


def link_translation(places, outside):
    directory = places["--translations"] / "en"
    directory.mkdir(parents=True)
    (directory / "test-ordinance.yml").symlink_to(outside / "secret.yml")


def link_text(places, outside):
    (places["--sources"] / "ordinances" / "link.txt").symlink_to(outside / "secret.txt")
    set_text(places, "link.txt")


TRAVERSALS = {
    "text: a relative path": lambda p, o: set_text(p, os.path.relpath(
        o / "secret.txt", p["--sources"] / "ordinances")),
    "text: an absolute path": lambda p, o: set_text(p, str(o / "secret.txt")),
    "text: a link to outside": link_text,
    "text: the directory itself": lambda p, o: set_text(p, "."),
    "slug": lambda p, o: set_slug(p, os.path.relpath(o, p["--docs"])),
    "department slug": lambda p, o: set_department_slug(p, os.path.relpath(o, p["--docs"])),
    "redirect key": lambda p, o: set_redirect(p, escape(p, o, "pwned"), "/test-ordinance/article-1/"),
    "redirect key, percent-encoded": lambda p, o: set_redirect(
        p, "/%2e%2e/%2e%2e/pwned/", "/test-ordinance/article-1/"),
    "redirect target": lambda p, o: set_redirect(p, "/retired/", escape(p, o)),
    "translation file: a link to outside": link_translation,
}


@pytest.mark.parametrize("field", TRAVERSALS)
def test_no_path_field_reads_or_writes_outside(field, tmp_path):
    """`make site` with a traversal in one path-bearing field: it stops with
    file:line: problem, and nothing outside is read, listed, created or changed
    (an audit hook in the child reports every file the run touches there)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("第一条 秘密。\n", encoding="utf-8")
    (outside / "secret.yml").write_text("text:\n  art_1__para_1: secret\n", encoding="utf-8")
    before = tree_of(outside)
    places = workspace(tmp_path / "work")
    places["redirects"] = tmp_path / "work" / "redirects.yml"
    TRAVERSALS[field](places, outside)
    events = tmp_path / "events.txt"
    run = run_child("site", {k: v for k, v in places.items() if k.startswith("--")},
                    outside=outside, events=events, redirects=places["redirects"])
    touched = events.read_text(encoding="utf-8") if events.exists() else ""
    assert touched == ""                                  # nothing outside was opened
    assert tree_of(outside) == before                    # nor created or changed
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    line = "" if field.startswith("translation") else r":\d+"     # a file, not a line, is wrong
    assert re.search(rf"^error: [^:\s]+{line}: ", run.stderr, re.M), run.stderr


def test_the_text_file_is_a_file_beside_the_metadata(sources_tree):
    from lawsite.parse import sources
    for value, problem in ((".", "names the directory itself"), ("..", "would leave its directory"),
                           ("sub/x.txt", "is a path, not a file name"),
                           ("/etc/passwd", "is absolute")):
        path = sources_tree.add("第一条 甲。\n")
        path.write_text(path.read_text(encoding="utf-8").replace(
            "text: test-ordinance.txt", f"text: {value}"), encoding="utf-8")
        with pytest.raises(SourceError) as caught:
            sources.read(path)
        assert caught.value.line == dump_metadata(metadata()).split("\n").index(
            "text: test-ordinance.txt") + 1
        assert problem in caught.value.message and "beside test-ordinance.yml" in caught.value.message


def test_a_generated_path_never_leaves_docs(tmp_path):
    """The last line of defence, whatever produced the path."""
    docs = tmp_path / "docs"
    for path in ("../escaped.md", "/tmp/escaped.md", "a/../../escaped.md", "a//b.md", "a\\..\\b.md"):
        with pytest.raises(SourceError) as caught:
            output.write_tree(docs, {"index-of-x.md": "x", path: "x"})
        assert "nothing is written outside" in str(caught.value)
    assert not (tmp_path / "escaped.md").exists() and not docs.exists()


def test_a_redirect_key_is_a_path_of_the_site(tmp_path):
    redirects = tmp_path / "redirects.yml"
    pages = {"a/": "a/index.md"}
    for key, problem in (("/../x/", "'..'"), ("/a/./b/", "'.'"), ("x/", "from / to /"),
                         ("/x", "from / to /"), ("/a//b/", "empty part"), ("/a%2e/", "character"),
                         ("/a?b/", "character"), ('/a"b/', "character")):
        redirects.write_text(yaml.safe_dump({key: "/a/"}), encoding="utf-8")
        with pytest.raises(SourceError) as caught:
            registry.curated_redirects(pages, redirects)
        assert caught.value.line == 1 and problem in caught.value.message, key


def test_the_mkdocs_hook_refuses_a_redirect_that_leaves_the_site(tmp_path, caplog):
    """A docs/.redirects.yml that no build of this code wrote (an old one, say)."""
    from mkdocs.exceptions import MkDocsException

    import build_corpus
    from lawsite.publish import publish
    places = workspace(tmp_path)
    assert build_corpus.main(corpus_args(places["--sources"], places["--docs"])) == 0
    redirects = places["--docs"] / ".redirects.yml"
    redirects.write_text('{"../../../escaped.md": "test-ordinance/article-1.md"}', encoding="utf-8")
    with pytest.raises(MkDocsException):
        publish.build_site(tmp_path / "site", ROOT / "mkdocs.yml", docs_dir=places["--docs"])
    assert "redirect '../../../escaped.md' has a '..' part" in caplog.text
    assert not (tmp_path / "escaped").exists() and not (tmp_path.parent / "escaped").exists()


def test_paths_helpers():
    from lawsite.core import paths
    assert paths.problem("a/b.md") is None
    assert paths.problem("") == "is empty"
    assert paths.inside(ROOT, ROOT / "sources") and not paths.inside(ROOT / "sources", ROOT)
