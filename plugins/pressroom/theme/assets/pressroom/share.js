// A story's actions that need the browser: copy its address, the system's share sheet and
// print. The page writes them hidden; each is shown only where this browser can do it, so a
// reader never meets a button that does nothing. Nothing is loaded from elsewhere.
(function () {
  "use strict";

  function say(button, text) {
    var status = button.parentNode.querySelector(".pressroom-actions__status");
    if (status) status.textContent = text;
  }

  document.querySelectorAll("[data-pressroom-copy]").forEach(function (button) {
    // The clipboard is offered on secure pages only (https, or this machine).
    if (!navigator.clipboard || !window.isSecureContext) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.pressroomCopy).then(function () {
        say(button, button.dataset.pressroomDone);
      });
    });
  });

  document.querySelectorAll("[data-pressroom-share]").forEach(function (button) {
    if (typeof navigator.share !== "function") return;
    button.hidden = false;
    button.addEventListener("click", function () {
      // A reader who closes the share sheet is no error.
      navigator.share({title: document.title, url: button.dataset.pressroomShare})
        .catch(function () {});
    });
  });

  document.querySelectorAll("[data-pressroom-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
