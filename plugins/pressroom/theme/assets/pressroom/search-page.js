// The search page: Pagefind's interface, which searches the index of the page's language
// (Pagefind keeps one per <html lang>, with that language's stemming) and speaks it too.
(function () {
  "use strict";
  var element = document.getElementById("pressroom-search");
  if (element && window.PagefindUI) {
    new window.PagefindUI({ element: element, showSubResults: true, autofocus: true });
  }
})();
