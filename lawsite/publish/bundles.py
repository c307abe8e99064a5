"""The offline bundles: one per jurisdiction, planned from the hosted site's shards
(lawsite/publish/shards.py), and the complete one while the corpus has a single
jurisdiction.

Each bundle is its own MkDocs build of mkdocs.offline.yml (lunr search, .html links,
the iframe-worker shim, no network) and its own zip:

- `lawsite-offline-<shard>.zip` for each jurisdiction (`lawsite-offline-shandong.zip`):
  its name is its jurisdiction's shard name, so that adding a jurisdiction never
  renames another's bundle. It holds its own ordinances' pages in every language,
  their downloads and citation tables, and the pages a reader of it needs: the homes,
  about, the data page, the download page, the theme's assets. It leaves out the other
  jurisdictions' ordinances and the corpus-wide hub pages — the departments and their
  matrix, the comparison pages (each spans the corpus) — and the whole corpus'
  data/corpus.json (the dataset is the hosted site's).
- `lawsite-offline.zip`, the complete site, while the corpus has one jurisdiction
  (the launch corpus: 济南 and 烟台 are both 山东): the bundle the README, the tests
  and the download page have always named. That jurisdiction is then the whole
  corpus, so its bundle is the same build (departments and comparisons included),
  packed a second time under its own name: one MkDocs build, not two. With more than
  one jurisdiction the complete bundle would be the whole corpus in one build (about
  25 minutes and over 2 GB for the 1,713 regulations of corpora/), so it is not made
  (and not listed): the jurisdictions' bundles are.

A link from a bundled page to a page the bundle leaves out (another jurisdiction's
article in a list of parallels, a department page, the home page's list of every
ordinance) becomes the hosted site's address of that page, site_url + its URL,
marked as leaving the bundle (`rel="external"`, `data-online`, a ↗): it opens
online, and is never a broken relative link (lawsite/mkdocs/bundle_links.py, in the
build). A citation of another jurisdiction's ordinance typed into the search box
resolves to nothing offline (its citation table is not in the bundle); search finds
only the bundle's own pages, the only ones its lunr index holds.

The builds are tasks of the same engine as the shards (shards.run, through
shards.build_sharded: at most `workers` MkDocs builds at once, a fresh process each);
a bundle whose input has not changed is not built again (its last build is kept in
`.<dist>.bundles/`). `pack` zips a build: entries sorted and dated at the last
commit, so the same docs/ give byte-identical zips.
"""

import datetime
import hashlib
import html
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lawsite.core import siteconfig
from lawsite.publish import shards
from lawsite.site import downloads, export, urls

PREFIX = downloads.BUNDLE                       # lawsite-offline
LEFT_OUT = (urls.DEPARTMENTS, urls.COMPARE)     # corpus-wide pages a jurisdiction's bundle leaves out
SERVED_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt")   # meaningful on a server only
# each tree's lunr index as JSON: the bundle reads the same index as a script, search_index.js,
# from file:// and (patched, lawsite/mkdocs/searchindex.py) over http too
INDEX_JSON = tuple(f"{prefix}search/search_index.json" for prefix in ("", *(f"{code}/" for code in shards.LANGUAGES)))
LEFT_AS_BUILT = SERVED_ONLY + INDEX_JSON        # the files of a build that its zip leaves out
LEVEL = 6           # the zips' compression: half the time of level 9 for 0.5 % more bytes (launch: 0.41
                    # against 0.88 CPU s, 4,267,386 against 4,246,547 bytes)
SHIM = Path("node_modules", "iframe-worker", "shim", "index.js")     # copied into each bundle by the hook


