"""Shared fixtures: a throwaway sources/ tree with small ordinances."""

import datetime
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

from lawsite.project import Project
from lawsite.publish.output import hand_written_only

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "translations" / "labels"
HOSTED, OFFLINE = ROOT / "mkdocs.yml", ROOT / "mkdocs.offline.yml"


def project(sources: Path = ROOT / "sources", translations: Path | None = None, **paths) -> Project:
    """The project of a sources/ tree: its own translations and registry beside it,
    the repository's labels unless the translations have their own, and the
    repository's mkdocs.yml (the theme; site_url)."""
    translations = Path(translations) if translations else Path(sources).parent / "translations"
    paths.setdefault("labels", translations / "labels" if (translations / "labels").exists() else LABELS)
    paths.setdefault("mkdocs_config", HOSTED)
    return Project.of(sources, translations=translations, **paths)
SEEDS = ROOT.parent / "shared" / "seeds"
# The two launch ordinances: translated (the translations are pinned) and hand-labelled
# (departments, parallels, search queries). sources/ may hold any others beside them.
LAUNCH = ("jinan-digital-economy", "yantai-digital-economy")


def launch_sources(directory: Path) -> Path:
    """A copy of sources/ that holds the launch ordinances alone, with the vocabulary and
    the search terms: for the tests that measure against what was labelled in these two
    texts, whatever else sources/ holds. Returns the new sources/ directory."""
    import shutil
    target = Path(directory) / "sources"
    (target / "ordinances").mkdir(parents=True)
    for path in (ROOT / "sources").iterdir():
        if path.is_file():
            shutil.copy(path, target / path.name)
    for slug in LAUNCH:
        for suffix in (".yml", ".txt"):
            shutil.copy(ROOT / "sources" / "ordinances" / f"{slug}{suffix}", target / "ordinances")
    return target


def launch_ordinances() -> list:
    """The launch ordinances, read and parsed (in LAUNCH order)."""
    from lawsite.parse import builder, sources
    return [builder.parse(sources.read(ROOT / "sources" / "ordinances" / f"{slug}.yml")) for slug in LAUNCH]


def metadata(slug: str = "test-ordinance", title: str = "测试市测试条例", **changes) -> dict:
    """Valid metadata for a test ordinance; `changes` replace or drop (None) fields."""
    meta = {
        "slug": slug,
        "title": title,
        "title_en": "Test Regulations",
        "short_title": "测试",
        "short_title_en": "Test",
        "jurisdiction": {"city": "测试市", "city_en": "Test City",
                         "province": "山东省", "province_en": "Shandong"},
        "enacted": {"body": "测试市人民代表大会常务委员会",
                    "body_en": "Standing Committee of the Test City People's Congress",
                    "date": datetime.date(2024, 10, 22)},
        "approved": {"body": "山东省人民代表大会常务委员会",
                     "body_en": "Standing Committee of the Shandong Provincial People's Congress",
                     "date": datetime.date(2024, 11, 20)},
        "effective": datetime.date(2025, 1, 1),
        "status": "in_force",
        "text": f"{slug}.txt",
        "source": {"received_as": f"{slug}.txt", "format": "markdown", "note": "a test fixture"},
    }
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return meta


def dump_metadata(meta: dict) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)


class SourcesTree:
    """A sources/ directory under tmp_path, written ordinance by ordinance."""

    def __init__(self, root: Path):
        self.root = root
        (root / "ordinances").mkdir(parents=True)

    def add(self, text: str | bytes, slug: str = "test-ordinance", dedent: bool = True,
            **meta_changes) -> Path:
        meta = metadata(slug, **meta_changes)
        path = self.root / "ordinances" / f"{slug}.yml"
        path.write_text(dump_metadata(meta), encoding="utf-8")
        data = text if isinstance(text, bytes) else \
            (textwrap.dedent(text).lstrip("\n") if dedent else text).encode("utf-8")
        (self.root / "ordinances" / meta["text"]).write_bytes(data)
        return path


@pytest.fixture
def sources_tree(tmp_path) -> SourcesTree:
    return SourcesTree(tmp_path / "sources")


def corpus_args(sources, docs, translations=None) -> list[str]:
    """build_corpus.py arguments for a fixture sources/ tree, with no translations
    (the repository's name the launch ordinances) unless given."""
    translations = Path(translations or Path(sources).parent / "no-translations")
    labels = translations / "labels" if (translations / "labels").exists() else LABELS
    return ["--sources", str(sources), "--docs", str(docs), "--translations", str(translations),
            "--labels", str(labels), "--registry", str(Path(sources).parent / "registry"),
            "--config", str(HOSTED)]


SIMPLE = """\
    # 测试市测试条例

    第一章 总则

    第一条 为了测试，制定本条例。

    第二条 本条例适用于测试。

    第二章 附则

    第三条 本条例自2025年1月1日起施行。
    """


