// The theme reads "sitemap.xml" next to every <link rel="alternate"> of a page, to find the
// page's counterpart in another language as if each language were a site of its own. Here
// the language switcher already links each page's counterpart (the plugin works them out),
// and the site's one sitemap lists the whole archive: megabytes at 10,000 stories, fetched
// once per alternate link on every page a reader opens. So the theme gets an empty sitemap,
// without a request.
(function () {
  "use strict";
  var EMPTY_SITEMAP = "data:application/xml,%3Curlset%2F%3E";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(new URL(String(url), location.href).pathname)) {
      args[1] = EMPTY_SITEMAP;
    }
    return open.apply(this, args);
  };
})();
