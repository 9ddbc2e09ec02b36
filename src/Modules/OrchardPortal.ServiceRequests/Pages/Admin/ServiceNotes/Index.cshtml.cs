using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Notes;

namespace OrchardPortal.ServiceRequests.Pages.Admin.ServiceNotes;

/// <summary>Customers' service notes, newest first; the unanswered ones by default.</summary>
[SiteScope(Site.Tenant)]
public sealed class ServiceNoteInboxModel(ServiceNoteService notes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    public bool ShowingAll => Show == "all";

    public IReadOnlyList<ServiceNote> Notes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notes = await notes.ListAsync(unansweredOnly: !ShowingAll, cancellationToken);
}
