/* Filing form: mark the contact fields required or optional for the choice made
   (anonymous or not, how the answer is sent). Without this file each label states
   its rule in words; the server checks the same rules (pqr.forms.FilingForm.clean). */
(function () {
  "use strict";
  var form = document.querySelector("form.pqr-form");
  if (!form) { return; }
  var anonymous = form.querySelector("input[name='anonymous']");
  var fields = form.querySelectorAll("[data-required-when]");

  function channel() {
    var checked = form.querySelector("input[name='answer_channel']:checked");
    return checked ? checked.value : "";
  }

  function update() {
    var identified = !(anonymous && anonymous.checked);
    var chosen = channel();
    Array.prototype.forEach.call(fields, function (input) {
      var when = input.getAttribute("data-required-when");
      var required = identified && (when === "identified" || when === chosen);
      input.setAttribute("aria-required", required ? "true" : "false");
      var label = form.querySelector("label[for='" + input.id + "']");
      if (!label) { return; }
      Array.prototype.forEach.call(label.querySelectorAll("[data-mark]"), function (mark) {
        var kind = mark.getAttribute("data-mark");
        mark.hidden = kind === "rule" || (kind === "required") !== required;
      });
    });
  }

  form.addEventListener("change", function (event) {
    var name = event.target.name;
    if (name === "anonymous" || name === "answer_channel") { update(); }
  });
  update();
})();
