using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Tenants.ApiKeys;
using OrchardPortal.Tenants.Operators;

namespace OrchardPortal.Tenants.Pages.HostSite.Operator.ApiKeys;

/// <summary>Create and revoke keys for the operator API. A new key is shown once, in the response that created it.</summary>
[SiteScope(Site.Host)]
[Authorize(Policy = OperatorAuthentication.Policy)]
public sealed class ApiKeysModel(ApiKeyService keys) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<OperatorApiKey> Keys { get; private set; } = [];

    /// <summary>The key just created; only ever rendered in the POST response, never stored or redirected with.</summary>
    public string? NewSecret { get; private set; }

    public string? NameError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Keys = await keys.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = (Name ?? "").Trim();
        if (name.Length == 0 || name.Length > ApiKeyService.MaxNameLength)
        {
            NameError = name.Length == 0 ? "Give the key a name, e.g. where it will be used." : $"Use at most {ApiKeyService.MaxNameLength} characters.";
        }
        else
        {
            (_, NewSecret) = await keys.CreateAsync(name, cancellationToken);
            Name = null;
            Response.Headers.CacheControl = "no-store";
        }

        Keys = await keys.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = await keys.RevokeAsync(id, cancellationToken) ? "The key is revoked; it no longer works." : "That key was already revoked.";
        return Redirect("/operator/api-keys");
    }
}
