using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Staff.Pages.Admin.AccessDenied;

/// <summary>Where a signed-in staff member lands when a page is for owners only.</summary>
[SiteScope(Site.Tenant)]
public sealed class AccessDeniedModel : PageModel
{
    // A friendly page, but still the status a client or test can tell apart from success.
    public void OnGet() => Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden;
}
