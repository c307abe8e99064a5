"""The hosted site's search index: Pagefind (extended build, which segments Chinese)
over the built site, written to site/pagefind/.

Pagefind reads the built HTML: only pages with a data-pagefind-body (the articles,
overrides/main.html) are indexed, each under the language of its <html lang>, so
the Chinese and the English trees get one index each and a search from a page
searches its own language. What the site marks data-search-exclude (navigation,
breadcrumbs, chips, pilcrows, the similarity lists, fallback Chinese on English
pages) is left out here, like anything marked data-pagefind-ignore. Pagefind's
own interface files are not kept: the site's search box is Material's, driven by
overrides/assets/lawsite-search.js.

Pagefind reads only the files that `GLOB` names, the article pages (`<slug>/article-N/`
and their English ones): the only pages that carry a data-pagefind-body. Over the whole
site it read every HTML file to find that there was nothing to index in most of them:
on the hub and one part of 北京 (48,223 files, 1.5 GB, of which 2,371 article pages),
125.9 s and 1,366 MB against 23.5 s and 157 MB with the glob, for the same index. The
comparison pages alone (38,657 files, 1.3 GB on the whole corpus) were most of it.

Pagefind 1.5.2 writes the filters and their values in an order that changes from run to run
(a hash map's), and with them the names of the filter and meta files: `normalize`
sorts them and names the files by their content, so that the same site gives a
byte-identical index.

The index is in parts (`site/pagefind/<part>/`, each a whole Pagefind index of its own,
listed by `site/pagefind/parts.json`), merged in the browser by Pagefind's `mergeIndex`
(overrides/assets/lawsite-search.js): on the published site one part per jurisdiction
(the hosted shards of its ordinances, lawsite/publish/shardplan.py), made by a Pagefind
process of its own over those shards' outputs alone (`index_shards`), kept in
`.site.pagefind/` beside site/ under their input hashes, so that an edit re-indexes the
jurisdiction it changed and reuses the others' files as they are; the memory of a run is
its part's. Why a jurisdiction and not a shard: a browser loads, for the first query,
each part's page list and the index chunks of the words asked in each part, about 43 KB a
part beyond the pages' own share (four shards of the whole corpus: 391 KB merged, 263 KB as
one index): the 45 shards of the whole corpus would cost some 2 MB, its five jurisdictions
some 660 KB, one index some 490 KB but one Pagefind process of about 3 GB over its 72,000
pages, and every edit would re-index them all. A site built
in one MkDocs run (`index`: the tests', the benchmark's single build) is one part, `site`.
The manifest names, for each language (Pagefind's code, `zh-cn`, `en`), the parts that
have pages in it: a part without English pages is not merged into an English search
(Pagefind would search its Chinese index instead).
"""

import concurrent.futures
import gzip
import hashlib
import importlib.metadata
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUTPUT = "pagefind"                          # site/pagefind/
MANIFEST = "parts.json"                      # site/pagefind/parts.json: the parts of each language
WHOLE = "site"                               # the one part of a site built in one run (`index`)
EXCLUDE = ["[data-search-exclude]"]
GLOB = "**/article-*/index.html"             # the pages with a data-pagefind-body (site/urls.py's articles)
UI_FILES = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def index(site_dir, glob: str = GLOB) -> dict:
    """Index the pages `glob` names of `site_dir` into site_dir/pagefind/, as one part
    (`WHOLE`): {pages, seconds, cpu_seconds, bytes, files, languages}."""
    site = Path(site_dir)
    output = site / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    figures = index_part(site, output / WHOLE, glob, WHOLE)
    write_manifest(output)
    return figures


