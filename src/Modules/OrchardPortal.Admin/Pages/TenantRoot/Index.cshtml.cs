using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Admin.Pages.TenantRoot;

/// <summary>
/// The tenant's public root until the customer-portal module takes it over: shows whose portal this
/// is and where staff sign in, so opening a new tenant's address works.
/// </summary>
[SiteScope(Site.Tenant)]
[AllowAnonymous]
public sealed class TenantHomeModel(SiteIdentityService site) : PageModel
{
    public string CompanyName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        CompanyName = await site.GetCompanyNameAsync(cancellationToken);
}
