"""The link checker on small hand-made sites: what resolves and what does not, where
a link written alike means different files (its page, its directory)."""

import json

import pytest

from lawsite.publish import linkcheck


def site_of(root, pages: dict[str, str]):
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


def test_an_anchor_alone_names_its_own_page(tmp_path):
    site = site_of(tmp_path, {"a/index.html": '<p id="x"></p><a href="#x">x</a>',
                              "a/other.html": '<p id="y"></p><a href="#x">x</a>'})
    assert linkcheck.check(site).broken == ["a/other.html: #x → no id 'x' in a/other.html"]


def test_one_relative_link_in_two_directories_is_two_targets(tmp_path):
    site = site_of(tmp_path, {"b/index.html": '<h1 id="t">b</h1>',
                              "a/index.html": '<a href="../b/#t">b</a>',
                              "a/c/index.html": '<a href="../b/#t">b</a>'})
    assert linkcheck.check(site).broken == ["a/c/index.html: ../b/#t → a/b/index.html does not exist"]


def test_a_directory_stands_for_its_index_and_escapes_are_read(tmp_path):
    site = site_of(tmp_path, {"b c/index.html": '<h1 id="甲&乙">b</h1>',
                              "index.html": '<a href="b%20c#%E7%94%B2&amp;乙">b</a><A HREF="b%20c/">b</A>'
                                            '<a href="missing/">m</a><img src="x.png">'
                                            '<meta http-equiv="Refresh" content="0; url=b%20c/">'})
    report = linkcheck.check(site)
    assert report.broken == ["index.html: missing/ → missing/index.html does not exist",
                             "index.html: x.png → x.png does not exist"]
    assert (report.pages, report.links, report.anchors) == (2, 5, 1)


def test_the_offline_bundles_link_and_external_addresses_are_not_followed(tmp_path):
    site = site_of(tmp_path, {"index.html": '<a data-bundle href="downloads/x.zip">zip</a>'
                                            '<a href="https://other.example/">o</a><a href="mailto:a@b">m</a>'
                                            '<link rel="canonical" href="https://e.org/x/">'})
    report = linkcheck.check(site, "https://e.org/")
    assert (report.links, report.broken) == (0, [])


# -- the incremental check: the scans kept in a cache ------------------------------------------

def a_site(root):
    return site_of(root, {"index.html": '<a href="a/#top">a</a><a href="b/">b</a>',
                          "a/index.html": '<h1 id="top">a</h1><p id="p1"></p><a href="../b/#s">b</a>',
                          "b/index.html": '<h2 id="s">b</h2><a href="../a/#p1">a</a><img src="../x.png">',
                          "x.png": "png"})


def test_the_cache_gives_the_findings_of_a_cold_check(tmp_path):
    site = a_site(tmp_path / "site")
    (site / "b/index.html").write_text('<h2 id="s">b</h2><a href="../a/#gone">a</a><a href="../c/">c</a>',
                                       encoding="utf-8")
    cache = tmp_path / "links.json"
    cold = linkcheck.check(site)
    first = linkcheck.check(site, cache=cache)
    again = linkcheck.check(site, cache=cache)
    assert cold.broken == ["b/index.html: ../a/#gone → no id 'gone' in a/index.html",
                           "b/index.html: ../c/ → c/index.html does not exist"]
    for report in (first, again):
        assert (report.pages, report.links, report.anchors, report.broken) == \
            (cold.pages, cold.links, cold.anchors, cold.broken)
    assert (first.parsed, again.parsed) == (3, 0)          # the second one read nothing but the cache


def test_a_broken_link_in_a_changed_file_is_found(tmp_path):
    site = a_site(tmp_path / "site")
    cache = tmp_path / "links.json"
    assert linkcheck.check(site, cache=cache).broken == []
    (site / "a/index.html").write_text('<h1 id="top">a</h1><p id="p1"></p><a href="../b/#t">b</a>',
                                       encoding="utf-8")
    report = linkcheck.check(site, cache=cache)
    assert report.broken == ["a/index.html: ../b/#t → no id 't' in b/index.html"]
    assert report.parsed == 1


def test_a_removed_anchor_an_unchanged_file_links_to_is_found(tmp_path):
    site = a_site(tmp_path / "site")
    cache = tmp_path / "links.json"
    assert linkcheck.check(site, cache=cache).broken == []
    (site / "a/index.html").write_text('<h1 id="top">a</h1><a href="../b/#s">b</a>', encoding="utf-8")
    (site / "x.png").unlink()
    report = linkcheck.check(site, cache=cache)
    assert report.broken == ["b/index.html: ../a/#p1 → no id 'p1' in a/index.html",
                             "b/index.html: ../x.png → x.png does not exist"]
    assert report.parsed == 1                               # b/index.html itself was not parsed again


