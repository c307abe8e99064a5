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
"""

import asyncio
import shutil
import threading
import time
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

OUTPUT = "pagefind"                          # site/pagefind/
EXCLUDE = ["[data-search-exclude]"]
UI_FILES = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def index(site_dir) -> dict:
    """Index `site_dir` into site_dir/pagefind/: {pages, seconds, bytes, files}."""
    site = Path(site_dir)
    output = site / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    started = time.perf_counter()
    pages = _run(_index(site, output))
    for pattern in UI_FILES:
        for path in output.glob(pattern):
            path.unlink()
    files = [p for p in output.rglob("*") if p.is_file()]
    return {"pages": pages, "seconds": round(time.perf_counter() - started, 2),
            "bytes": sum(p.stat().st_size for p in files), "files": len(files)}


def _run(coroutine):
    """Run `coroutine` to its end in a thread of its own, so that a caller that has an
    event loop running (a browser test's, say) can index too."""
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as error:         # re-raised in the caller's thread
            outcome["error"] = error
    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


async def _index(site: Path, output: Path) -> int:
    config = IndexConfig(exclude_selectors=EXCLUDE, output_path=str(output))
    async with PagefindIndex(config=config) as search_index:      # written when it closes
        added = await search_index.add_directory(str(site))
    return int(added["page_count"])
