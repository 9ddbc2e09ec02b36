// Stripe glue for the Pay forms (Pay, invoice link, save a method) and the "confirm your payment" step.
// Card and bank details are typed into Stripe's Payment Element (an iframe served by Stripe); this script
// only asks Stripe.js for a PaymentMethod id (pm_…) and posts that id to our server, which computes the
// amount and confirms the payment itself. For 3-D Secure it hands the client secret to handleNextAction.
(function () {
  "use strict";

  function showError(box, message) {
    if (!box) { return; }
    box.textContent = message;
    box.hidden = false;
  }

  // Minor units from the amount field ("1,234.50" → 123450); null when it is not an amount yet.
  function minorUnits(text) {
    var cleaned = (text || "").replace(/[^0-9.]/g, "");
    if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) { return null; }
    return Math.round(parseFloat(cleaned) * 100);
  }

  function mountPaymentElement(host) {
    var form = host.closest("form");
    var stripe = window.Stripe(host.dataset.publishableKey);
    var mode = host.dataset.mode === "setup" ? "setup" : "payment";
    var amountInput = form.querySelector("[name=amount]");
    var options = { mode: mode, currency: (host.dataset.currency || "usd").toLowerCase(), paymentMethodCreation: "manual" };
    if (mode === "payment") {
      options.amount = minorUnits(amountInput && amountInput.value) || Number(host.dataset.amount) || 100;
    } else {
      options.setupFutureUsage = "off_session";
    }

    var elements = stripe.elements(options);
    elements.create("payment").mount(host);
    var errorBox = document.getElementById("payment-element-error");
    if (amountInput && mode === "payment") {
      amountInput.addEventListener("change", function () {
        var amount = minorUnits(amountInput.value);
        if (amount) { elements.update({ amount: amount }); }
      });
    }

    var submitting = false;
    form.addEventListener("submit", async function (event) {
      var methodChoice = form.querySelector("[name=method]:checked");
      if (methodChoice && methodChoice.value.indexOf("saved:") === 0) {
        return; // A saved method needs nothing from Stripe.js.
      }

      event.preventDefault();
      if (submitting) { return; }
      submitting = true;
      var submitted = await elements.submit();
      if (submitted.error) {
        showError(errorBox, submitted.error.message);
        submitting = false;
        return;
      }

      var created = await stripe.createPaymentMethod({ elements: elements });
      if (created.error) {
        showError(errorBox, created.error.message);
        submitting = false;
        return;
      }

      form.querySelector("[name=payment_method_id]").value = created.paymentMethod.id;
      var kind = created.paymentMethod.type === "us_bank_account" ? "bank" : "card";
      var chosen = form.querySelector("[name=method][value=" + kind + "]");
      if (chosen) { chosen.checked = true; }
      form.submit();
    });
  }

  async function runNextAction(host) {
    var stripe = window.Stripe(host.dataset.publishableKey);
    var result = await stripe.handleNextAction({ clientSecret: host.dataset.clientSecret });
    if (result.error) {
      showError(document.getElementById("stripe-next-action-error"), result.error.message);
      return;
    }

    // The server asks Stripe for the outcome; the browser's word is never taken for it.
    window.location.assign(host.dataset.returnUrl);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Stripe) { return; }
    var host = document.getElementById("payment-element");
    if (host && host.dataset.publishableKey) { mountPaymentElement(host); }
    var next = document.getElementById("stripe-next-action");
    if (next && next.dataset.publishableKey && next.dataset.clientSecret) { runNextAction(next); }
  });
})();
