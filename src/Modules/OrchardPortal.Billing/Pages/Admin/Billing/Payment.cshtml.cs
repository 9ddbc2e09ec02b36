using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Refunds;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Billing.Pages.Admin.Billing;

/// <summary>
/// One payment and its refunds. Staff refund all or part of it: an offline payment's refund is simply
/// recorded; an online one goes through <see cref="IRefundGateway"/> (which says so when not connected).
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class PaymentDetailsModel(BillingLedger ledger, IRefundGateway gateway, BillingContext billing) : PageModel
{
    public Payment Payment { get; private set; } = null!;

    public IReadOnlyList<Refund> Refunds { get; private set; } = [];

    public Func<long, string> Money { get; private set; } = m => m.ToString(CultureInfo.InvariantCulture);

    public bool CanRefundOnline => gateway.IsAvailable;

    public static string GatewayMessage => RefundGatewayNotConnected.Message;

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string Key { get; set; } = "";

    public string? Error(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(long id, long paymentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, paymentId, cancellationToken))
        {
            return NotFound();
        }

        Amount = MoneyText.ForInput(Payment.Amount - Payment.RefundedAmount, Payment.Currency, await billing.CultureAsync(cancellationToken));
        Key = "staff-refund:" + Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long paymentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, paymentId, cancellationToken))
        {
            return NotFound();
        }

        var culture = await billing.CultureAsync(cancellationToken);
        var refundable = Payment.Amount - Payment.RefundedAmount;
        if (!MoneyText.TryParse(Amount, Payment.Currency, culture, out var amount) || amount <= 0)
        {
            ModelState.AddModelError(nameof(Amount), "Enter the amount to refund, above zero.");
        }
        else if (amount > refundable)
        {
            ModelState.AddModelError(nameof(Amount), $"You can refund at most {Money(refundable)} of this payment.");
        }

        if (Reason?.Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), "Keep the reason under 500 characters.");
        }

        if (string.IsNullOrWhiteSpace(Key) || Key.Length > 100)
        {
            ModelState.AddModelError("", "This form is out of date: reload the page and try again.");
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        if (Payment.IsOnline)
        {
            var sent = await gateway.RefundAsync(Payment, amount, Reason, Key, cancellationToken);
            if (!sent.Succeeded)
            {
                ModelState.AddModelError("", sent.Error ?? RefundGatewayNotConnected.Message);
                return Page();
            }

            TempData.Flash($"Sent a refund of {Money(amount)} to the payment gateway.");
            return Redirect(BillingPaths.Payment(id, paymentId));
        }

        var result = await ledger.RecordRefundAsync(new RefundRequest { PaymentId = paymentId, Amount = amount, IdempotencyKey = Key, Reason = Reason }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            return Page();
        }

        TempData.Flash(result.Outcome == LedgerOutcome.AlreadyRecorded ? "That refund was already recorded." : $"Recorded a refund of {Money(amount)}.");
        return Redirect(BillingPaths.Payment(id, paymentId));
    }

    private async Task<bool> LoadAsync(long customerId, long paymentId, CancellationToken cancellationToken)
    {
        var payment = await ledger.GetPaymentAsync(paymentId, cancellationToken);
        if (payment is null || payment.CustomerId != customerId)
        {
            return false;
        }

        Payment = payment;
        Refunds = await ledger.RefundsAsync(paymentId, cancellationToken);
        Money = await billing.FormatterAsync(cancellationToken);
        return true;
    }
}
