using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Pages.Admin.Billing;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Pages.Admin.Invoices;

/// <summary>A new invoice starts as a draft; staff issue it from its page when it is right.</summary>
[SiteScope(Site.Tenant)]
public sealed class NewInvoiceModel(InvoiceService invoices, CustomerService customers, BillingContext billing) : DocumentFormPage(customers, billing)
{
    public override string Kind => "invoice";

    public override string EndDateLabel => InvoiceService.EndDateLabel;

    public override string CancelUrl => BillingPaths.Invoices;

    public async Task OnGetAsync(long? customer, CancellationToken cancellationToken)
    {
        await DefaultsAsync(customer, cancellationToken);
        await PrepareAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (draft, readable) = await ReadAsync(cancellationToken);
        if (readable)
        {
            var result = await invoices.CreateAsync(draft, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash("Saved the draft invoice. Issue it when it is ready to bill.");
                return Redirect(BillingPaths.Invoice(result.Id));
            }

            AddErrors(result.Errors);
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }
}
