"""One Project, built by the command line and passed down: a build reads only the
project's files."""

import shutil
import sys
from pathlib import Path

import pytest

import build_corpus
from lawsite.project import Project
from lawsite.publish import publish
from lawsite.publish.output import hand_written_only

from .conftest import HOSTED, LABELS, ROOT, SIMPLE, corpus_args

GUARDED = [ROOT / "sources", ROOT / "translations", ROOT / "registry"]
_watch: list[list[str]] = []          # the paths opened while a test watches
_refused: list[list[Path]] = []       # the directories unreadable while a test refuses them


def _audit(event, args):
    if not (event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, Path))):
        return
    path = Path(args[0] if not isinstance(args[0], bytes) else args[0].decode()).resolve()
    if _watch:
        _watch[-1].append(str(path))
    if _refused and any(path == directory or directory in path.parents for directory in _refused[-1]):
        # unreadable, whoever runs the test (root reads a file whatever its mode)
        raise PermissionError(13, "Permission denied (unreadable for this test)", str(path))


sys.addaudithook(_audit)              # (audit hooks cannot be removed: it is idle unless watched)


def opened_during(action) -> list[str]:
    _watch.append([])
    try:
        action()
    finally:
        found = _watch.pop()
    return found


def unreadable_during(directories: list[Path], action) -> None:
    """Run `action` with every file and listing below `directories` refused."""
    _refused.append([directory.resolve() for directory in directories])
    try:
        action()
    finally:
        _refused.pop()


def fixture_project(sources_tree, tmp_path):
    """A fixture corpus with translations, labels and a registry of its own; the
    build of its docs/ and hosted site, as a function."""
    sources_tree.add(SIMPLE)
    shutil.copy(ROOT / "sources" / "departments.yml", sources_tree.root)
    translations = tmp_path / "translations"
    shutil.copytree(LABELS, translations / "labels")         # the project's own labels
    registry = tmp_path / "registry"
    registry.mkdir()
    (registry / "redirects.yml").write_text("{}\n", encoding="utf-8")
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))

    def build():
        assert build_corpus.main(corpus_args(sources_tree.root, docs, translations)) == 0
        publish.build_site(site, HOSTED, docs_dir=docs)
    return build, translations, registry, site


def test_a_fixture_build_reads_nothing_of_the_repository_sources_translations_or_registry(
        sources_tree, tmp_path):
    build, translations, registry, site = fixture_project(sources_tree, tmp_path)
    opened = opened_during(build)
    assert any(path.startswith(str(sources_tree.root)) for path in opened)     # the watch works
    assert str(translations / "labels" / "zh.yml") in opened
    assert str(registry / "redirects.yml") in opened
    guarded = [path for path in opened if any(path.startswith(str(g) + "/") or path == str(g)
                                              for g in GUARDED)]
    assert guarded == []
    assert (site / "test-ordinance" / "article-1" / "index.html").exists()


def test_a_fixture_build_succeeds_with_the_repository_sources_translations_and_registry_unreadable(
        sources_tree, tmp_path):
    build, _, _, site = fixture_project(sources_tree, tmp_path)
    unreadable_during(GUARDED, build)
    assert (site / "test-ordinance" / "article-1" / "index.html").exists()


def test_unreadable_means_unreadable():
    def read():
        (ROOT / "registry" / "urls.txt").read_text(encoding="utf-8")
    with pytest.raises(PermissionError):
        unreadable_during(GUARDED, read)
    read()                                                   # readable again afterwards


def test_paths_not_given_are_found_beside_the_sources(tmp_path):
    project = Project.of(tmp_path / "p" / "sources")
    assert project.translations == tmp_path / "p" / "translations"
    assert project.labels == tmp_path / "p" / "translations" / "labels"
    assert project.redirects_file == tmp_path / "p" / "registry" / "redirects.yml"
    assert project.offline_config == tmp_path / "p" / "mkdocs.offline.yml"
