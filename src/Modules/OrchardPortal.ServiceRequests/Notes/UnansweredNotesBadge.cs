using OrchardPortal.Core.Navigation;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Notes;

/// <summary>The number of notes nobody has answered yet, next to "Service notes" in the admin menu.</summary>
public sealed class UnansweredNotesBadge(ServiceNoteService notes) : IAdminMenuBadge
{
    public string Path => ServiceRequestPaths.NotesInbox;

    public string Description => "unanswered service notes";

    public Task<int> CountAsync(CancellationToken cancellationToken) => notes.CountUnansweredAsync(cancellationToken);
}
