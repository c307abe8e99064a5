"""One Project, built by the command line and passed down: a build reads only the
project's files."""

import shutil
import sys
from pathlib import Path

import build_corpus
from lawsite.project import Project
from lawsite.publish import publish
from lawsite.publish.output import hand_written_only

from .conftest import HOSTED, LABELS, ROOT, SIMPLE, corpus_args

GUARDED = [ROOT / "sources", ROOT / "translations", ROOT / "registry"]
_watch: list[list[str]] = []          # the paths opened while a test watches


def _audit(event, args):
    if _watch and event in ("open", "os.listdir", "os.scandir") and args and \
            isinstance(args[0], (str, bytes, Path)):
        _watch[-1].append(str(Path(args[0] if not isinstance(args[0], bytes) else args[0].decode()).resolve()))


sys.addaudithook(_audit)              # (audit hooks cannot be removed: it is idle unless watched)


def opened_during(action) -> list[str]:
    _watch.append([])
    try:
        action()
    finally:
        found = _watch.pop()
    return found


def test_a_fixture_build_reads_nothing_of_the_repository_sources_translations_or_registry(
        sources_tree, tmp_path):
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

    opened = opened_during(build)
    assert any(path.startswith(str(sources_tree.root)) for path in opened)     # the watch works
    assert str(translations / "labels" / "zh.yml") in opened
    assert str(registry / "redirects.yml") in opened
    guarded = [path for path in opened if any(path.startswith(str(g) + "/") or path == str(g)
                                              for g in GUARDED)]
    assert guarded == []
    assert (site / "test-ordinance" / "article-1" / "index.html").exists()


def test_paths_not_given_are_found_beside_the_sources(tmp_path):
    project = Project.of(tmp_path / "p" / "sources")
    assert project.translations == tmp_path / "p" / "translations"
    assert project.labels == tmp_path / "p" / "translations" / "labels"
    assert project.redirects_file == tmp_path / "p" / "registry" / "redirects.yml"
    assert project.offline_config == tmp_path / "p" / "mkdocs.offline.yml"
