using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Pages.Admin.Billing;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Pages.Admin.Invoices;

/// <summary>
/// Staff change a draft or an unpaid open invoice. The version they started from guards against
/// overwriting someone else's save or a payment that arrived meanwhile; their typed values stay on the page.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class EditInvoiceModel(InvoiceService invoices, CustomerService customers, BillingContext billing) : DocumentFormPage(customers, billing)
{
    public override string Kind => "invoice";

    public override string EndDateLabel => InvoiceService.EndDateLabel;

    public override string CancelUrl => BillingPaths.Invoice(InvoiceId);

    public long InvoiceId { get; private set; }

    public string Number { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(id, cancellationToken);
        if (invoice is null)
        {
            return NotFound();
        }

        if (invoice.Status is not (InvoiceStatus.Draft or InvoiceStatus.Open))
        {
            TempData.Flash($"Invoice {invoice.Number} is {InvoiceStatusRule.Label(invoice.Status).ToLowerInvariant()} and can no longer be changed.");
            return Redirect(BillingPaths.Invoice(id));
        }

        var customer = await Customers.GetAsync(invoice.CustomerId, cancellationToken);
        var profile = await Billing.ProfileAsync(cancellationToken);
        Input = DocumentForm.From(customer?.AccountNumber ?? "", invoice.Number, invoice.PropertyId, invoice.IssueDate, invoice.DueDate, invoice.Notes, invoice.Lines, invoice.Currency, profile.Culture);
        Version = invoice.Version;
        (InvoiceId, Number) = (id, invoice.Number);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var current = await invoices.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        (InvoiceId, Number) = (id, current.Number);
        var (draft, readable) = await ReadAsync(cancellationToken);
        if (readable)
        {
            var result = await invoices.UpdateAsync(id, draft, Version, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash($"Saved invoice {draft.Number ?? current.Number}.");
                return Redirect(BillingPaths.Invoice(id));
            }

            AddErrors(result.Errors);
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }
}
