using Microsoft.EntityFrameworkCore;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Customers.Services;

public sealed partial class CustomerService
{
    /// <summary>
    /// One page of the customer list. Every search word must occur in the customer's search text
    /// (a substring match, so "0134" finds a phone ending in it); filters and sort keys are indexed
    /// columns; the id breaks ties so paging never shows a customer twice or skips one.
    /// </summary>
    public async Task<CustomerPage> SearchAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        var customers = db.Set<Customer>().AsNoTracking();
        foreach (var term in CustomerText.QueryTerms(query.Text))
        {
            var pattern = CustomerText.LikeContains(term);
            customers = customers.Where(c => EF.Functions.Like(c.SearchText, pattern, "\\"));
        }

        if (query.Status is { } status)
        {
            customers = customers.Where(c => c.Status == status);
        }

        if (query.HasPortalAccount is { } hasAccount)
        {
            customers = customers.Where(c => c.HasPortalAccount == hasAccount);
        }

        if (query.AutopayEnabled is { } autopay)
        {
            customers = customers.Where(c => c.AutopayEnabled == autopay);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, CustomerQuery.MaxPageSize);
        var total = await customers.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);

        var items = await Order(customers, query.Sort, query.Descending)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new CustomerSummary(
                c.Id, c.AccountNumber, c.DisplayName, c.PrimaryEmail, c.PrimaryPhone, c.Status,
                c.HasPortalAccount, c.AutopayEnabled, c.LastPortalSignInUtc, c.CreatedUtc))
            .ToListAsync(cancellationToken);
        return new CustomerPage(items, total, page, pageSize);
    }

    private static IOrderedQueryable<Customer> Order(IQueryable<Customer> customers, CustomerSort sort, bool descending) => (sort, descending) switch
    {
        (CustomerSort.AccountNumber, false) => customers.OrderBy(c => c.AccountKey),
        (CustomerSort.AccountNumber, true) => customers.OrderByDescending(c => c.AccountKey),
        (CustomerSort.Created, false) => customers.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id),
        (CustomerSort.Created, true) => customers.OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id),
        (_, true) => customers.OrderByDescending(c => c.SortName).ThenByDescending(c => c.Id),
        _ => customers.OrderBy(c => c.SortName).ThenBy(c => c.Id),
    };
}