@dataclass(frozen=True)
class Bundle:
    name: str                   # the zip's name without .zip, and its folder: lawsite-offline-shandong
    shard: str                  # its jurisdiction's shard ("" for the complete bundle)
    title: str                  # the jurisdiction as the texts name it ("" for the complete bundle)
    slugs: tuple[str, ...]      # its ordinances
    build: str = ""             # the build it packs, when another's: the complete one (PREFIX)

    @property
    def complete(self) -> bool:
        return not self.shard

    @property
    def whole(self) -> bool:
        """Does it hold the whole site (the complete bundle, or the one jurisdiction's)?"""
        return self.complete or self.build == PREFIX

    @property
    def built_as(self) -> str:
        return self.build or self.name

    @property
    def file(self) -> str:
        return f"{self.name}.zip"


def of_shards(plan: list[shards.Shard]) -> list[Bundle]:
    """The bundles of a plan of shards: the complete one (while there is a single
    jurisdiction), then one per jurisdiction, in the order of the shards. The only
    jurisdiction of a corpus is the whole corpus: its bundle is the complete build,
    packed under its own name.

    >>> plan = [shards.Shard("hub", "", ()), shards.Shard("beijing", "北京市", ("b",)),
    ...         shards.Shard("shandong", "山东省", ("j", "y"))]
    >>> [(b.file, b.slugs, b.built_as) for b in of_shards(plan)]  # doctest: +NORMALIZE_WHITESPACE
    [('lawsite-offline-beijing.zip', ('b',), 'lawsite-offline-beijing'),
     ('lawsite-offline-shandong.zip', ('j', 'y'), 'lawsite-offline-shandong')]
    >>> [(b.file, b.slugs, b.built_as) for b in of_shards(plan[::2])]
    [('lawsite-offline.zip', ('j', 'y'), 'lawsite-offline'), ('lawsite-offline-shandong.zip', ('j', 'y'), 'lawsite-offline')]
    """
    jurisdictions = [shard for shard in plan if not shard.hub]
    single = PREFIX if len(jurisdictions) <= 1 else ""
    found = [Bundle(f"{PREFIX}-{shard.name}", shard.name, shard.title, shard.slugs, single)
             for shard in jurisdictions]
    if single:
        every = tuple(sorted(slug for shard in jurisdictions for slug in shard.slugs))
        found.insert(0, Bundle(PREFIX, "", "", every))
    return found


def plan(docs: Path) -> list[Bundle]:
    """The bundles of the generated docs/ (the shards' plan, docs/data/corpus.json)."""
    return of_shards(shards.plan(docs, most=None))          # a jurisdiction is one bundle, uncut


def listing(ordinances) -> list[dict]:
    """What the download page says of each bundle, from (slug, jurisdiction) pairs (the
    metadata's `jurisdiction`), when the pages are made and the zips are not:
    {"file", "jurisdiction": the jurisdiction's metadata, None for the complete bundle}.

    >>> [b["file"] for b in listing([("y", {"province": "山东省", "province_en": "Shandong"})])]
    ['lawsite-offline.zip', 'lawsite-offline-shandong.zip']
    """
    ordinances = list(ordinances)
    jurisdiction = dict(ordinances)
    return [{"file": bundle.file, "jurisdiction": None if bundle.complete else jurisdiction[bundle.slugs[0]]}
            for bundle in of_shards(shards.group(ordinances, most=None))]


def exclusions(bundle: Bundle, every: list[str]) -> list[str]:
    """The files of docs/ that `bundle` does not hold (patterns of `exclude_docs`), of
    the corpus whose ordinances are `every`.

    >>> exclusions(Bundle("lawsite-offline-beijing", "beijing", "北京市", ("b",)), ["b", "j"])[:4]
    ['/j/', '/en/j/', '/downloads/j.pdf', '/downloads/j.docx']
    >>> exclusions(Bundle("lawsite-offline", "", "", ("b", "j")), ["b", "j"])
    []
    """
    if bundle.whole:
        return []
    prefixes = ("", *(f"{code}/" for code in shards.LANGUAGES))
    others = sorted(set(every) - set(bundle.slugs))
    found = []
    for slug in others:
        name = shards._literal(slug)
        found += [f"/{prefix}{name}/" for prefix in prefixes]
        found += [f"/{shards._literal(downloads.path(slug, fmt))}" for fmt in downloads.FORMATS]
        found.append(f"/{urls.DATA}/citations/{name}.js")
    found += [f"/{prefix}{section}/" for section in LEFT_OUT for prefix in prefixes]
    found.append(f"/{urls.DATA}/corpus.json")
    return found


