using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Catalogue;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceCatalogue;

/// <summary>Adding a service at the end of the catalogue.</summary>
[SiteScope(Site.Tenant)]
public sealed class NewCatalogItemModel(ServiceCatalogService catalogue, BillingContext billing) : CatalogItemFormPage(billing)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadCurrencyAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await DraftAsync(cancellationToken) is not { } draft)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Saved(await catalogue.CreateAsync(draft, cancellationToken), $"“{draft.Name?.Trim()}” was added to the catalogue.");
    }
}
