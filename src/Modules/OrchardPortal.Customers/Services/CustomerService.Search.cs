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
        var terms = CustomerText.QueryTerms(query.Text);
        foreach (var term in terms)
        {
            var pattern = CustomerText.LikeContains(term);
            customers = customers.Where(c => EF.Functions.Like(c.SearchText, pattern, "\\"));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, CustomerQuery.MaxPageSize);
        return terms.Count > 0
            ? await SearchByScanAsync(customers, query, pageSize, cancellationToken)
            : await ListByIndexAsync(Filter(customers, query), query, pageSize, cancellationToken);
    }

    private static IQueryable<Customer> Filter(IQueryable<Customer> customers, CustomerQuery query)
    {
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

        return customers;
    }

    // No search words: the sort key's index yields the page directly, and the count is an index count.
    private static async Task<CustomerPage> ListByIndexAsync(IQueryable<Customer> customers, CustomerQuery query, int pageSize, CancellationToken cancellationToken)
    {
        var total = await customers.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, PageCount(total, pageSize));
        var items = await Order(customers, query.Sort, query.Descending)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(Summary)
            .ToListAsync(cancellationToken);
        return new CustomerPage(items, total, page, pageSize);
    }

    // Search words: a substring match can use no index, so read the matches' sort keys in one scan,
    // then filter, count, order and cut the page in memory and load just that page by id. Walking a
    // sort or status index instead costs a row lookup per customer (measured at 50,000 on SQLite:
    // 250 ms and 160 ms against 40 ms), and the filters are too unselective to be worth an index here.
    private async Task<CustomerPage> SearchByScanAsync(IQueryable<Customer> customers, CustomerQuery query, int pageSize, CancellationToken cancellationToken)
    {
        var keys = (await customers
                .Select(c => new SortKeys(c.Id, c.SortName, c.AccountKey, c.CreatedUtc, c.Status, c.HasPortalAccount, c.AutopayEnabled))
                .ToListAsync(cancellationToken))
            .Where(k => (query.Status is null || k.Status == query.Status)
                && (query.HasPortalAccount is null || k.HasPortalAccount == query.HasPortalAccount)
                && (query.AutopayEnabled is null || k.AutopayEnabled == query.AutopayEnabled))
            .ToList();
        var page = Math.Clamp(query.Page, 1, PageCount(keys.Count, pageSize));
        var pageIds = Order(keys, query.Sort, query.Descending).Skip((page - 1) * pageSize).Take(pageSize).Select(k => k.Id).ToList();
        var rows = await db.Set<Customer>().AsNoTracking().Where(c => pageIds.Contains(c.Id)).Select(Summary).ToDictionaryAsync(r => r.Id, cancellationToken);
        return new CustomerPage([.. pageIds.Where(rows.ContainsKey).Select(id => rows[id])], keys.Count, page, pageSize);
    }

    private static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    private static readonly System.Linq.Expressions.Expression<Func<Customer, CustomerSummary>> Summary = c => new CustomerSummary(
        c.Id, c.AccountNumber, c.DisplayName, c.PrimaryEmail, c.PrimaryPhone, c.Status,
        c.HasPortalAccount, c.AutopayEnabled, c.LastPortalSignInUtc, c.CreatedUtc);

    private static IEnumerable<SortKeys> Order(List<SortKeys> keys, CustomerSort sort, bool descending) => (sort, descending) switch
    {
        (CustomerSort.AccountNumber, false) => keys.OrderBy(k => k.AccountKey, StringComparer.Ordinal),
        (CustomerSort.AccountNumber, true) => keys.OrderByDescending(k => k.AccountKey, StringComparer.Ordinal),
        (CustomerSort.Created, false) => keys.OrderBy(k => k.CreatedUtc).ThenBy(k => k.Id),
        (CustomerSort.Created, true) => keys.OrderByDescending(k => k.CreatedUtc).ThenByDescending(k => k.Id),
        (_, true) => keys.OrderByDescending(k => k.SortName, StringComparer.Ordinal).ThenByDescending(k => k.Id),
        _ => keys.OrderBy(k => k.SortName, StringComparer.Ordinal).ThenBy(k => k.Id),
    };

    private sealed record SortKeys(long Id, string SortName, string AccountKey, DateTimeOffset CreatedUtc, CustomerStatus Status, bool HasPortalAccount, bool AutopayEnabled);

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
