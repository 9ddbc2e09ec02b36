using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Billing.Pages.Admin.Estimates;

/// <summary>The estimate list: search by number or customer, newest first, paged.</summary>
[SiteScope(Site.Tenant)]
public sealed class EstimateListModel(EstimateService estimates, BillingContext billing) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public EstimatePage Results { get; private set; } = new([], 0, 1);

    public Func<long, string> Money { get; private set; } = m => m.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Money = await billing.FormatterAsync(cancellationToken);
        Today = await billing.TodayAsync(cancellationToken);
        Results = await estimates.SearchAsync(Query, PageNumber, cancellationToken);
    }

    public string Status(Estimate estimate) => EstimateStatusRule.Of(estimate, Today).ToString();

    public string PageLink(int page) => $"{BillingPaths.Estimates}?q={Uri.EscapeDataString(Query ?? "")}&p={page}";
}
