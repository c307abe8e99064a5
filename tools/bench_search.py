"""Search figures of a built site, measured in Chromium on a local server:

    measure(site_dir, queries) -> {"search_first_result_ms", "search_bytes_first_query",
                                   "search_bytes_per_query", "queries", "engine", "index_parts"}

Each query is typed into the site's search box; the time runs from the last
keystroke to the results shown (median over the queries; a query that finds
nothing counts when the box says so). Bytes are what the
browser transferred for search (the engine's scripts and index, Pagefind's chunks
and fragments, or Material's worker and search_index.json): the first query's
include the index it needed (on a site whose index is in parts, each part's metadata
and the chunks it needs: `index_parts`, the most parts of one language), the later ones
what each added (mean).

    python -m tools.bench_search SITE [QUERY …]
"""

import functools
import http.server
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

QUERIES = ["数据交易", "算力", "工业互联网", "公共数据", "数据要素", "智慧养老", "集成电路", "首席信息官",
           "第28条", "人工智能", "网络安全", "电子商务", "数字政府", "人才", "资金", "统计",
           "区块链", "云计算", "知识产权", "法律责任"]
# the search box is empty and ready (Material's placeholder, in Chinese or English)
PLACEHOLDER = ("(t => t.includes('键入') || t.includes('Type to start'))"
               "(document.querySelector('.md-search-result__meta').textContent)")
SEARCH_PATHS = ("/pagefind/", "/search/", "/assets/javascripts/workers/search", "/assets/lawsite-search.js")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site_dir, queries=QUERIES, start: str = "") -> dict:
    """(`start`: the page the box is used on, by its path; the home page by default.)"""
    from playwright.sync_api import sync_playwright

    site = Path(site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    received: list[int] = []

    def on_response(response):
        if any(part in response.url for part in SEARCH_PATHS):
            try:
                received.append(len(response.body()))
            except Exception:              # a response without a body (a redirect, say)
                pass
    times, per_query = [], []
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path="/usr/bin/chromium", args=args, headless=True)
            page = context.new_page()
            page.on("response", on_response)
            page.goto(base + start)
            box = page.locator(".md-search__input")
            box.click()
            page.wait_for_function(PLACEHOLDER, timeout=120_000)
            for query in queries:
                box.fill("")
                box.press("End")
                page.wait_for_function(PLACEHOLDER)
                before = sum(received)
                box.fill(query)
                started = time.perf_counter()
                box.press("End")
                page.wait_for_function(f"!({PLACEHOLDER})", timeout=120_000)   # results (or none) shown
                times.append(1000 * (time.perf_counter() - started))
                page.wait_for_load_state("networkidle")
                per_query.append(sum(received) - before)
            context.close()
    finally:
        server.shutdown()
    first = per_query[0] + sum(received) - sum(per_query)      # and what loaded before the first
    manifest = site / "pagefind" / "parts.json"                # the index's parts, merged in the browser
    parts = json.loads(manifest.read_text(encoding="utf-8"))["languages"] if manifest.is_file() else {}
    return {"engine": "pagefind" if (site / "pagefind").is_dir() else "lunr", "queries": len(queries),
            "index_parts": max((len(names) for names in parts.values()), default=1),
            "search_first_result_ms": round(statistics.median(times)),
            "search_bytes_first_query": first,
            "search_bytes_per_query": round(statistics.mean(per_query[1:])) if len(per_query) > 1 else 0}


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2:] or QUERIES), indent=1))
