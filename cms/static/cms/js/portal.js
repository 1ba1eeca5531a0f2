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

/* External video facades (templates/blocks/video_block.html): nothing is requested
   from the platform until the visitor presses the button; then the player's frame
   takes the place of the note and the button, and the focus. */
(function () {
  "use strict";
  var facades = document.querySelectorAll("[data-video-facade]");
  Array.prototype.forEach.call(facades, function (facade) {
    var button = facade.querySelector("[data-video-load]");
    var note = facade.querySelector(".media-facade__note");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "media-block__frame";
      frame.title = facade.getAttribute("data-player-title");
      frame.setAttribute("allow", "fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.src = facade.getAttribute("data-player-url");
      facade.insertBefore(frame, note || button);
      if (note) { note.remove(); }
      button.remove();
      facade.classList.add("media-facade--loaded");
      frame.focus();
    });
  });
})();
