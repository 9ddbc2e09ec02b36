using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceRequests;

/// <summary>The staff inbox of service requests, newest first; new ones by default so nothing waits unseen.</summary>
[SiteScope(Site.Tenant)]
public sealed class ServiceRequestInboxModel(ServiceRequestService requests) : PageModel
{
    /// <summary>"new" (default), "all", or a status name in lower case.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    public ServiceRequestStatus? Status { get; private set; }

    public bool ShowingAll => StatusFilter == "all";

    public IReadOnlyList<ServiceRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Status = ShowingAll ? null
            : Enum.TryParse<ServiceRequestStatus>(StatusFilter, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status
            : ServiceRequestStatus.New;
        Requests = await requests.ListAsync(Status, cancellationToken);
    }
}
