// The hosted site's search: Material's search box, answered by Pagefind (its index in
// parts, pagefind/<part>/, merged here, written by lawsite/publish/pagefind.py; one
// index per language, chosen by the page's <html lang>). A typed citation is first given to the citation
// resolver, window.lawsiteResolve(query) → Promise of {url, title} or null, when the
// site defines one: its answer is shown first, as a "go to" result. Everything shown
// is set as text (textContent); an excerpt's <mark>s are rebuilt, never inserted as HTML.
// The offline bundle keeps Material's own search (Pagefind cannot load from file://).
(function () {
  "use strict";

  var LIMIT = 10;                     // results shown (each one loads its fragment)
  var WORDS = {
    zh: {go: "转到", all_jurisdiction: "全部地区", all_ordinance: "全部法规",
         jurisdiction: "地区", ordinance: "法规", failed: "检索暂时不可用"},
    en: {go: "Go to", all_jurisdiction: "All jurisdictions", all_ordinance: "All ordinances",
         jurisdiction: "Jurisdiction", ordinance: "Ordinance", failed: "Search is unavailable"}
  };

  function config() {
    try { return JSON.parse(document.getElementById("__config").textContent); } catch (e) { return {}; }
  }

  var site = config();
  var words = WORDS[(document.documentElement.lang || "zh").slice(0, 2)] || WORDS.zh;
  var base = new URL((site.base || ".") + "/", location.href);
  var loading = null;
  var sequence = 0;
  var filters = {};

  function translation(key, fallback) {
    return (site.translations && site.translations[key]) || fallback;
  }

  // The index is in parts (pagefind/<part>/, one per jurisdiction of the site), which
  // pagefind/parts.json lists for each language: the first part's Pagefind is loaded
  // (its script and WebAssembly, once), and the others of the page's language are
  // merged into it (mergeIndex: each adds its metadata, and the chunks a query needs).
  // The manifest also holds each filter's values, so that the filters are listed
  // without loading every part's filter files.
  var code = (document.documentElement.lang || "").toLowerCase();
  var listed = null;

  function ofLanguage(table) {
    table = table || {};
    return table[code] || table[code.split("-")[0]];
  }

  function manifest() {
    if (!listed) {
      listed = fetch(new URL("pagefind/parts.json", base).href).then(function (response) {
        if (!response.ok) throw new Error("pagefind/parts.json: " + response.status);
        return response.json();
      });
    }
    return listed;
  }

  function load() {
    if (!loading) {
      loading = manifest().then(function (parts) {
        var names = ofLanguage(parts.languages) || [];
        if (!names.length) throw new Error("no search index for this language");
        var root = function (name) { return new URL("pagefind/" + name + "/", base).pathname; };
        return import(new URL(root(names[0]) + "pagefind.js", base).href).then(function (pagefind) {
          return pagefind.options({baseUrl: base.pathname}).then(function () {
            return Promise.all(names.slice(1).map(function (name) {
              return pagefind.mergeIndex(root(name), {baseUrl: base.pathname, language: code});
            }));
          }).then(function () { return pagefind; });
        });
      });
    }
    return loading;
  }

  function element(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // An excerpt ("… <mark>数据</mark>交易 …") as nodes: its text, and a <mark> for each
  // highlighted run; whatever else it holds stays text.
  function excerpt(html) {
    var out = element("p");
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") out.appendChild(element("mark", "", node.textContent));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  // The 款 (or 项) that holds the most of the matched words, when there is one
  function anchor(data) {
    var marks = (data.anchors || []).filter(function (a) { return /^art_.*__para_/.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    var best = null, most = 0;
    marks.forEach(function (a, i) {
      var end = i + 1 < marks.length ? marks[i + 1].location : Infinity;
      var n = (data.locations || []).filter(function (l) { return l >= a.location && l < end; }).length;
      if (n > most) { best = a; most = n; }
    });
    return best;
  }

  function item(title, url, snippet, cls) {
    var li = element("li", "md-search-result__item" + (cls ? " " + cls : ""));
    var link = element("a", "md-search-result__link");
    link.href = url;
    link.tabIndex = -1;
    var article = element("article", "md-search-result__article md-typeset");
    var heading = element("h1");
    title.forEach(function (part) { heading.appendChild(part); });
    article.appendChild(heading);
    if (snippet) article.appendChild(snippet);
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  // Found only by its label (第28条), its ordinance's name or the departments it names,
  // the hidden words before the article's heading: its first 款 is the snippet (found in
  // its text too, the excerpt of its text is)
  function opening(data) {
    var heading = (data.anchors || []).filter(function (a) { return /^art_[^_]+$/.test(a.id); })[0];
    var first = (data.anchors || []).filter(function (a) { return /^art_.*__para_1$/.test(a.id); })[0];
    if (!heading || !first || Math.max.apply(null, data.locations || [Infinity]) >= first.location) return null;
    var text = first.text.length > 80 ? first.text.slice(0, 80) + "…" : first.text;
    return element("p", "", text);
  }

  function result(data) {
    var at = anchor(data);
    var url = data.url + (at ? "#" + at.id : "");
    var snippet = opening(data) || (data.excerpt ? excerpt(data.excerpt) : null);
    return item([document.createTextNode((data.meta && data.meta.title) || data.url)], url, snippet);
  }

  function goTo(found) {
    return item([element("span", "ls-goto__label", words.go + " "), document.createTextNode(found.title)],
                new URL(found.url, base).href, null, "ls-goto");
  }

  function widgets() {
    var root = document.querySelector("[data-md-component=lawsite-search]");
    if (!root) return null;
    return {root: root, input: root.querySelector(".md-search__input"),
            meta: root.querySelector(".md-search-result__meta"),
            list: root.querySelector(".md-search-result__list"),
            result: root.querySelector(".md-search-result")};
  }

  function count(n) {
    if (n === 0) return translation("search.result.none", "No matching documents");
    if (n === 1) return translation("search.result.one", "1 matching document");
    return translation("search.result.other", "# matching documents").replace("#", n);
  }

  function resolve(query) {
    if (typeof window.lawsiteResolve !== "function") return Promise.resolve(null);
    try {
      return Promise.resolve(window.lawsiteResolve(query)).then(function (found) {
        return found && found.url && found.title ? found : null;
      }, function () { return null; });
    } catch (e) {
      return Promise.resolve(null);
    }
  }

  // Pagefind finds a page only when every word of the query starts one of the page's
  // words, and it splits a Chinese query (Intl.Segmenter) otherwise than it split the
  // text (跨境电商 is 跨|境|电|商 typed, 跨境|电商 indexed). When the whole query finds
  // fewer than RELAX pages, each of its words is searched alone, and the pages found
  // by more of them come first, after those the whole query found.
  var RELAX = 5;

  function terms(query) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return query.split(/\s+/);
    var segmenter = new Intl.Segmenter(document.documentElement.lang || "zh", {granularity: "word"});
    return Array.from(segmenter.segment(query)).filter(function (s) { return s.isWordLike; })
      .map(function (s) { return s.segment; });
  }

  function find(pagefind, query, chosen) {
    return pagefind.search(query, {filters: chosen}).then(function (whole) {
      var parts = terms(query);
      if (whole.results.length >= RELAX || parts.length < 2) return whole;
      return Promise.all(parts.map(function (part) {
        return pagefind.search(part, {filters: chosen});
      })).then(function (each) {
        var score = {}, byId = {};
        whole.results.forEach(function (r) { byId[r.id] = r; score[r.id] = 1000 + r.score; });
        each.forEach(function (found) {
          found.results.forEach(function (r) {
            byId[r.id] = byId[r.id] || r;
            score[r.id] = (score[r.id] || 0) + 1 + r.score / 1000;
          });
        });
        var ids = Object.keys(byId).sort(function (a, b) { return score[b] - score[a] || (a < b ? -1 : 1); });
        return {results: ids.map(function (id) { return byId[id]; })};
      });
    });
  }

  function search(ui) {
    var query = ui.input.value.trim();
    var mine = ++sequence;
    if (!query) {
      ui.list.replaceChildren();
      ui.meta.textContent = translation("search.result.placeholder", "Type to start searching");
      return Promise.resolve();
    }
    var chosen = Object.keys(filters).reduce(function (all, name) {
      if (filters[name]) all[name] = filters[name];
      return all;
    }, {});
    return Promise.all([resolve(query), load().then(function (pagefind) {
      return find(pagefind, query, chosen);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, LIMIT).map(function (r) { return r.data(); }))
        .then(function (top) { return {total: found.results.length, top: top}; });
    })]).then(function (answers) {
      if (mine !== sequence) return;                  // a later query is under way
      var go = answers[0], found = answers[1];
      var items = found.top.map(result);
      if (go) items.unshift(goTo(go));
      ui.list.replaceChildren.apply(ui.list, items);
      ui.meta.textContent = count(found.total);
      ui.result.setAttribute("data-ls-resolved", query);    // answered (the browser tests wait for it)
    }, function () {
      if (mine === sequence) ui.meta.textContent = words.failed;
    });
  }

  function filterBar(ui) {
    manifest().then(function (parts) {
      var available = ofLanguage(parts.filters) || {};
      var bar = element("div", "ls-search-filters");
      ["jurisdiction", "ordinance"].forEach(function (name) {
        var values = (available[name] || []).slice().sort();
        if (values.length < 2) return;
        var select = element("select", "ls-search-filter");
        select.name = name;
        select.setAttribute("aria-label", words[name]);
        select.appendChild(element("option", "", words["all_" + name])).value = "";
        values.forEach(function (value) { select.appendChild(element("option", "", value)).value = value; });
        select.addEventListener("change", function () {
          filters[name] = select.value;
          search(ui);
        });
        bar.appendChild(select);
      });
      if (bar.childNodes.length) ui.result.insertBefore(bar, ui.list);
    }, function () {});
  }

  function setup() {
    var ui = widgets();
    if (!ui) return;
    var toggle = document.getElementById("__search");
    var started = false;
    function start() {
      if (started) return;
      started = true;
      ui.meta.textContent = translation("search.result.placeholder", "Type to start searching");
      filterBar(ui);
      load().catch(function () {});        // Pagefind and its parts' metadata, before the first query
    }
    ui.input.addEventListener("focus", start);
    ui.input.addEventListener("input", function () { start(); search(ui); });
    ui.root.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = ui.list.querySelector("a");
      if (first) location.href = first.href;
    });
    ui.root.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { search(ui); }, 0);
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) ui.input.focus();
      });
    }
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle) {
        toggle.checked = false;
        ui.input.blur();
      }
    });
    ui.input.addEventListener("click", function () {
      if (toggle && !toggle.checked) toggle.checked = true;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
