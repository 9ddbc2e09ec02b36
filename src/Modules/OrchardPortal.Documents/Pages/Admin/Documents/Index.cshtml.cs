using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Documents.Models;
using OrchardPortal.Documents.Services;

namespace OrchardPortal.Documents.Pages.Admin.Documents;

/// <summary>
/// Every document of the tenant, newest first, filtered by customer (by id from the customer's page, or
/// by account number typed here) and by who uploaded it, so staff can see what customers sent.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class DocumentListModel(DocumentService documents, CustomerService customers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "customer")]
    public long? CustomerId { get; set; }

    [BindProperty(SupportsGet = true, Name = "account")]
    public string? AccountNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public string? SourceFilter { get; set; }

    public Customer? Customer { get; private set; }

    public string? FilterError { get; private set; }

    public IReadOnlyList<Document> Documents { get; private set; } = [];

    public IReadOnlyDictionary<long, Customer> Customers { get; private set; } = new Dictionary<long, Customer>();

    public bool IsFiltered => CustomerId is not null || Source is not null || !string.IsNullOrWhiteSpace(AccountNumber);

    public DocumentSource? Source => SourceFilter switch
    {
        "staff" => DocumentSource.Staff,
        "customer" => DocumentSource.Customer,
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(AccountNumber))
        {
            var found = await customers.FindByAccountNumberAsync(AccountNumber.Trim(), cancellationToken);
            if (found is null)
            {
                FilterError = $"No customer has the account number “{AccountNumber.Trim()}”.";
                return Page();
            }

            CustomerId = found.Id;
        }

        if (CustomerId is { } id)
        {
            Customer = await customers.GetAsync(id, cancellationToken);
            if (Customer is null)
            {
                return NotFound();
            }
        }

        Documents = await documents.ListAsync(CustomerId, includeShared: false, Source, cancellationToken);
        var ids = Documents.Where(d => d.CustomerId is not null).Select(d => d.CustomerId!.Value).Distinct().ToList();
        Customers = (await customers.GetManyAsync(ids, cancellationToken)).ToDictionary(c => c.Id);
        return Page();
    }

    public string CustomerName(Document document) => document.CustomerId switch
    {
        null => "All customers",
        { } id when Customers.TryGetValue(id, out var customer) => customer.DisplayName,
        _ => "Removed customer",
    };
}
