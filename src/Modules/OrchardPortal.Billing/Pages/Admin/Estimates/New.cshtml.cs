using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Pages.Admin.Billing;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Pages.Admin.Estimates;

/// <summary>A new estimate starts as a draft; staff send it from its page, and the customer then sees it in the portal.</summary>
[SiteScope(Site.Tenant)]
public sealed class NewEstimateModel(EstimateService estimates, CustomerService customers, BillingContext billing) : DocumentFormPage(customers, billing)
{
    public override string Kind => "estimate";

    public override string EndDateLabel => EstimateService.EndDateLabel;

    public override string CancelUrl => BillingPaths.Estimates;

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
            var result = await estimates.CreateAsync(draft, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash("Saved the draft estimate. Send it when it is ready.");
                return Redirect(BillingPaths.Estimate(result.Id));
            }

            AddErrors(result.Errors);
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }
}
