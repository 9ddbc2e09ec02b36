using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Documents.Downloads;
using OrchardPortal.Documents.Services;

namespace OrchardPortal.Documents.Pages.Admin.Documents;

/// <summary>Staff download any document of their tenant, with the same safe headers customers get.</summary>
[SiteScope(Site.Tenant)]
public sealed class DocumentDownloadModel(DocumentService documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } document
            || await documents.OpenReadAsync(document, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        DocumentResponse.ApplyHeaders(Response, document);
        return File(stream, document.ContentType);
    }
}
