"""Hostile text in a real browser: shown literally, never run."""

from .conftest import screenshot, serve


def test_hostile_pages_run_nothing(browser_context, hostile):
    site, *_ = hostile
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_port}/"
    dialogs = []
    page = browser_context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for url in ["test-ordinance/article-1/", "test-ordinance/article-2/", "test-ordinance/article-3/",
                    "test-ordinance/full-text/", "test-ordinance/chapter-2/", "test-ordinance/"]:
            page.goto(base + url)
            page.wait_for_load_state("load")
        page.goto(base + "test-ordinance/article-3/")
        page.locator("#art_3__para_1").evaluate("e => e.scrollIntoView()")
        assert page.locator("#art_3__para_1 a:not(.ls-pin)").count() == 0
        assert "javascript:alert(1)" in page.locator("#art_3__para_1").inner_text()
        page.goto(base + "test-ordinance/article-1/")
        assert '<script>alert("条例")</script>' in page.locator("#art_1__para_1").inner_text()
        screenshot(page, "hostile-article-1")
    finally:
        page.close()
        server.shutdown()
    assert dialogs == []