def tasks(bundles: list[Bundle], plan: list[shards.Shard], config_file: Path, docs: Path,
          cache: Path) -> list[shards.Task]:
    """Each build of the bundles (one for those that pack the same, bundle.built_as) as a
    task of the shards' engine, into `cache`/<name>."""
    every = sorted(slug for shard in plan for slug in shard.slugs)
    shim = Path(config_file).parent / SHIM
    shim_hash = hashlib.sha256(shim.read_bytes()).hexdigest() if shim.exists() else ""
    found = []
    for bundle in bundles:
        if bundle.build:
            continue                                    # it packs another bundle's build
        spec = {"name": bundle.name, "hub": False, "own": list(bundle.slugs), "ordinances": every,
                "bundle": True, "shim": shim_hash}          # the shim is part of its input
        found.append(shards.Task(bundle.name, str(Path(config_file).absolute()), str(Path(docs).absolute()),
                                 str(Path(cache).absolute() / bundle.name), tuple(exclusions(bundle, every)),
                                 spec))
    return found


def cache_of(dist: Path) -> Path:
    """Where each bundle's last build and the hash of its input are kept: .dist.bundles/."""
    dist = Path(dist).absolute()
    return dist.parent / f".{dist.name}.bundles"


def clean(cache: Path, bundles: list[Bundle]) -> None:
    """The cache without the builds of bundles no longer planned (a jurisdiction gone)."""
    cache.mkdir(parents=True, exist_ok=True)
    names = {bundle.built_as for bundle in bundles}
    for entry in sorted(cache.iterdir()):
        if entry.name.removesuffix(".sha256") in names:
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def pack(bundle: Bundle, built: Path, zip_path: Path, docs: Path, root: Path) -> Path:
    """The zip of a bundle's build (`built`, left as it is): every file but those only a
    server uses, and a README.txt, under the folder `bundle.name`."""
    held = list(export.records(Path(docs) / urls.DATA / "corpus.json", set(bundle.slugs)))
    write_zip(built, zip_path, bundle.name, root, skip=LEFT_AS_BUILT,
              extra={"README.txt": readme(bundle, held, root)})
    return zip_path


