// Copy citations: the buttons of the citation box, and the pilcrow of each 款/项,
// which copies its pinpoint citation and permanent URL (and still links to it).
// Works without a server (file://) and without Material's instant navigation.
(function () {
  "use strict";

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function translation(key, fallback) {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return config.translations[key] || fallback;
    } catch (e) {
      return fallback;
    }
  }

  function notify(message) {
    var dialog = document.querySelector("[data-md-component=dialog]");
    if (!dialog) return;
    dialog.querySelector(".md-dialog__inner").textContent = message;
    dialog.classList.add("md-dialog--active");
    clearTimeout(notify.timer);
    notify.timer = setTimeout(function () {
      dialog.classList.remove("md-dialog--active");
    }, 2000);
  }

  function copy(text) {
    var done = function () { notify(translation("clipboard.copied", "Copied")); };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    }
    fallbackCopy(text, done);
  }

  function fallbackCopy(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand("copy")) done(); } finally { area.remove(); }
  }

  function setup() {
    var date = today();
    document.querySelectorAll(".ls-copy[data-copy]").forEach(function (button) {
      var text = button.getAttribute("data-copy").replace("{accessed}", date);
      button.setAttribute("data-copy", text);
      var shown = button.parentNode.querySelector(".ls-cite__text");
      if (shown && shown.textContent !== text) shown.textContent = text;
      button.addEventListener("click", function () { copy(text); });
    });
    document.querySelectorAll("a.ls-pin[data-cite]").forEach(function (pin) {
      pin.addEventListener("click", function () {
        copy(pin.getAttribute("data-cite") + " " + pin.getAttribute("data-url"));
      });
    });
  }

  // Material's search overlay is a dialog without a name: name it after its own
  // (translated) search box
  function nameSearch() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameSearch);
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    nameSearch();
    setup();
  }
})();

// On the 404 page: when the address names an ordinance (or a comparison of two
// articles), offer it. Everything here is computed from the address itself, read by
// the shapes of the site's URLs that the page carries (data-urls, lawsite/site/urls.py:
// browser()): the language trees' prefixes, the pattern of a comparison page's address
// (slug, article, slug, article) and of an ordinance's pages (slug), and the URLs of an
// article and an ordinance with {slug} and {article} to fill in.
(function () {
  "use strict";
  var box = document.querySelector(".ls-suggest[data-urls]");
  if (!box) return;
  var shapes = JSON.parse(box.getAttribute("data-urls"));
  var base = new URL(JSON.parse(document.getElementById("__config").textContent).base
                       .replace(/\/?$/, "/"), location.href);
  var rest = decodeURIComponent(location.pathname).slice(decodeURIComponent(base.pathname).length);
  var tree = shapes.trees.filter(function (prefix) { return rest.indexOf(prefix) === 0; })[0] || "";
  rest = rest.slice(tree.length);
  function fill(shape, values) {
    return tree + shape.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }
  var compare = rest.match(new RegExp(shapes.pair));
  var ordinance = rest.match(new RegExp(shapes.ordinance));
  var links = compare
    ? [[fill(shapes.article, {slug: compare[1], article: compare[2]}), compare[1] + " " + compare[2]],
       [fill(shapes.article, {slug: compare[3], article: compare[4]}), compare[3] + " " + compare[4]]]
    : ordinance ? [[fill(shapes.home, {slug: ordinance[1]}), ordinance[1]]] : [];
  if (!links.length || !window.fetch) return;
  // only pages that exist, each by its own title (never a raw slug)
  Promise.all(links.map(function (link) {
    var href = new URL(link[0], base).href;
    return fetch(href).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (text) {
      if (!text) return null;
      // "第十五条｜济南市数字经济促进条例 - 地方性法规": without the site's name
      var title = new DOMParser().parseFromString(text, "text/html").title;
      var site = " - " + document.title;
      if (title.slice(-site.length) === site) title = title.slice(0, -site.length);
      return title ? [href, title] : null;
    }, function () { return null; });
  })).then(function (found) {
    found = found.filter(Boolean);
    if (!found.length) return;
    box.textContent = "您要找的可能是 · Perhaps you were looking for: ";
    found.forEach(function (link, index) {
      var a = document.createElement("a");
      a.href = link[0];
      a.textContent = link[1];
      if (index) box.appendChild(document.createTextNode(" · "));
      box.appendChild(a);
    });
    box.hidden = false;
  });
})();

// The language switch keeps the provision the reader is at: the eIds (#art_28__para_3)
// are the same in every language.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || !location.hash) return;
    var href = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", href + location.hash);
  }, true);
})();
