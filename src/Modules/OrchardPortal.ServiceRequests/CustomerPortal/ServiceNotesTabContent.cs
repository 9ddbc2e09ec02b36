using Microsoft.AspNetCore.Http;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>Fills the Service notes tab (the Portal module has already applied the access rule).</summary>
public sealed class ServiceNotesTabContent(ServiceNotesModel notes, IHttpContextAccessor http) : IPortalTabContent
{
    public const string SentNotice = "Thank you — your note was sent to our office. Our answer will appear here.";

    public string TabKey => PortalTabs.ServiceNotes.Key;

    public Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var sent = string.Equals(http.HttpContext?.Request.Query["sent"].ToString(), "1", StringComparison.Ordinal);
        return notes.FillAsync(customer, model, new NoteFormValues(), errors: null, sent ? SentNotice : null, cancellationToken);
    }
}
