// Signup form helpers: suggest a subdomain from the company name, check availability as the person
// types, and show password strength. The form works without this script; the server checks everything again.
(function () {
  "use strict";
  var form = document.getElementById("signup-form");
  if (!form) { return; }

  var company = document.getElementById("CompanyName");
  var subdomain = document.getElementById("Subdomain");
  var status = document.getElementById("Subdomain-status");
  var password = document.getElementById("OwnerPassword");
  var strength = document.getElementById("OwnerPassword-strength");
  var checkUrl = form.getAttribute("data-check-url");

  // Once the person edits the subdomain themselves, stop overwriting it from the company name.
  var subdomainEdited = subdomain.value.length > 0;

  function slugify(text) {
    var slug = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return slug.slice(0, 63).replace(/-+$/, "");
  }

  var timer = null;
  var inFlight = null;
  var lastChecked = null;

  function setStatus(text, state) {
    status.textContent = text;
    status.className = "field-status" + (state ? " is-" + state : "");
  }

  function check() {
    var value = subdomain.value.trim().toLowerCase();
    if (value === lastChecked) { return; }
    lastChecked = value;
    if (inFlight) { inFlight.abort(); }
    if (value.length === 0) { setStatus("", null); return; }
    inFlight = new AbortController();
    setStatus("Checking…", "pending");
    fetch(checkUrl + "?subdomain=" + encodeURIComponent(value), { signal: inFlight.signal, headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (result) {
        setStatus(result.message, result.available ? "ok" : "bad");
        subdomain.setAttribute("aria-invalid", result.available ? "false" : "true");
        if (result.suggestion) {
          var use = document.createElement("button");
          use.type = "button";
          use.className = "link-button";
          use.textContent = "Use " + result.suggestion;
          use.addEventListener("click", function () {
            subdomain.value = result.suggestion;
            subdomainEdited = true;
            scheduleCheck(0);
            subdomain.focus();
          });
          status.appendChild(document.createTextNode(" "));
          status.appendChild(use);
        }
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") { return; }
        // The check is a convenience; submitting still checks on the server.
        setStatus("", null);
        lastChecked = null;
      });
  }

  function scheduleCheck(delay) {
    clearTimeout(timer);
    timer = setTimeout(check, delay);
  }

  company.addEventListener("input", function () {
    if (!subdomainEdited) {
      subdomain.value = slugify(company.value);
      scheduleCheck(400);
    }
  });

  subdomain.addEventListener("input", function () {
    subdomainEdited = subdomain.value.length > 0;
    scheduleCheck(300);
  });
  subdomain.addEventListener("blur", function () {
    subdomain.value = subdomain.value.trim().toLowerCase();
    scheduleCheck(0);
  });

  if (subdomain.value) { scheduleCheck(0); }

  // Mirrors PasswordPolicy.Score (0–4). The server also rejects well-known passwords and ones built
  // from the person's name or email, which this meter does not try to know.
  function kinds(p) {
    return (/\p{Ll}/u.test(p) ? 1 : 0) + (/\p{Lu}/u.test(p) ? 1 : 0)
      + (/\p{Nd}/u.test(p) ? 1 : 0) + (/[^\p{L}\p{Nd}]/u.test(p) ? 1 : 0);
  }

  function distinctCount(p) {
    var seen = {};
    var count = 0;
    for (var i = 0; i < p.length; i++) {
      if (!seen[p[i]]) { seen[p[i]] = true; count++; }
    }
    return count;
  }

  function acceptable(p) {
    return p.length >= 10 && p.length <= 200 && distinctCount(p) > 2 && (p.length >= 16 || kinds(p) >= 3);
  }

  function score(p) {
    if (!acceptable(p)) { return p.length >= 10 ? 1 : 0; }
    var k = kinds(p);
    if (p.length >= 20 || (p.length >= 14 && k >= 3)) { return 4; }
    return k >= 4 || p.length >= 12 ? 3 : 2;
  }

  var labels = ["Too short", "Weak", "Fair", "Strong", "Very strong"];
  var meter = strength.querySelector("meter");
  var label = strength.querySelector(".strength-label");
  password.addEventListener("input", function () {
    var p = password.value;
    strength.hidden = p.length === 0;
    var s = score(p);
    meter.value = s;
    label.textContent = "Password strength: " + labels[s];
    strength.setAttribute("data-score", String(s));
  });
})();