def version(root: Path) -> str:
    """The checkout's version (git describe)."""
    try:
        result = subprocess.run(["git", "describe", "--tags", "--always", "--dirty"], cwd=root,
                                capture_output=True, text=True, check=True)
        return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def readme(bundle: Bundle, held: list[dict], root: Path) -> str:
    """How to open the bundle, and what it holds (`held`: the records of its ordinances
    in docs/data/corpus.json, export.records, in the dataset's order)."""
    ordinances = [o["title"] for o in held]
    ordinances_en = [o["metadata"].get("title_en", o["title"]) for o in held]
    articles = sum(len(o["articles"]) for o in held)
    date = siteconfig.built_on(root).strftime("%Y-%m-%d")
    if bundle.whole:
        scope = bundle.title or "全部", (held[0]["metadata"]["jurisdiction"]["province_en"]
                                        if bundle.title and held else "all")
        also = ("另有部门索引、条款对照，以及结构化数据 data/corpus.json。",
                "Also: the department index, the\n  comparisons of provisions, and the structured data in data/corpus.json.")
    else:
        place_en = held[0]["metadata"]["jurisdiction"]["province_en"] if held else bundle.shard
        scope = bundle.title, place_en
        also = ("其他地区的法规、部门索引、条款对照和结构化数据在网站上：指向它们的链接标有 ↗，需联网打开。",
                "Other jurisdictions' ordinances, the\n  department index, the comparisons and the "
                "structured data are on the website: links\n  to them are marked ↗ and need the network.")
    return f"""地方性法规 · 离线版 / Chinese Local Regulations · offline copy
=================================================================

如何打开
  1. 将本压缩包解压到任意文件夹（或U盘）。
  2. 双击文件夹中的 index.html，用浏览器打开。无需联网，检索也可以使用。

内容（{scope[0]}）
  {len(ordinances)} 部法规，共 {articles} 条：{"、".join(f"《{t}》" for t in ordinances)}。
  每一条、每一款、每一项都可以单独打开和引用。中文为正式文本；英文页面（en 文件夹）为
  非官方译文，未译部分显示中文。
  {also[0]}

How to open
  1. Unzip this archive anywhere (a folder, a USB stick).
  2. Double-click index.html in that folder. No network is needed; search works too.

Contents ({scope[1]})
  {len(ordinances)} ordinances, {articles} articles: {"; ".join(ordinances_en)}.
  Every article, paragraph and item can be opened and cited on its own. The Chinese text is the
  official one; the English pages (en/) carry unofficial translations, and show the
  Chinese where a passage is not translated yet. {also[1]}

版本 / Version: {version(root)}
构建日期 / Built on: {date} (the date of the last commit of the sources)
网站 / Website: the same pages, with permanent URLs, are published online; the URL of
each article is in its citation box.
"""


