using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Pages.Admin.Billing;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Billing.Pages.Admin.Invoices;

/// <summary>One invoice: lines, totals, payments on it, and what staff can do next (edit, issue, void, record a payment).</summary>
[SiteScope(Site.Tenant)]
public sealed class InvoiceDetailsModel(InvoiceService invoices, BillingLedger ledger, BillingContext billing) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public IReadOnlyList<(Payment Payment, PaymentAllocation Allocation)> Payments { get; private set; } = [];

    public Func<long, string> Money { get; private set; } = m => m.ToString(CultureInfo.InvariantCulture);

    public CultureInfo Culture { get; private set; } = CultureInfo.InvariantCulture;

    [BindProperty]
    public OfflinePaymentForm Payment { get; set; } = new();

    [BindProperty]
    public string? VoidReason { get; set; }

    /// <summary>"void" or "payment" when that form is open (from the query string or after a refused post).</summary>
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? OpenForm { get; set; }

    public string? Error(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Payment = OfflinePaymentForm.For(Invoice, await billing.TodayAsync(cancellationToken), Culture);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(long id, CancellationToken cancellationToken)
    {
        var result = await invoices.IssueAsync(id, cancellationToken);
        return After(result, id, $"Issued the invoice. Its total is now charged to the customer's account.");
    }

    public async Task<IActionResult> OnPostVoidAsync(long id, CancellationToken cancellationToken)
    {
        var result = await invoices.VoidAsync(id, VoidReason, cancellationToken);
        if (result.Succeeded || result.NotFound)
        {
            return After(result, id, "Voided the invoice. Its charge was reversed on the customer's account.");
        }

        OpenForm = "void";
        return await RefusedAsync(id, result.Errors.ToDictionary(e => e.Key == "Reason" ? nameof(VoidReason) : e.Key, e => e.Value), cancellationToken);
    }

    public async Task<IActionResult> OnPostPaymentAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (request, errors) = Payment.ToRequest(Invoice, User.Identity?.Name ?? "Staff", Culture, Money);
        if (request is not null)
        {
            var result = await ledger.RecordPaymentAsync(request, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash(result.Outcome == LedgerOutcome.AlreadyRecorded
                    ? "That payment was already recorded; it was not recorded again."
                    : $"Recorded the payment of {Money(request.Amount)}.");
                return Redirect(BillingPaths.Invoice(id));
            }

            errors[""] = result.Error!;
        }

        OpenForm = "payment";
        return await RefusedAsync(id, errors.ToDictionary(e => e.Key.Length == 0 ? "" : "Payment." + e.Key, e => e.Value), cancellationToken);
    }

    private IActionResult After(BillingResult result, long id, string success)
    {
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData.Flash(result.Succeeded ? success : result.Message ?? "That could not be done.");
        return Redirect(BillingPaths.Invoice(id));
    }

    private async Task<IActionResult> RefusedAsync(long id, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(id, cancellationToken);
        if (invoice is null)
        {
            return false;
        }

        Invoice = invoice;
        Payments = await ledger.PaymentsForInvoiceAsync(id, cancellationToken);
        Money = await billing.FormatterAsync(cancellationToken);
        Culture = await billing.CultureAsync(cancellationToken);
        return true;
    }
}
