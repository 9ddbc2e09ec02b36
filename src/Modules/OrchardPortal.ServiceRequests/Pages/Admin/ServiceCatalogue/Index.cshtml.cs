using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Catalogue;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceCatalogue;

/// <summary>The tenant's services in the order customers see them, with move up/down (forms that work without JavaScript).</summary>
[SiteScope(Site.Tenant)]
public sealed class ServiceCatalogueModel(ServiceCatalogService catalogue, BillingContext billing) : PageModel
{
    public IReadOnlyList<ServiceCatalogItem> Items { get; private set; } = [];

    public Func<long, string> Money { get; private set; } = m => m.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await catalogue.ListAsync(activeOnly: false, cancellationToken);
        Money = await billing.FormatterAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, bool up, CancellationToken cancellationToken)
    {
        await catalogue.MoveAsync(id, up, cancellationToken);
        return Redirect(ServiceRequestPaths.Catalogue);
    }
}