# -- the built site, shared by the HTML and browser tests ------------------------------------

def build_site_into(directory: Path, sources: Path = ROOT / "sources",
                    translations: Path = ROOT / "translations", config: Path = HOSTED) -> tuple[Path, Path]:
    """Build the corpus and the hosted site as `make site` does, into `directory`:
    docs/ is a copy of the hand-written pages, site/ the MkDocs output (of `config`:
    OFFLINE for the offline bundle's site, unzipped)."""
    import shutil

    import build_corpus
    from lawsite.publish import publish

    docs, site = directory / "docs", directory / "site"
    shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    assert build_corpus.main(corpus_args(sources, docs, translations)) == 0
    publish.build_site(site, config, docs_dir=docs)          # strict: any MkDocs warning fails
    return docs, site


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(docs, site) of the real corpus, built once per test session."""
    return build_site_into(tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="session")
def site_dir(built) -> Path:
    return built[1]


@pytest.fixture(scope="session")
def launch_built(tmp_path_factory, built) -> tuple[Path, Path]:
    """(docs, site) of the launch ordinances alone: the live build when sources/ holds
    nothing else, else a build of a copy that holds them alone."""
    others = {p.stem for p in (ROOT / "sources" / "ordinances").glob("*.yml")} - set(LAUNCH)
    if not others:
        return built
    root = tmp_path_factory.mktemp("launch")
    return build_site_into(root, launch_sources(root))


@pytest.fixture(scope="session")
def partial_site(tmp_path_factory) -> Path:
    """The real corpus with 烟台's translation lacking 第二十八条: the site a reader
    sees while a translation is under way (fallbacks, notices, coverage)."""
    import shutil

    import yaml
    root = tmp_path_factory.mktemp("partial")
    translations = root / "translations"
    shutil.copytree(ROOT / "translations", translations)
    path = translations / "en" / "yantai-digital-economy.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["text"] = {eid: text for eid, text in data["text"].items() if not eid.startswith("art_28__")}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return build_site_into(root, translations=translations)[1]


@pytest.fixture(scope="session")
def bundle(built, tmp_path_factory) -> Path:
    """The offline bundle of the real corpus (dist/lawsite-offline.zip), built once."""
    from lawsite.publish import publish
    work = tmp_path_factory.mktemp("bundle")
    return publish.build_bundle(work / "lawsite-offline.zip", OFFLINE, built[0], work / "offline")


def translate_one(translations: Path, sources: Path, slug: str) -> None:
    """An English translation of one passage of `slug` (the last of its last article):
    enough for the English tree to have all its pages (an untranslated ordinance has
    only its ordinance page there, i18n.Language.has_pages)."""
    from lawsite.parse import builder
    from lawsite.parse import sources as read
    ordinance = builder.parse(read.read(Path(sources) / "ordinances" / f"{slug}.yml"))
    last = [element.eid for _, element in ordinance.articles[-1].elements()][-1]
    (Path(translations) / "en").mkdir(parents=True, exist_ok=True)
    (Path(translations) / "en" / f"{slug}.yml").write_text(
        f"status: unofficial\ntranslator: a test\ntext:\n  {last}: Translated.\n", encoding="utf-8")


def build_fixture_site(root: Path, tree: "SourcesTree") -> tuple[Path, str]:
    """Build a fixture sources/ tree into a site under `root`, as make site does, with
    the vocabulary (the home page links to the department index): (site, warnings)."""
    import contextlib
    import io
    import shutil
    shutil.copy(ROOT / "sources" / "departments.yml", tree.root)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        _, site = build_site_into(root, tree.root, root / "no-translations")
    return site, err.getvalue()


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    """The hostile fixture (tests/fixtures/hostile/) built into a site:
    (site dir, the parsed ordinance, the source lines, the build's warnings)."""
    from lawsite import pipeline as build
    root = tmp_path_factory.mktemp("hostile")
    tree = SourcesTree(root / "sources")
    tree.add((ROOT / "tests" / "fixtures" / "hostile" / "hostile.txt").read_text(encoding="utf-8"),
             dedent=False)
    site, warnings = build_fixture_site(root, tree)
    corpus = build.load(project(tree.root, root / "no-translations"))
    lines = (tree.root / "ordinances" / "test-ordinance.txt").read_text(encoding="utf-8").split("\n")
    return site, corpus.ordinances[0], lines, warnings


# -- a whole `make site` in a child process (tests/child.py) ---------------------------------

def workspace(root: Path) -> dict[str, Path]:
    """A small `make site` workspace under `root`: sources/ with one ordinance (SIMPLE)
    and the vocabulary, docs/ with the hand-written pages, no translations, and where
    site/ and dist/ go. The paths by name, as tests/child.py takes them."""
    import shutil
    tree = SourcesTree(root / "sources")
    tree.add(SIMPLE)
    shutil.copy(ROOT / "sources" / "departments.yml", tree.root)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=hand_written_only(ROOT / "docs"))
    return {"--sources": tree.root, "--docs": root / "docs", "--translations": root / "no-translations",
            "--site": root / "site", "--dist": root / "dist"}


