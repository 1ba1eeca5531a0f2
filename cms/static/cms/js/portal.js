/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Move focus to the main region when the skip link is used (older Safari ignores it).
  var skip = document.querySelector(".skip-link");
  if (skip) {
    skip.addEventListener("click", function () {
      var main = document.getElementById("contenido");
      if (main) { main.focus(); }
    });
  }
})();

/* Error summary (templates/includes/error_summary.html): after a form failed
   validation, move focus to its summary so it is read first; a link in it moves focus
   to its field, not only the scroll position. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  if (!summary.hasAttribute("tabindex")) { summary.setAttribute("tabindex", "-1"); }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    var target = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
    if (!target) { return; }
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  });
})();
