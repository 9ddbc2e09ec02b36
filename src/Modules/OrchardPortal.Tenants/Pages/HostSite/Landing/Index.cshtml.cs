using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Tenants.Pages.HostSite.Landing;

/// <summary>The host site's home page: what OrchardPortal is, and the way into signup.</summary>
[SiteScope(Site.Host)]
public sealed class LandingModel(IOptions<TenancyOptions> tenancy) : PageModel
{
    public string RootDomain => tenancy.Value.RootDomain;
}
