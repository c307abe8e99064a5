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
"""

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

OUTPUT = "pagefind"                          # site/pagefind/
EXCLUDE = ["[data-search-exclude]"]
GLOB = "**/article-*/index.html"             # the pages with a data-pagefind-body (site/urls.py's articles)
UI_FILES = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def index(site_dir, glob: str = GLOB) -> dict:
    """Index the pages `glob` names of `site_dir` into site_dir/pagefind/: {pages,
    seconds, bytes, files}."""
    site = Path(site_dir)
    output = site / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    started = time.perf_counter()
    pages = _index(site, output, glob)
    for pattern in UI_FILES:
        for path in output.glob(pattern):
            path.unlink()
    normalize(output)
    files = [p for p in output.rglob("*") if p.is_file()]
    return {"pages": pages, "seconds": round(time.perf_counter() - started, 2),
            "bytes": sum(p.stat().st_size for p in files), "files": len(files)}


def _index(site: Path, output: Path, glob: str) -> int:
    """Pagefind's command line over `site`, into `output`; the number of pages indexed.
    (Not its Python API: that one ends the indexing process right after asking it to
    write, and on a busy machine a file was sometimes left cut short, at 32 KB.) The
    process ends when every file is written; a failure raises."""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output),
                           "--exclude-selectors", ",".join(EXCLUDE), "--glob", glob],
                          capture_output=True, text=True, encoding="utf-8", errors="replace")
    found = re.search(r"Indexed (\d+) pages?", done.stdout)
    if done.returncode or found is None:
        raise RuntimeError(f"pagefind failed on {site} (exit status {done.returncode}): "
                           + (done.stderr or done.stdout).strip()[-2000:])
    return int(found[1])


# -- a byte-identical index -------------------------------------------------------------------

HEADER = b"pagefind_dcd"          # before the CBOR of each of Pagefind's binary files (gzipped)


def normalize(output: Path) -> None:
    """Sort the filters and the values of each, and name the filter and meta files by
    their content (the meta file lists the filters' names, the entry file the meta file's)."""
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
        path.unlink()
        language["hash"] = _write(output, f"pagefind.{code}", ".pf_meta", meta).removeprefix("pagefind.")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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