def test_a_file_written_again_with_the_same_bytes_is_not_parsed_and_a_bad_cache_is_a_cold_check(tmp_path):
    site = a_site(tmp_path / "site")
    cache = tmp_path / "links.json"
    linkcheck.check(site, cache=cache)
    page = site / "b/index.html"
    data = page.read_bytes()
    page.unlink()
    page.write_bytes(data)                                  # a new file (inode, time), the same bytes
    report = linkcheck.check(site, cache=cache)
    assert (report.parsed, report.broken) == (0, [])
    cache.write_text("{not json", encoding="utf-8")
    assert linkcheck.check(site, cache=cache).parsed == 3


def test_where_a_link_leads_is_resolved_again_when_the_sites_directories_change(tmp_path):
    """The cache keeps where each unchanged page's links lead, valid for the site's
    directories and address: a link to `x` names the file x, or x/index.html once x is
    a directory."""
    site = site_of(tmp_path / "site", {"index.html": '<a href="x">x</a><a href="y#t">y</a>', "x": "a file",
                                       "y/index.html": '<p id="t"></p>'})
    cache = tmp_path / "links.json"
    assert linkcheck.check(site, cache=cache).broken == []
    (site / "x").unlink()
    site_of(site, {"x/index.html": "<p>now a directory</p>"})
    report = linkcheck.check(site, cache=cache)
    assert (report.broken, report.parsed) == ([], 1)                 # x/index.html, new
    assert linkcheck.check(site, "https://e.org/", cache=cache).broken == []
    (site / "y/index.html").write_text("<p>no anchor</p>", encoding="utf-8")
    assert linkcheck.check(site, cache=cache).broken == ["index.html: y#t → no id 't' in y/index.html"]


def test_edit_after_edit_the_cache_agrees_with_a_cold_check(tmp_path):
    """Each check adds its new strings to the cache's and writes unchanged pages again
    as they were read; a damaged entry is read again. After every step the cached
    check's findings are the cold one's."""
    site = a_site(tmp_path / "site")
    cache = tmp_path / "links.json"
    steps = [("a/index.html", '<h1 id="top">a</h1><p id="p1"></p><a href="../b/#s">b</a><a href="../b/#new">n</a>'),
             ("b/index.html", '<h2 id="s">b</h2><h3 id="new"></h3><a href="../a/#p1">a</a><a href="../c/">c</a>'),
             ("c/index.html", '<a href="../a/#top">a</a><a href="../b/#s">b</a>'),
             ("a/index.html", '<h1 id="top">a</h1><a href="../b/#new">n</a><a href="#p1">self</a>')]
    for step, (name, html) in enumerate(steps):
        site_of(site, {name: html})
        if step == 2:
            kept = json.loads(cache.read_text(encoding="utf-8"))
            kept["files"]["index.html"][4] = "999999:0 x"          # damaged: where its links lead
            cache.write_text(json.dumps(kept), encoding="utf-8")
        cached, cold = linkcheck.check(site, cache=cache), linkcheck.check(site)
        assert (cached.links, cached.anchors, cached.broken) == (cold.links, cold.anchors, cold.broken), step
    assert cold.broken == ["a/index.html: #p1 → no id 'p1' in a/index.html",
                           "b/index.html: ../a/#p1 → no id 'p1' in a/index.html"]


def test_a_check_that_fails_midway_leaves_the_cache_as_it_was(tmp_path, monkeypatch):
    """The next cache is written as the check goes (each file's entry once its links are
    resolved): a check that fails midway leaves the last one whole, and nothing beside it."""
    site = a_site(tmp_path / "site")
    cache = tmp_path / "links.json"
    linkcheck.check(site, cache=cache)
    before = cache.read_bytes()
    assert before.isascii() and json.loads(before)["files"].keys() == {"index.html", "a/index.html", "b/index.html"}
    site_of(site, {"c/index.html": '<a href="../a/#top">a</a>', "index.html": '<a href="c/">c</a>'})
    calls = []
    real = linkcheck._resolve

    def failing(*args):
        calls.append(args)
        if len(calls) == 3:
            raise OSError("the disk went away")
        return real(*args)
    monkeypatch.setattr(linkcheck, "_resolve", failing)
    with pytest.raises(OSError, match="the disk went away"):
        linkcheck.check(site, cache=cache)
    assert len(calls) == 3 and cache.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["links.json", "site"]
    monkeypatch.undo()
    assert linkcheck.check(site, cache=cache).broken == linkcheck.check(site).broken == []