def write_zip(directory: Path | None, zip_path: Path, prefix: str, root: Path, skip: tuple[str, ...] = (),
              extra: dict[str, str] | None = None) -> None:
    """A reproducible zip of `directory` under the folder `prefix` (without the files
    `skip` names, with the `extra` ones): sorted entries, each dated at the build date,
    plain modes."""
    stamp = max(siteconfig.built_on(root), datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC))
    date_time = stamp.timetuple()[:6]
    entries: dict[str, Path | bytes] = {path.relative_to(directory).as_posix(): path
                                        for path in Path(directory).rglob("*") if path.is_file()} \
        if directory is not None else {}
    for name in skip:
        entries.pop(name, None)
    entries.update({name: text.encode("utf-8") for name, text in (extra or {}).items()})
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(f"{prefix}/{name}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = entries[name]
            archive.writestr(info, data if isinstance(data, bytes) else data.read_bytes(), compresslevel=LEVEL)


def packed(plan: list[Bundle]) -> list[Bundle]:
    """The bundles of `plan` that are packed from their build: all but the one
    jurisdiction's when the complete bundle is the same build (its zip is then the
    complete one's, `link_copies`: one file, not the same 74 MB twice on 北京)."""
    names = {bundle.name for bundle in plan}
    return [bundle for bundle in plan if not (bundle.build and bundle.build in names)]


def link_copies(plan: list[Bundle], dist: Path) -> list[Path]:
    """The zips of the bundles `packed` leaves out, as hard links to the zip of the
    build they pack (a copy where links cannot be made)."""
    made = []
    for bundle in plan:
        if bundle in packed(plan):
            continue
        copy = Path(dist) / bundle.file
        copy.unlink(missing_ok=True)
        _link_or_copy(Path(dist) / f"{bundle.build}.zip", copy)
        made.append(copy)
    return made


INDEX = f"{PREFIX}.zip"         # the complete bundle's name, a published URL: kept when it is not made


def write_index(plan: list[Bundle], zip_path: Path, site_url: str, root: Path) -> Path | None:
    """With more than one jurisdiction the complete bundle is not made, and its address
    (/downloads/lawsite-offline.zip, a published URL) holds this small zip instead: a
    README.txt and an index.html that list each jurisdiction's bundle at its hosted
    address. None (nothing written) while `plan` has the complete bundle."""
    if any(bundle.complete for bundle in plan):
        return None
    listed = [(bundle.title, bundle.file, f"{site_url}{urls.DOWNLOADS}/{bundle.file}") for bundle in plan]
    lines = "\n".join(f"  {title} · {file}\n    {url}" for title, file, url in listed)
    text = f"""地方性法规 · 离线版 / Chinese Local Regulations · offline copies
=================================================================

全部法规已分地区打包：请下载所需地区的离线版，解压后双击其中的 index.html。
The ordinances are packed one jurisdiction to a bundle: download the bundle you need,
unzip it and double-click its index.html.

{lines}

版本 / Version: {version(root)}
"""
    items = "\n".join(f'<li><a href="{html.escape(url)}">{html.escape(title)} · {html.escape(file)}</a></li>'
                      for title, file, url in listed)
    page = f"""<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>地方性法规 · 离线版 / Chinese Local Regulations · offline copies</title></head>
<body>
<h1>地方性法规 · 离线版</h1>
<p>全部法规已分地区打包：请下载所需地区的离线版。</p>
<p lang="en">The ordinances are packed one jurisdiction to a bundle: download the one you need.</p>
<ul>
{items}
</ul>
</body>
</html>
"""
    write_zip(None, zip_path, PREFIX, root, extra={"README.txt": text, "index.html": page})
    return zip_path


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def place(zip_path: Path, site: Path) -> Path:
    """The bundle in the hosted site, beside the download page that links it (a hard link:
    dist/ and site/ are one version of the store)."""
    placed = Path(site) / urls.DOWNLOADS / zip_path.name
    placed.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(zip_path, placed)
    except OSError:
        shutil.copyfile(zip_path, placed)
    return placed


def size_slot(file: str) -> str:
    """Where the download page shows a bundle's size (templates/downloads.html), empty
    until the publish fills it (`fill_sizes`)."""
    return f'<span class="ls-size" data-bundle-size="{file}"></span>'


def fill_sizes(site: Path, sizes: dict[str, int]) -> list[Path]:
    """Each language's download page of the hosted site with the size of each bundle
    (by its file name), which the pages cannot know: the bundles hold them. Every
    bundle must be listed on the official language's page. Returns the pages changed."""
    pages = [Path(site) / urls.DOWNLOADS / "index.html"]
    pages += [Path(site) / code / urls.DOWNLOADS / "index.html" for code in shards.LANGUAGES]
    changed = []
    for index, page in enumerate(pages):
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        for file, size in sorted(sizes.items()):
            slot = size_slot(file)
            if slot not in text:
                if index == 0:
                    raise shards.AssemblyError(f"{page}: the bundle {file} is not listed on the download page")
                continue
            text = text.replace(slot, slot.replace("></span>", f">{downloads.size(size)}</span>"))
        page.unlink()                  # a hard link into the shards' cache: a file of its own
        page.write_text(text, encoding="utf-8")
        changed.append(page)
    return changed


def build_all(config_file: Path, docs: Path, dist: Path, workers: int | None = None,
              scheduler=None) -> list[dict]:
    """Every bundle of docs/ into `dist`, outside a publish (the benchmark's stage): the
    same tasks on the same engine (shards.run), then each packed here. Returns each
    build's figures (shards.build_shard), with the bundles it made."""
    bundles = plan(docs)
    cache = cache_of(dist)
    clean(cache, bundles)
    jobs = tasks(bundles, shards.plan(docs, most=None), config_file, docs, cache)
    figures = shards.run(jobs, cache, workers, scheduler)
    built = {task.shard: Path(task.site_dir) for task in jobs}
    root = Path(config_file).parent
    for bundle in packed(bundles):
        pack(bundle, built[bundle.built_as], Path(dist) / bundle.file, docs, root)
    link_copies(bundles, dist)
    write_index(bundles, Path(dist) / INDEX, siteconfig.site_url(config_file), root)
    for task, result in zip(jobs, figures, strict=True):
        result["bundles"] = [bundle.file for bundle in bundles if bundle.built_as == task.shard]
    return figures
