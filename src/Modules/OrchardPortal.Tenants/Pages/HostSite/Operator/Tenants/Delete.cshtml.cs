using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Tenants.Operators;
using OrchardPortal.Tenants.TenantAdmin;

namespace OrchardPortal.Tenants.Pages.HostSite.Operator.Tenants;

/// <summary>Deleting a portal is for good, so the operator confirms by typing its name. Only disabled portals can be deleted.</summary>
[SiteScope(Site.Host)]
[Authorize(Policy = OperatorAuthentication.Policy)]
public sealed class DeleteModel(TenantAdministrationService admin) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? Confirmation { get; set; }

    public TenantRecord? Tenant { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Tenant = await admin.FindAsync(Name, cancellationToken);
        return Tenant is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Tenant = await admin.FindAsync(Name, cancellationToken);
        if (Tenant is null)
        {
            return NotFound();
        }

        if (!string.Equals((Confirmation ?? "").Trim(), Tenant.Name, StringComparison.Ordinal))
        {
            Error = $"Type “{Tenant.Name}” exactly to confirm.";
            return Page();
        }

        switch (await admin.DeleteAsync(Name, cancellationToken))
        {
            case TenantChangeOutcome.Done:
                TempData[nameof(TenantsModel.Message)] = $"“{Name}” and all its data were deleted.";
                return Redirect("/operator/tenants");
            case TenantChangeOutcome.NotFound:
                return NotFound();
            default:
                Error = "Only a disabled portal can be deleted. Disable it first.";
                Tenant = await admin.FindAsync(Name, cancellationToken) ?? Tenant;
                return Page();
        }
    }
}
