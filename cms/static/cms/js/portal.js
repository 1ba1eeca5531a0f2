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

  // The small-screen menu: a disclosure button that shows the search, the language and
  // account links and the main menu (CSS hides them only while html.js is set).
  var header = document.querySelector(".site-header");
  var toggle = header && header.querySelector(".menu-toggle");
  if (toggle) {
    var setOpen = function (open) {
      header.classList.toggle("site-header--open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        if (toggle.offsetParent !== null) { toggle.focus(); }
      }
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

/* Page-view beacon (usage app): a Wagtail page's <body> names its id and the beacon's
   address; one cookie-free POST counts the view, after the page has loaded, so the
   page's rendering and caching are untouched. Nothing is sent when the visitor asks
   not to be tracked (Global Privacy Control, Do Not Track). */
(function () {
  "use strict";
  var body = document.body;
  var page = body && body.getAttribute("data-page-id");
  var url = body && body.getAttribute("data-usage-url");
  if (!page || !url || !navigator.sendBeacon) { return; }
  if (navigator.globalPrivacyControl === true || navigator.doNotTrack === "1") { return; }
  navigator.sendBeacon(url, new URLSearchParams({ page: page }));
})();
