using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Billing.Pages.Admin.Estimates;

/// <summary>One estimate: lines, totals, the customer's decision (signature, time, IP or comment), and Send for drafts.</summary>
[SiteScope(Site.Tenant)]
public sealed class EstimateDetailsModel(EstimateService estimates, BillingContext billing) : PageModel
{
    public Estimate Estimate { get; private set; } = null!;

    public EstimateStatus Status { get; private set; }

    public Func<long, string> Money { get; private set; } = m => m.ToString(CultureInfo.InvariantCulture);

    public CultureInfo Culture { get; private set; } = CultureInfo.InvariantCulture;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var estimate = await estimates.GetAsync(id, cancellationToken);
        if (estimate is null)
        {
            return NotFound();
        }

        Estimate = estimate;
        Status = EstimateStatusRule.Of(estimate, await billing.TodayAsync(cancellationToken));
        Money = await billing.FormatterAsync(cancellationToken);
        Culture = await billing.CultureAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(long id, CancellationToken cancellationToken)
    {
        var result = await estimates.SendAsync(id, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData.Flash(result.Succeeded ? "Sent. The customer can now see the estimate in their portal and approve or decline it." : result.Message ?? "");
        return Redirect(BillingPaths.Estimate(id));
    }
}
