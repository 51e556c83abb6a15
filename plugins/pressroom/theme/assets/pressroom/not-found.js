// The page for an address that does not exist holds its words in every language. The
// address's first folder below the site ("de/" in /de/stories/gone/) names the language the
// reader was reading: that language stays, on the page, in the footer, the header and the
// title, and the header's label. Any other address, or no script, shows every language.
(function () {
  var box = document.querySelector("[data-pressroom-root]");
  if (!box) {
    return;
  }
  var root = box.getAttribute("data-pressroom-root");
  var path = location.pathname;
  if (path.indexOf(root) !== 0) {
    return;
  }
  var lang = path.slice(root.length).split("/")[0];
  var chosen = null;
  box.querySelectorAll("[data-pressroom-lang]").forEach(function (section) {
    if (section.getAttribute("data-pressroom-lang") === lang) {
      chosen = section;
    }
  });
  if (!chosen) {
    return;
  }
  document.querySelectorAll("[data-pressroom-lang]").forEach(function (part) {
    part.hidden = part.getAttribute("data-pressroom-lang") !== lang;
  });
  document.documentElement.lang = lang;
  document.title = chosen.getAttribute("data-pressroom-title");
  var name = chosen.getAttribute("data-pressroom-name");
  document.querySelectorAll(".md-header__topic:first-child .md-ellipsis").forEach(function (topic) {
    topic.textContent = name;
  });
  document.querySelectorAll(".md-logo").forEach(function (logo) {
    logo.setAttribute("title", name);
    logo.setAttribute("aria-label", name);
  });
  document.querySelectorAll(".md-header__inner").forEach(function (header) {
    header.setAttribute("aria-label", chosen.getAttribute("data-pressroom-header"));
  });
})();
