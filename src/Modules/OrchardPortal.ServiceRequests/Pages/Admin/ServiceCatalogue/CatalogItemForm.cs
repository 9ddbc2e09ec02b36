using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Billing.Services;
using OrchardPortal.ServiceRequests.Catalogue;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceCatalogue;

/// <summary>The add/edit form of a catalogue entry: the price as typed in the tenant's currency, blank for "quote needed".</summary>
public sealed class CatalogItemInput
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [Display(Name = "Price (leave blank for “quote needed”)")]
    public string? Price { get; set; }

    [Display(Name = "Offer this service in the portal")]
    public bool IsActive { get; set; } = true;
}

/// <summary>What the add and edit pages share: turning typed text into a draft, and showing the service's messages per field.</summary>
public abstract class CatalogItemFormPage(BillingContext billing) : PageModel
{
    [BindProperty]
    public CatalogItemInput Input { get; set; } = new();

    public string Currency { get; private set; } = "";

    protected async Task LoadCurrencyAsync(CancellationToken cancellationToken) => Currency = await billing.CurrencyAsync(cancellationToken);

    /// <summary>The draft, or null with the price's message in ModelState when the price can't be read.</summary>
    protected async Task<CatalogItemDraft?> DraftAsync(CancellationToken cancellationToken)
    {
        await LoadCurrencyAsync(cancellationToken);
        long? price = null;
        if (!string.IsNullOrWhiteSpace(Input.Price))
        {
            if (!MoneyText.TryParse(Input.Price, Currency, await billing.CultureAsync(cancellationToken), out var minor))
            {
                ModelState.AddModelError("Input.Price", "Enter the price as an amount, like 45.00, or leave it blank for “quote needed”.");
                return null;
            }

            price = minor;
        }

        return new CatalogItemDraft(Input.Name, Input.Description, price, Input.IsActive);
    }

    protected async Task<string?> PriceTextAsync(long? price, CancellationToken cancellationToken) =>
        price is { } p ? MoneyText.ForInput(p, await billing.CurrencyAsync(cancellationToken), await billing.CultureAsync(cancellationToken)) : null;

    protected IActionResult Saved(CatalogResult result, string what)
    {
        if (result.Succeeded)
        {
            TempData.Flash(what);
            return Redirect(ServiceRequestPaths.Catalogue);
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError("Input." + field, message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
