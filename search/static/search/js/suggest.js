/* Title suggestions for search boxes, as progressive enhancement: every input with
   data-suggest-url and a list="…" <datalist> gets the titles of matching pages from the
   JSON endpoint while the citizen types. Requests are debounced and a newer keystroke
   aborts the request still in flight, so stale answers never overwrite fresh ones.
   Loaded as an external deferred file (no inline code, CSP-friendly). Without JS, or
   when a request fails, the form simply submits as usual. */
(function () {
  "use strict";
  if (!window.fetch || !window.AbortController) { return; }
  var DELAY_MS = 200;
  var MIN_LENGTH = 3;

  function fill(list, results) {
    var fragment = document.createDocumentFragment();
    results.forEach(function (item) {
      if (!item || typeof item.title !== "string") { return; }
      var option = document.createElement("option");
      option.value = item.title;
      fragment.appendChild(option);
    });
    list.textContent = "";
    list.appendChild(fragment);
  }

  function enhance(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || input.dataset.suggestReady) { return; }
    input.dataset.suggestReady = "1";
    var timer = null;
    var controller = null;
    var last = "";

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last) { return; }
        last = q;
        if (controller) { controller.abort(); }
        if (q.length < MIN_LENGTH) {
          controller = null;
          fill(list, []);
          return;
        }
        controller = new AbortController();
        var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(q);
        fetch(url, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: controller.signal
        })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            if (input.value.trim() === q) { fill(list, data.results || []); }
          })
          .catch(function () { /* aborted or offline: suggestions are optional */ });
      }, DELAY_MS);
    });
  }

  Array.prototype.forEach.call(
    document.querySelectorAll("input[data-suggest-url][list]"),
    enhance
  );
})();
