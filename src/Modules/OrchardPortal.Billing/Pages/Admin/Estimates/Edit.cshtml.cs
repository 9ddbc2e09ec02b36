using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Pages.Admin.Billing;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Billing.Pages.Admin.Estimates;

/// <summary>Staff change an estimate the customer has not decided on; a stale version changes nothing and keeps what they typed.</summary>
[SiteScope(Site.Tenant)]
public sealed class EditEstimateModel(EstimateService estimates, CustomerService customers, BillingContext billing) : DocumentFormPage(customers, billing)
{
    public override string Kind => "estimate";

    public override string EndDateLabel => EstimateService.EndDateLabel;

    public override string CancelUrl => BillingPaths.Estimate(EstimateId);

    public long EstimateId { get; private set; }

    public string Number { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var estimate = await estimates.GetAsync(id, cancellationToken);
        if (estimate is null)
        {
            return NotFound();
        }

        if (estimate.Status is not (EstimateStatus.Draft or EstimateStatus.Sent))
        {
            TempData.Flash($"Estimate {estimate.Number} was {estimate.Status.ToString().ToLowerInvariant()} and can no longer be changed.");
            return Redirect(BillingPaths.Estimate(id));
        }

        var customer = await Customers.GetAsync(estimate.CustomerId, cancellationToken);
        var profile = await Billing.ProfileAsync(cancellationToken);
        Input = DocumentForm.From(customer?.AccountNumber ?? "", estimate.Number, estimate.PropertyId, estimate.IssueDate, estimate.ExpiryDate, estimate.Notes, estimate.Lines, estimate.Currency, profile.Culture);
        Version = estimate.Version;
        (EstimateId, Number) = (id, estimate.Number);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var current = await estimates.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        (EstimateId, Number) = (id, current.Number);
        var (draft, readable) = await ReadAsync(cancellationToken);
        if (readable)
        {
            var result = await estimates.UpdateAsync(id, draft, Version, cancellationToken);
            if (result.Succeeded)
            {
                TempData.Flash($"Saved estimate {draft.Number ?? current.Number}.");
                return Redirect(BillingPaths.Estimate(id));
            }

            AddErrors(result.Errors);
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }
}
