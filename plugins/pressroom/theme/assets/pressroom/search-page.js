// The search page: Pagefind's interface, which searches the index of the page's language
// (Pagefind keeps one per <html lang>, with that language's stemming) and speaks it too.
(function () {
  "use strict";
  var element = document.getElementById("pressroom-search");
  if (!element || !window.PagefindUI) {
    return;
  }
  new window.PagefindUI({ element: element, showSubResults: true, autofocus: true });
  // Its input has a placeholder but no label; screen readers get the placeholder's words.
  function label() {
    var input = element.querySelector("input[type=text], input[type=search]");
    if (input && !input.getAttribute("aria-label")) {
      input.setAttribute("aria-label", input.getAttribute("placeholder") || "");
    }
    return Boolean(input);
  }
  if (!label()) {
    var observer = new MutationObserver(function () {
      if (label()) {
        observer.disconnect();
      }
    });
    observer.observe(element, { childList: true, subtree: true });
  }
})();