def start_child(what: str, places: dict[str, Path], **environment):
    """Start python -m tests.child `what` with the workspace's paths, in its own
    process group; `environment`: LAWSITE_TEST_* settings (tests/child.py).
    Returns the process; finish_child waits for it."""
    import os
    import subprocess
    import sys
    import tempfile
    args = [str(a) for key, path in places.items() for a in (key, path)]
    env = {**os.environ, **{f"LAWSITE_TEST_{k.upper()}": str(v) for k, v in environment.items()}}
    out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
    process = subprocess.Popen([sys.executable, "-m", "tests.child", what, *args], cwd=ROOT,
                               env=env, stdout=out, stderr=err, start_new_session=True)
    process.outputs = out, err
    return process


def wait_then_kill_group(process, timeout: float) -> None:
    """Wait for a child started in a session of its own, then kill its process group
    (whatever it left running)."""
    import os
    import signal
    try:
        process.wait(timeout=timeout)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def finish_child(process) -> "subprocess.CompletedProcess":
    """Wait for a child, then kill whatever it left running (the offline bundle's
    worker of a killed publish): (returncode, stdout, stderr)."""
    import subprocess
    wait_then_kill_group(process, 600)
    out, err = process.outputs
    out.seek(0)
    err.seek(0)
    with out, err:
        return subprocess.CompletedProcess(process.args, process.returncode, out.read(), err.read())


def run_child(what: str, places: dict[str, Path], **environment) -> "subprocess.CompletedProcess":
    """python -m tests.child `what`, to its end (start_child, finish_child)."""
    return finish_child(start_child(what, places, **environment))


@pytest.fixture(scope="session")
def hostile_everywhere(tmp_path_factory) -> dict:
    """The corpus of tests/hostile_corpus.py (hostile markup in every curated field)
    built into a site and an offline bundle: {"docs", "site", "bundle", "offline", "warnings"}."""
    from . import hostile_corpus
    return hostile_corpus.build(tmp_path_factory.mktemp("hostile-everywhere"))


# -- the search indexes: Material's lunr index (the offline bundle) and Pagefind's (hosted) --

def lunr_index(bundle: Path) -> dict:
    """The lunr index of an offline bundle (its search/search_index.js), each location
    written as on the hosted site (yantai-digital-economy/article-28/#art_28)."""
    import json
    import re
    import zipfile
    with zipfile.ZipFile(bundle) as archive:
        text = archive.read("lawsite-offline/search/search_index.js").decode("utf-8")
    index = json.loads(text[text.index("{"):].rstrip().rstrip(";"))
    for doc in index["docs"]:
        doc["location"] = re.sub(r"\.html(?=#|$)", "/", doc["location"])
    return index


def pagefind_pages(site: Path) -> dict[str, dict]:
    """Pagefind's record of each page of a hosted site, by URL: its content (words
    joined by U+200B), meta (title), filters and anchors."""
    import gzip
    import json
    pages = {}
    for path in sorted((site / "pagefind").glob("*/fragment/*.pf_fragment")):     # each part's
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd"):])
        pages[record["url"]] = record
    return pages


# -- a corpus of two jurisdictions, published (the offline bundles of each) ------------------

def launch_in_two_jurisdictions(directory: Path) -> Path:
    """The launch ordinances with 烟台 moved to another province, 河北 (`hebei`): two
    jurisdictions whose texts are parallel (济南 第三十八条 and 烟台 第二十八条 on 数据交易).
    Returns the new sources/ directory."""
    sources = launch_sources(directory)
    meta = sources / "ordinances" / "yantai-digital-economy.yml"
    text = meta.read_text(encoding="utf-8")
    assert "  province: 山东省\n  province_en: Shandong\n" in text
    meta.write_text(text.replace("  province: 山东省\n  province_en: Shandong\n",
                                 "  province: 河北省\n  province_en: Hebei\n"), encoding="utf-8")
    return sources


@pytest.fixture(scope="session")
def two_published(tmp_path_factory) -> dict[str, Path]:
    """The corpus of launch_in_two_jurisdictions built and published as `make site` does (without
    the URL registry): {"docs", "site", "dist"}."""
    import shutil

    import build_corpus
    from lawsite.publish import publish
    root = tmp_path_factory.mktemp("two-jurisdictions")
    sources = launch_in_two_jurisdictions(root)
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    assert build_corpus.main(corpus_args(sources, docs)) == 0
    publish.publish(project(sources, root / "no-translations", docs=docs, site=root / "site", dist=root / "dist"),
                    check_urls=False, workers=2)
    return {"docs": docs, "site": root / "site", "dist": root / "dist"}
