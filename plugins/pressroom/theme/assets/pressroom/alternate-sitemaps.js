// The theme fetches "sitemap.xml" next to every <link rel="alternate">, as if each language
// were a site of its own. Here one sitemap at the site root lists every language, so those
// requests go to it: none of them fails, and the theme still finds each page's counterpart.
(function () {
  "use strict";
  var config = document.getElementById("__config");
  if (!config) {
    return;
  }
  var base = new URL(JSON.parse(config.textContent).base + "/", location.href);
  var root = new URL("sitemap.xml", base).href;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var target = new URL(String(url), location.href);
    if (/\/sitemap\.xml$/.test(target.pathname) && target.href !== root) {
      args[1] = root;
    }
    return open.apply(this, args);
  };
})();
