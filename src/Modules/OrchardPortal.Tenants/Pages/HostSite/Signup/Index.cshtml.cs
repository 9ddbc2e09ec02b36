using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Recipes;

namespace OrchardPortal.Tenants.Pages.HostSite.Signup;

/// <summary>
/// Self-signup: collects the company, subdomain and owner, provisions the tenant and hands the owner
/// over to their new portal's admin, signed in. Validation is the provisioning service's, so the form,
/// the API and the as-you-type check can never disagree.
/// </summary>
[SiteScope(Site.Host)]
public sealed class SignupModel(TenantProvisioningService provisioning, RecipeCatalog recipes, SiteUrls urls, ILogger<SignupModel> logger) : PageModel
{
    public const string FailureMessage = "We couldn’t create your portal. Nothing was saved — please try again in a moment.";

    // Nullable so MVC doesn't add its own "field is required" errors next to the service's messages.
    [BindProperty]
    public string? CompanyName { get; set; }

    [BindProperty]
    public string? Subdomain { get; set; }

    [BindProperty]
    public string? OwnerName { get; set; }

    [BindProperty]
    public string? OwnerEmail { get; set; }

    [BindProperty]
    public string? OwnerPassword { get; set; }

    [BindProperty]
    public string? RecipeName { get; set; }

    public IReadOnlyList<Recipe> Recipes { get; } = recipes.Selectable.ToList();

    /// <summary>".localhost:5000": what follows the subdomain in the new portal's address.</summary>
    public string SubdomainSuffix => new Uri(urls.Tenant(Request, "x")).Authority[1..];

    public string? FormError { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public void OnGet() => RecipeName ??= Recipes.Count > 0 ? Recipes[0].Name : "default";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new ProvisioningRequest
        {
            CompanyName = CompanyName ?? "",
            Subdomain = Subdomain ?? "",
            OwnerName = OwnerName ?? "",
            OwnerEmail = OwnerEmail ?? "",
            OwnerPassword = OwnerPassword ?? "",
            RecipeName = RecipeName ?? "default",
        };

        ProvisioningResult result;
        try
        {
            result = await provisioning.ProvisionAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The service has already removed the half-made tenant; the person only needs to know it's safe to retry.
            logger.LogError(exception, "Signup for {Subdomain} failed", request.Subdomain);
            FormError = FailureMessage;
            return Page();
        }

        if (!result.Succeeded)
        {
            Errors = result.Errors;
            FormError = result.Errors.GetValueOrDefault("");
            return Page();
        }

        var tenant = result.Tenant!;
        var landing = string.IsNullOrEmpty(result.OwnerLandingPath) ? "/admin" : result.OwnerLandingPath;
        return Redirect(urls.Tenant(Request, tenant.Name, landing));
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}