def index_part(source: Path, output: Path, glob: str = GLOB, part: str | None = None) -> dict:
    """One part: Pagefind over the pages `glob` names of `source` into `output` (which it
    replaces), without Pagefind's interface files, normalized (the same pages give the same
    bytes; its pages named after the `part`, by default `output`'s name). Its figures: {pages, seconds, cpu_seconds, bytes, files, languages}."""
    output = Path(output)
    shutil.rmtree(output, ignore_errors=True)
    started = time.perf_counter()
    pages, usage = _index(Path(source), output, glob)
    for pattern in UI_FILES:
        for path in output.glob(pattern):
            path.unlink()
    normalize(output, part or output.name)
    files = [p for p in output.rglob("*") if p.is_file()]
    return {"pages": pages, "seconds": round(time.perf_counter() - started, 2),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "bytes": sum(p.stat().st_size for p in files), "files": len(files), "languages": languages(output)}


def _index(site: Path, output: Path, glob: str) -> tuple[int, "resource.struct_rusage"]:
    """Pagefind's command line over `site`, into `output`: the number of pages indexed and
    what the process used (os.wait4: its CPU time; not its peak memory, which counts the
    memory of the process that started it). (Not its Python API:
    that one ends the indexing process right after asking it to write, and on a busy
    machine a file was sometimes left cut short, at 32 KB.) The process ends when every
    file is written; a failure raises."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path",
                                    str(output), "--exclude-selectors", ",".join(EXCLUDE), "--glob", glob],
                                   stdout=out, stderr=err)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        process.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    found = re.search(r"Indexed (\d+) pages?", stdout)
    if code or found is None:
        raise RuntimeError(f"pagefind failed on {site} (exit status {code}): "
                           + (stderr or stdout).strip()[-2000:])
    return int(found[1]), usage


def languages(part: Path) -> list[str]:
    """The languages a part has pages in (Pagefind's codes: `zh-cn`, `en`), sorted."""
    entry = json.loads((Path(part) / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sorted(code for code, language in entry["languages"].items() if language.get("page_count"))


def write_manifest(output: Path) -> dict:
    """site/pagefind/parts.json from the parts in `output`: {"languages": {code: [part, …]},
    "filters": {code: {filter: [value, …]}}}: each language's parts, the part with the
    most pages of that language first (Pagefind's primary index, whose script and
    WebAssembly the browser loads; the others are merged into it), then by name; and the
    values of each filter over all the parts, sorted, so that the search box lists them
    without loading every part's filter files (Pagefind loads a filter's files when a
    search uses it)."""
    found: dict[str, list[tuple[int, str]]] = {}
    values: dict[str, dict[str, set[str]]] = {}
    for part in sorted(p for p in Path(output).iterdir() if (p / "pagefind-entry.json").is_file()):
        entry = json.loads((part / "pagefind-entry.json").read_text(encoding="utf-8"))
        for code, language in entry["languages"].items():
            if not language.get("page_count"):
                continue
            found.setdefault(code, []).append((-language["page_count"], part.name))
            for name, hash_ in _read(part / f"pagefind.{language['hash']}.pf_meta")[3]:
                _, held = _read(part / "filter" / f"{hash_}.pf_filter")
                values.setdefault(code, {}).setdefault(name, set()).update(value for value, _ in held)
    manifest = {"languages": {code: [name for _, name in sorted(parts)] for code, parts in sorted(found.items())},
                "filters": {code: {name: sorted(held) for name, held in sorted(filters.items())}
                            for code, filters in sorted(values.items())}}
    (Path(output) / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
                                         encoding="utf-8")
    return manifest


# -- the published site: a part per jurisdiction, kept with its shards' stamps -------------

def cache_of(site: Path) -> Path:
    """Where each part's index is kept between publishes, with its key: .site.pagefind/."""
    site = Path(site).absolute()
    return site.parent / f".{site.name}.pagefind"


def code_key() -> str:
    """What every part depends on besides its pages: this code and Pagefind's version."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(importlib.metadata.version("pagefind").encode())
    return digest.hexdigest()


def parts_of(shards, outputs: Path) -> dict[str, tuple[tuple[Path, ...], str | None]]:
    """The parts of a site built in `shards` (lawsite/publish/shardplan.py's plan) whose
    outputs and stamps are in `outputs` (the shards' cache): for each jurisdiction, the
    outputs of its shards of ordinances and their input hashes together (None if one has
    no stamp), for `index_shards`."""
    grouped: dict[str, list] = {}
    for shard in shards:
        if shard.slugs:
            grouped.setdefault(shard.jurisdiction or shard.name, []).append(shard.name)
    parts: dict[str, tuple[tuple[Path, ...], str | None]] = {}
    for part, names in grouped.items():
        stamps = [Path(outputs) / f"{name}.sha256" for name in names]
        together = ":".join(f"{name}={stamp.read_text()}" for name, stamp in zip(names, stamps)
                            if stamp.is_file()) if all(stamp.is_file() for stamp in stamps) else None
        parts[part] = (tuple(Path(outputs) / name for name in names), together)
    return parts


def index_shards(site: Path, parts: dict, cache: Path, workers: int | None = None) -> dict:
    """The index of an assembled site in parts: for each `parts` name, (the output of its
    shard — or the outputs of its shards —, which hold their pages alone; their input hash,
    or None), Pagefind over those outputs into `cache`/<name>, unless the part kept there was
    made for the same input hash (and this code and Pagefind's version); then each part
    linked into site/pagefind/<name>/ and the manifest written. Parts no longer planned are
    removed from the cache; a part without an article page is no part. Returns {parts,
    indexed, reused, pages, seconds, cpu_seconds, per_part: each part indexed, its figures}."""
    started = time.perf_counter()
    cache = Path(cache)
    cache.mkdir(parents=True, exist_ok=True)
    parts = {name: ((sources,) if isinstance(sources, (str, Path)) else tuple(sources), stamp)
             for name, (sources, stamp) in parts.items()}
    parts = {name: part for name, part in parts.items() if any(_has_pages(Path(s)) for s in part[0])}
    for entry in sorted(cache.iterdir()):
        if entry.name.removesuffix(".sha256").removesuffix(".new").removesuffix(".pages") not in parts:
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    code = code_key()
    keys = {name: hashlib.sha256(f"{code}:{stamp}".encode()).hexdigest() if stamp else None
            for name, (_, stamp) in parts.items()}
    todo = []
    for name in sorted(parts):
        stamp = cache / f"{name}.sha256"
        if keys[name] and stamp.is_file() and stamp.read_text() == keys[name] and (cache / name).is_dir():
            continue
        stamp.unlink(missing_ok=True)
        todo.append(name)

    def one(name: str) -> dict:
        sources = [Path(source) for source in parts[name][0]]
        if len(sources) == 1:
            made = index_part(sources[0], cache / f"{name}.new", GLOB, name)
        else:                                   # the pages of several shards, as one tree
            pages = _gather(sources, cache / f"{name}.pages")
            try:
                made = index_part(pages, cache / f"{name}.new", GLOB, name)
            finally:
                shutil.rmtree(pages, ignore_errors=True)
        shutil.rmtree(cache / name, ignore_errors=True)
        os.replace(cache / f"{name}.new", cache / name)
        key = keys[name]
        if key:
            (cache / f"{name}.sha256").write_text(key)
        return {"part": name, **made}
    with concurrent.futures.ThreadPoolExecutor(max(1, min(len(todo), workers or os.cpu_count() or 1))) as pool:
        made = list(pool.map(one, todo))
    output = Path(site) / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    for name in sorted(parts):
        shutil.copytree(cache / name, output / name, copy_function=_link_or_copy)
    write_manifest(output)
    return {"parts": len(parts), "indexed": len(made), "reused": len(parts) - len(made),
            "pages": sum(m["pages"] for m in made), "seconds": round(time.perf_counter() - started, 2),
            "cpu_seconds": round(sum(m["cpu_seconds"] for m in made), 2), "per_part": made}


def _gather(sources: list[Path], target: Path) -> Path:
    """One tree in `target` of the pages `GLOB` names in each of `sources` (hard links:
    each at its path in its shard's output, which is its path in the site)."""
    shutil.rmtree(target, ignore_errors=True)
    for source in sources:
        for path in sorted(source.glob(GLOB)):
            linked = target / path.relative_to(source)
            linked.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(str(path), str(linked))
    target.mkdir(parents=True, exist_ok=True)
    return target


def _has_pages(source: Path) -> bool:
    """Does `source` hold a page that `GLOB` names (a shard of 决定 alone may have none)?"""
    return next(source.glob(GLOB), None) is not None


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)                 # a kept part is never written again
    except OSError:
        shutil.copy2(source, target)


# -- a byte-identical index -------------------------------------------------------------------

HEADER = b"pagefind_dcd"          # before the CBOR of each of Pagefind's binary files (gzipped)


def normalize(output: Path, part: str | None = None) -> None:
    """Sort the filters and the values of each, and name the filter and meta files by
    their content (the meta file lists the filters' names, the entry file the meta file's).
    With the `part`'s name, each page is named `<language>_<part>.<its number>` (its
    fragment file, and its entry in the meta file) instead of by a hash of its content:
    the meta file lists every page of the part, and a browser loads every part's before
    the first result; short names that differ by their last characters compress to half
    the bytes (on 9,660 pages, 35 KB instead of 66 KB), and the part keeps them unique
    across the merged parts."""
    entry_path = output / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    renamed = {}
    for path in sorted((output / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        data = [name, sorted(values, key=lambda value: value[0])]
        renamed[path.stem] = _write(output / "filter", path.stem.partition("_")[0], ".pf_filter", data)
        path.unlink()
    for code, language in entry["languages"].items():
        path = output / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(path)
        meta[3] = sorted([name, renamed.get(hash_, hash_)] for name, hash_ in meta[3])   # the filters
        for number, page in enumerate(meta[1] if part is not None else []):                 # the pages
            name = f"{code}_{part}.{_base36(number)}"
            os.replace(output / "fragment" / f"{page[0]}.pf_fragment", output / "fragment" / f"{name}.pf_fragment")
            page[0] = name
        path.unlink()
        language["hash"] = _write(output, f"pagefind.{code}", ".pf_meta", meta).removeprefix("pagefind.")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _base36(number: int) -> str:
    """
    >>> [_base36(n) for n in (0, 35, 36, 1295)]
    ['0', 'z', '10', 'zz']
    """
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if not number:
            return digits


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(HEADER):
        raise ValueError(f"{path}: not a Pagefind file of the version this code knows (1.5.2)")
    value, end = _decode(data, len(HEADER))
    if end != len(data):
        raise ValueError(f"{path}: {len(data) - end} bytes after its data")
    return value


def _write(directory: Path, prefix: str, suffix: str, value) -> str:
    """Write `value` as `<prefix>_<its hash><suffix>`; returns the name without the suffix."""
    data = HEADER + _encode(value)
    name = f"{prefix}_{hashlib.sha256(data).hexdigest()[:12]}"
    (directory / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def _decode(data: bytes, at: int):
    """One CBOR item at `at` (the kinds Pagefind writes: integers, text, bytes, arrays):
    (value, where it ends)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        argument, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise ValueError(f"CBOR item of kind {major}/{info} at {at - 1}: not one Pagefind writes")
    if major == 0:
        return argument, at
    if major in (2, 3):
        raw = data[at:at + argument]
        return (raw.decode("utf-8") if major == 3 else bytes(raw)), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR item of kind {major} at {at - 1}: not one Pagefind writes")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError(f"{argument} is too large for CBOR")


def _encode(value) -> bytes:
    """CBOR, as Pagefind writes it (the shortest head for each item).

    >>> data = _encode(["jurisdiction", [["烟台市", [0, 1, 300]]], b"x"])
    >>> _decode(data, 0) == (["jurisdiction", [["烟台市", [0, 1, 300]]], b"x"], len(data))
    True
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r}: not a kind Pagefind writes")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)
