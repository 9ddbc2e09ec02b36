using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Catalogue;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceCatalogue;

/// <summary>Editing a service; un-ticking "offer" hides it from the form without touching requests already made.</summary>
[SiteScope(Site.Tenant)]
public sealed class EditCatalogItemModel(ServiceCatalogService catalogue, BillingContext billing) : CatalogItemFormPage(billing)
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await catalogue.GetAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        await LoadCurrencyAsync(cancellationToken);
        Input = new CatalogItemInput { Name = item.Name, Description = item.Description, Price = await PriceTextAsync(item.Price, cancellationToken), IsActive = item.IsActive };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await DraftAsync(cancellationToken) is not { } draft)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await catalogue.UpdateAsync(id, draft, cancellationToken);
        return result.NotFound ? NotFound() : Saved(result, $"“{draft.Name?.Trim()}” was saved.");
    }
}
