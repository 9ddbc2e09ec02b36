using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Billing.Pages.Admin.Invoices;

/// <summary>The invoice list: search by number or customer, filter by status, newest first, paged. Unknown filter values are ignored.</summary>
[SiteScope(Site.Tenant)]
public sealed class InvoiceListModel(InvoiceService invoices, BillingContext billing) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public InvoicePage Results { get; private set; } = new([], 0, 1);

    public Func<long, string> Money { get; private set; } = m => m.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<InvoiceStatus> Statuses { get; } = Enum.GetValues<InvoiceStatus>();

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || Status is not null;

    private InvoiceStatus? Status => Enum.TryParse<InvoiceStatus>(StatusFilter, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(StatusFilter, out _) ? s : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Money = await billing.FormatterAsync(cancellationToken);
        Results = await invoices.SearchAsync(new InvoiceQuery { Text = Query, Status = Status, Page = PageNumber }, cancellationToken);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString(BillingPaths.Invoices, new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
        ["status"] = Status?.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(v => v.Value is not null)!);
}
