using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Admin.Services;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Services;
using OrchardPortal.Documents.Models;
using OrchardPortal.Documents.Services;

namespace OrchardPortal.Documents.Pages.Admin.Documents;

/// <summary>Deleting a document, after a confirmation that says who will lose it.</summary>
[SiteScope(Site.Tenant)]
public sealed class DocumentDeleteModel(DocumentService documents, CustomerService customers) : PageModel
{
    public Document Document { get; private set; } = null!;

    public string ForName { get; private set; } = "All customers";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        if (document.CustomerId is { } customerId)
        {
            ForName = (await customers.GetAsync(customerId, cancellationToken))?.DisplayName ?? "a removed customer";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var document = await documents.FindAsync(id, cancellationToken);
        if (document is null || !await documents.DeleteAsync(id, cancellationToken))
        {
            TempData.Flash("That document was already deleted.");
            return Redirect(DocumentPaths.Admin);
        }

        TempData.Flash($"“{document.Title}” deleted. Customers can no longer download it.");
        return Redirect(document.CustomerId is { } customerId ? DocumentPaths.AdminForCustomer(customerId) : DocumentPaths.Admin);
    }
}
