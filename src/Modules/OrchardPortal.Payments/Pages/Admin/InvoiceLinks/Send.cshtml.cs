using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Payments.InvoiceLinks;

namespace OrchardPortal.Payments.Pages.Admin.InvoiceLinks;

/// <summary>
/// "Email invoice to customer" (linked from the invoice's page): shows where it goes, and on Send queues the
/// tenant's <c>invoice</c> email with a new no-sign-in link. Staff only, like everything under /admin.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class SendInvoiceModel(InvoiceLinkService links) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public string? To { get; private set; }

    public string? Refusal { get; private set; }

    public string InvoicePath => BillingPaths.Invoice(Invoice.Id);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var (invoice, to, refusal) = await links.CheckSendableAsync(id, cancellationToken);
        if (invoice is null)
        {
            return NotFound();
        }

        (Invoice, To, Refusal) = (invoice, to, refusal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var result = await links.SendAsync(id, $"{Request.Scheme}://{Request.Host}", cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Sent)
        {
            var (invoice, to, _) = await links.CheckSendableAsync(id, cancellationToken);
            (Invoice, To, Refusal) = (invoice!, to, result.Error);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData.Flash($"Emailed the invoice to {result.SentTo}. Its link opens this invoice without signing in.");
        return Redirect(BillingPaths.Invoice(id));
    }
}
