"""Browser tests: Playwright driving Debian's Chromium against the built site,
served on 127.0.0.1. Playwright's own browser download cannot work on these
machines, so the executable is /usr/bin/chromium. With CI=true a missing
Chromium fails the tests instead of skipping them."""

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from ..conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: directories serve index.html, unknown
    paths get the site's 404.html with status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextlib.contextmanager
def served(directory: Path):
    """The site in `directory` on a local server, by its address, while the block runs."""
    server = serve(directory)
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(site_dir):
    with served(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def launch_base_url(launch_built):
    """The site of the launch ordinances alone, whatever else sources/ holds (the cases
    and labelled queries of the search tests name them)."""
    with served(launch_built[1]) as url:
        yield url


@pytest.fixture(scope="session")
def partial_base_url(partial_site):
    """The site of a translation under way (烟台 第二十八条 untranslated)."""
    with served(partial_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make test`, which installs it")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM),
            args=ARGS, headless=True, locale="zh-CN")
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    yield page
    page.close()


@pytest.fixture
def offline_page(browser_context):
    """A page that may not reach the network: every http(s) request is blocked and
    recorded (the offline bundles are opened from file://). Yields (page, attempts)."""
    attempts = []

    def block(route):
        attempts.append(route.request.url)
        route.abort()
    browser_context.route("http://*/**", block)
    browser_context.route("https://*/**", block)
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.on("request", lambda request: attempts.append(request.url)
            if request.url.startswith(("http:", "https:")) else None)
    yield page, attempts
    page.close()
    browser_context.unroute("http://*/**")
    browser_context.unroute("https://*/**")


def screenshot(page, name: str) -> Path:
    """Save a screenshot as a test artefact (test-artifacts/screenshots/)."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
