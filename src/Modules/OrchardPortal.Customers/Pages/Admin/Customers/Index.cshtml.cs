using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.ContactChanges;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;

namespace OrchardPortal.Customers.Pages.Admin.Customers;

/// <summary>
/// The customer list: search, filters, sortable columns and paging, all in the query string so every
/// view can be bookmarked and the back button works. Unknown filter values are ignored, never an error.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class CustomerListModel(CustomerService customers, ContactChangeService changes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "portal")]
    public string? PortalFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "autopay")]
    public string? AutopayFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? SortColumn { get; set; }

    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    // "page" is taken by Razor Pages' own route value, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CustomerPage Results { get; private set; } = new([], 0, 1, CustomerQuery.DefaultPageSize);

    public int PendingRequests { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || Status is not null || HasPortal is not null || Autopay is not null;

    public CustomerSort Sort => SortColumn switch
    {
        "account" => CustomerSort.AccountNumber,
        "created" => CustomerSort.Created,
        _ => CustomerSort.Name,
    };

    public bool Descending => Direction == "desc";

    private CustomerStatus? Status => StatusFilter switch
    {
        "active" => CustomerStatus.Active,
        "inactive" => CustomerStatus.Inactive,
        _ => null,
    };

    private bool? HasPortal => YesNo(PortalFilter);

    private bool? Autopay => YesNo(AutopayFilter);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Results = await customers.SearchAsync(new CustomerQuery
        {
            Text = Query,
            Status = Status,
            HasPortalAccount = HasPortal,
            AutopayEnabled = Autopay,
            Sort = Sort,
            Descending = Descending,
            Page = PageNumber,
        }, cancellationToken);
        PendingRequests = await changes.CountPendingAsync(cancellationToken);
    }

    /// <summary>The link of a column header: sorts by it, or flips the direction when it is already the sort.</summary>
    public string SortLink(string column)
    {
        var current = SortColumn is "account" or "created" ? SortColumn : "name";
        var dir = current == column && !Descending ? "desc" : "asc";
        return Link(column, dir, page: 1);
    }

    /// <summary>aria-sort for a column header: screen readers announce the current order.</summary>
    public string? AriaSort(CustomerSort column) => Sort == column ? (Descending ? "descending" : "ascending") : null;

    public string PageLink(int page) => Link(SortColumn, Direction, page);

    private string Link(string? sort, string? dir, int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
            ["status"] = Status is null ? null : StatusFilter,
            ["portal"] = HasPortal is null ? null : PortalFilter,
            ["autopay"] = Autopay is null ? null : AutopayFilter,
            ["sort"] = sort is null or "name" ? null : sort,
            ["dir"] = dir == "desc" ? "desc" : null,
            ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString(CustomerPaths.List, values.Where(v => v.Value is not null)!);
    }

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
