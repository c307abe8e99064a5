"""The link checker on small hand-made sites: what resolves and what does not, where
a link written alike means different files (its page, its directory)."""

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
