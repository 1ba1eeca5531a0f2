/* Title suggestions for search boxes, as progressive enhancement: every input with
   data-suggest-url and a list="…" <datalist> gets the titles of matching pages from the
   JSON endpoint while the citizen types. Without JS the form simply submits. */
(function () {
  "use strict";
  if (!window.fetch) { return; }
  function enhance(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 3 || q === last) { return; }
        last = q;
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.results.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 200);
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url][list]"), enhance);
})();
