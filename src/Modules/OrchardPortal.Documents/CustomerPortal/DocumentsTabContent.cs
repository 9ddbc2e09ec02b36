using Microsoft.AspNetCore.Http;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Documents.CustomerPortal;

/// <summary>Fills the Documents tab (the Portal module has already applied the access rule).</summary>
public sealed class DocumentsTabContent(DocumentsPortalModel documents, IHttpContextAccessor http) : IPortalTabContent
{
    public const string UploadedNotice = "Thank you — your document was uploaded. We can see it now.";

    public string TabKey => PortalTabs.Documents.Key;

    public Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        // Post, redirect, get: the redirect after an upload carries ?uploaded=1 so the page can say it worked.
        var uploaded = string.Equals(http.HttpContext?.Request.Query["uploaded"].ToString(), "1", StringComparison.Ordinal);
        return documents.FillAsync(customer, model, error: null, notice: uploaded ? UploadedNotice : null, title: null, cancellationToken);
    }
}
