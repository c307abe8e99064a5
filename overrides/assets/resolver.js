// The citation resolver: a citation typed into the search box (《烟台市数字经济促进条例》
// 第二十八条第三款, 烟台 28, 第２８条, Article 28(3) …) goes straight to its provision.
//
// window.lawsiteResolve(query) → Promise of {url, title} or null. `url` is absolute and
// carries the 款/项 anchor; `title` is the site's own citation of the provision.
// Any search UI may call it; here it puts a "go to" result first in Material's list.
//
// The table is written by the build (lawsite/site/citations.py): data/citations.js, an
// index of names, and data/citations/<slug>.js, one ordinance's articles, each loaded
// by a <script> tag on demand, so that it works from file:// (the offline bundle).
// Where the index is, the page says (<meta name="lawsite:citations">, from
// lawsite/site/urls.py); every decision about names, paths, eIds and the labels shown
// is the table's; this file only parses.
(function () {
  "use strict";

  // -- where we are ---------------------------------------------------------------------

  var script = document.currentScript;
  // the site's root: this file is <root>/assets/resolver.js
  var ROOT = new URL("../", script ? script.src : location.href).href;

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute("content") : "";
  }

  // A docs/ path as the URL of this build: x/y.md → x/y/ (hosted), x/y.html (offline)
  function pageUrl(path) {
    if (meta("lawsite:urls") === "html") return path.replace(/\.md$/, ".html");
    return path.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/");
  }

  // The page's path below the root: "en/yantai-digital-economy/article-28/"
  function here() {
    var url = location.href.split("#")[0].split("?")[0];
    return url.indexOf(ROOT) === 0 ? decodeURIComponent(url.slice(ROOT.length)) : "";
  }

  // -- the table, loaded by script tags --------------------------------------------------

  var table = { index: null, shards: {} };
  var waiting = {};              // src → resolve function of its Promise

  // Each file of the table calls this with its data
  window.lawsiteCitations = function (kind, data) {
    var key = kind === "index" ? "index" : data.slug;
    if (kind === "index") table.index = data; else table.shards[data.slug] = data;
    if (waiting[key]) waiting[key]();
  };

  var loading = {};
  function load(key, path) {
    if (!loading[key]) {
      loading[key] = new Promise(function (resolve) {
        var tag = document.createElement("script");
        waiting[key] = resolve;
        tag.onerror = function () { resolve(); };          // no table: nothing resolves
        tag.src = ROOT + path;
        document.head.appendChild(tag);
      });
    }
    return loading[key];
  }

  function loadIndex() {
    return load("index", meta("lawsite:citations")).then(function () { return table.index; });
  }

  // -- numbers: Arabic, full-width (normalised before) and Chinese -------------------------

  var DIGITS = { "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                 "六": 6, "七": 7, "八": 8, "九": 9 };
  var UNITS = { "十": 10, "百": 100, "千": 1000 };

  // "二十八" → 28, "一百零一" → 101, "十五" → 15, "28" → 28
  function number(text) {
    if (/^[0-9]+$/.test(text)) return parseInt(text, 10);
    var total = 0, digit = null;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c in DIGITS) {
        digit = DIGITS[c];
      } else if (c in UNITS) {
        total += (digit === null ? 1 : digit) * UNITS[c];
        digit = null;
      } else {
        return NaN;
      }
    }
    return total + (digit || 0);
  }

  // -- the parser --------------------------------------------------------------------------

  var NUM = "([0-9]+|[〇零一二三四五六七八九十百千两]+)";

  // Chinese pinpoint at the end of the query: 第二十八条, 28条, 第二十条之一,
  // then optionally 第三款 and 第（三）项 / 第3项 / (三)项
  var ZH = new RegExp(
    "第?" + NUM + "条(?:之" + NUM + ")?" +                   // 1 article, 2 之X (inserted)
    "(?:第?" + NUM + "款)?" +                                // 3 款
    "(?:第?[（(]?" + NUM + "[）)]?项)?" +                    // 4 项
    "$");
  // 条 omitted: a name, then the bare article number: 烟台 28, 烟台第二十八
  var BARE = new RegExp("^(.*[^0-9〇零一二三四五六七八九十百千两第])\\s*第?" + NUM + "$");
  // English: Article 28, Article 20A, Article 28(3), Article 12(2)(iii), Art. 28
  var EN = /\bart(?:icle|\.)?\s*([0-9]+)([a-z])?((?:\s*\(\s*[0-9ivxlc]+\s*\))*)/i;
  // the version a citation names after the title: （2020年修正）
  var VERSION = /[（(][0-9]{4}年(?:修正|修订)[）)]/g;

  function roman(text) {
    var values = { i: 1, v: 5, x: 10, l: 50, c: 100 }, total = 0;
    text = text.toLowerCase();
    for (var i = 0; i < text.length; i++) {
      var v = values[text.charAt(i)], next = values[text.charAt(i + 1)] || 0;
      total += v < next ? -v : v;
    }
    return total;
  }

  function normalise(query) {
    return query
      .replace(/[\uff10-\uff19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[\u200b\s\u3000]+/g, " ")          // Material's word joins, full-width spaces
      .trim();
  }

  // What a query cites, or null: {name, article ("28", "20-1"), paragraph, item}
  function parse(query) {
    var q = normalise(query), m, name, article, paragraph = 0, item = 0;
    if ((m = EN.exec(q))) {
      article = m[1] + (m[2] ? "-" + (m[2].toLowerCase().charCodeAt(0) - 96) : "");
      var parts = (m[3].match(/[0-9ivxlc]+/gi) || []);
      // Article 28(3)(iii): a 款 in Arabic, a 项 in Roman; Article 12(iii): a 项 alone
      if (parts.length && /^[0-9]+$/.test(parts[0])) paragraph = parseInt(parts.shift(), 10);
      if (parts.length) item = roman(parts[0]);
      // the name before (Yantai Article 28, Regulations …, Article 28) or after (Article 28 of Yantai)
      name = (q.slice(0, m.index) + " " + q.slice(m.index + m[0].length).replace(/^\s*of\s+(the\s+)?/i, ""))
        .replace(/[,，]/g, " ");
    } else {
      // spaces go, except between two Latin letters: 烟台 第 28 条 → 烟台第28条
      var compact = q.replace(/ (?![a-zA-Z])|(?<![a-zA-Z]) /g, "");
      if ((m = ZH.exec(compact))) {
        article = String(number(m[1])) + (m[2] ? "-" + number(m[2]) : "");
        paragraph = m[3] ? number(m[3]) : 0;
        item = m[4] ? number(m[4]) : 0;
        name = compact.slice(0, m.index);
      } else if ((m = BARE.exec(q)) && m[1].trim()) {
        article = String(number(m[2]));
        name = m[1];
      } else {
        return null;
      }
    }
    if (/NaN/.test(article) || isNaN(paragraph) || isNaN(item)) return null;
    name = name.replace(VERSION, "").replace(/[《》〈〉""“”「」\s]+/g, " ").trim();
    return { name: name, article: article, paragraph: paragraph, item: item };
  }

  // -- resolution --------------------------------------------------------------------------

  function treeOf(index, path) {
    var code = null;
    Object.keys(index.trees).forEach(function (c) {
      var prefix = index.trees[c];
      if (prefix ? path.indexOf(prefix) === 0 : code === null) code = c;
    });
    return code;
  }

  // The ordinance whose pages we are on, or -1
  function currentOrdinance(index, path, tree) {
    var found = path.slice(index.trees[tree].length).match(new RegExp(index.ordinance));
    return found ? index.slugs.indexOf(found[1]) : -1;
  }

  function ordinanceNamed(index, name, current) {
    if (!name) return current;
    var found = index.names[name] || index.names[name.toLowerCase()] || [];
    if (found.length === 1) return found[0];
    return found.indexOf(current) >= 0 ? current : -1;     // a shared name: the page's own
  }

  function resolve(query) {
    var cited = parse(query || "");
    if (!cited) return Promise.resolve(null);
    return loadIndex().then(function (index) {
      if (!index) return null;
      var path = here(), tree = treeOf(index, path);
      var i = ordinanceNamed(index, cited.name, currentOrdinance(index, path, tree));
      if (i < 0) return null;
      var slug = index.slugs[i];
      return load(slug, index.shard.replace("{slug}", slug)).then(function () {
        var shard = table.shards[slug];
        var article = shard && shard.articles[cited.article];
        if (!article) return null;
        var target = provision(article, cited.paragraph, cited.item);
        if (!target) return null;
        var lang = tree === "zh" ? 1 : 2;                  // [eId, zh, en]
        var anchor = target === article.article ? "" : "#" + target[0];
        // a tree that does not copy the ordinance's articles (untranslated) links the official ones
        var own = index.elsewhere[tree].indexOf(i) < 0 ? tree : index.official;
        return { url: ROOT + index.trees[own] + pageUrl(article.path) + anchor,
                 title: shard.cite[tree === "zh" ? "zh" : "en"] + target[lang] };
      });
    });
  }

  // The article, 款 or 项 cited; a 项 without its 款 is in the article's only 款,
  // else in the first 款 that has so many 项
  function provision(article, paragraph, item) {
    var paragraphs = article.paragraphs;
    if (!paragraph && !item) return article.article;
    if (paragraph && !paragraphs[paragraph - 1]) return null;
    if (!item) return paragraphs[paragraph - 1];
    var candidates = paragraph ? [paragraphs[paragraph - 1]] : paragraphs;
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i][3][item - 1]) return candidates[i][3][item - 1];
    }
    return null;
  }

  window.lawsiteResolve = resolve;
  window.lawsiteResolve.parse = parse;       // for tests and other search UIs

  // -- Material's search: the resolved provision first, as a "go to" result --------------

  function wire() {
    var input = document.querySelector(".md-search__input");
    var result = document.querySelector(".md-search-result");
    var list = result && result.querySelector(".md-search-result__list");
    if (!input || !list) return;
    // the hosted site's box (Pagefind, assets/lawsite-search.js) shows the go-to itself
    if (document.querySelector('[data-md-component="lawsite-search"]')) return;
    var shown = null;              // {query, item} of the go-to result for the current query

    function place() {
      if (shown && shown.item && list.firstChild !== shown.item) list.insertBefore(shown.item, list.firstChild);
    }

    function update() {
      var query = input.value;
      if (shown && shown.query === query) return;
      if (shown && shown.item) shown.item.remove();
      shown = { query: query, item: null };
      result.removeAttribute("data-ls-resolved");
      resolve(query).then(function (found) {
        if (!shown || shown.query !== query) return;       // the reader typed on
        if (found) {
          shown.item = goTo(found);
          place();
        }
        result.setAttribute("data-ls-resolved", query);    // (the browser tests wait for it)
      });
    }

    input.addEventListener("focus", function () { loadIndex(); });
    input.addEventListener("input", update);
    input.addEventListener("keyup", update);
    // Material replaces the list's items on every result: keep ours first
    new MutationObserver(place).observe(list, { childList: true });
  }

  function goTo(found) {
    var tree = /^en\b/.test(document.documentElement.lang) ? "en" : "zh";
    var labels = table.index.go_to;         // translations/labels: go_to_provision
    var item = document.createElement("li");
    item.className = "md-search-result__item ls-goto";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = found.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var heading = document.createElement("h1");
    heading.textContent = found.title;
    var label = document.createElement("p");
    label.className = "ls-goto__label";
    label.textContent = labels[tree] || labels.zh;
    article.appendChild(label);
    article.appendChild(heading);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
