// Search results in the reader's language first. The theme's search shows one list for the
// whole site; on a German page, results under /de/ move ahead of the others as they arrive.
(function () {
  "use strict";
  var lang = document.documentElement.lang;
  var list = document.querySelector(".md-search-result__list");
  if (!lang || !list) {
    return;
  }
  function inReadersLanguage(item) {
    var link = item.querySelector("a");
    return Boolean(link) && link.pathname.indexOf("/" + lang + "/") !== -1;
  }
  new MutationObserver(function () {
    var items = Array.prototype.slice.call(list.children);
    var ordered = items.filter(inReadersLanguage).concat(
      items.filter(function (item) { return !inReadersLanguage(item); })
    );
    var unchanged = ordered.every(function (item, index) { return item === items[index]; });
    if (!unchanged) {
      ordered.forEach(function (item) { list.appendChild(item); });
    }
  }).observe(list, { childList: true });
})();
