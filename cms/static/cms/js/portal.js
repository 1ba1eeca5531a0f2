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
