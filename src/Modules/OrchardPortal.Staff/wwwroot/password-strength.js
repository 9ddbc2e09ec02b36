// Password strength meter: mirrors OrchardPortal.Core.Security.PasswordPolicy.Score (0-4) so what the
// meter says matches what the server accepts. No dependencies; the form works without it.
(function () {
  "use strict";
  var MIN = 10, PASSPHRASE = 16, MAX = 200;
  var LABELS = ["Too short", "Too weak", "Fair", "Strong", "Very strong"];

  function kinds(pw) {
    return (/\p{Ll}/u.test(pw) ? 1 : 0) + (/\p{Lu}/u.test(pw) ? 1 : 0)
      + (/\p{Nd}/u.test(pw) ? 1 : 0) + (/[^\p{L}\p{Nd}]/u.test(pw) ? 1 : 0);
  }

  function acceptable(pw, common, personal) {
    if (!pw || pw.length < MIN || pw.length > MAX) { return false; }
    if (common.has(pw.toLowerCase()) || new Set(pw.split("")).size <= 2) { return false; }
    var lower = pw.toLowerCase();
    for (var i = 0; i < personal.length; i++) {
      if (personal[i].length >= 4 && lower.indexOf(personal[i]) >= 0) { return false; }
    }
    return pw.length >= PASSPHRASE || kinds(pw) >= 3;
  }

  function score(pw, common, personal) {
    if (!acceptable(pw, common, personal)) { return pw && pw.length >= MIN ? 1 : 0; }
    var k = kinds(pw);
    return pw.length >= 20 || (pw.length >= 14 && k >= 3) ? 4 : k >= 4 || pw.length >= 12 ? 3 : 2;
  }

  function words(text) {
    return (text || "").toLowerCase().split(/[ @.\-_+]+/).filter(function (w) { return w.length > 0; });
  }

  // Node (the parity test against PasswordPolicy.Score) loads the scoring without a page.
  if (typeof module === "object" && module.exports) {
    module.exports = { score: score, words: words };
  }

  if (typeof document === "undefined") { return; }

  document.querySelectorAll("[data-strength-meter]").forEach(function (meter) {
    var field = meter.previousElementSibling;
    var input = field && field.querySelector("input[data-strength]");
    if (!input) { return; }
    var common = new Set(JSON.parse(meter.getAttribute("data-common") || "[]").map(function (w) { return w.toLowerCase(); }));
    var personal = words(input.getAttribute("data-personal"));
    var bar = meter.querySelector("meter");
    var text = meter.querySelector("[data-strength-text]");
    function update() {
      var s = score(input.value, common, personal);
      meter.hidden = input.value.length === 0;
      bar.value = s;
      text.textContent = LABELS[s];
      meter.setAttribute("data-score", String(s));
    }
    input.addEventListener("input", update);
    update();
  });
})();
