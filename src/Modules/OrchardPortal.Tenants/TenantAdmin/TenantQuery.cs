using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Tenants.TenantAdmin;

/// <summary>One page of the operator's tenant list.</summary>
public sealed record TenantPage(IReadOnlyList<TenantRecord> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Lists tenants newest first, 25 a page, optionally filtered by state and a search term.
/// </summary>
/// <remarks>
/// How this stays fast at 10,000+ tenants:
/// <list type="bullet">
/// <item>Unfiltered and state-filtered pages walk an index in order (<c>IX_Tenants_CreatedUtc</c>,
/// <c>IX_Tenants_State_CreatedUtc</c>) and stop after the page; the count is an index-only count.</item>
/// <item>A search term matches the subdomain or the owner's email by prefix, written as a range
/// (<c>Name &gt;= 'acme' AND Name &lt;= 'acmezzz…'</c>) because SQLite's LIKE is case-insensitive and so
/// never uses a BINARY index, and PostgreSQL's LIKE needs a C collation or pattern ops; the range uses the
/// primary key and <c>IX_Tenants_OwnerEmail</c> on both. An exact LIKE then trims the range to true prefixes.</item>
/// <item>Company names are matched anywhere in the name (case-insensitive): operators search by the name a
/// customer gives on the phone, which is rarely its first word. That part is a scan of the registry; on
/// 10,000 rows it costs a few milliseconds (see docs/benchmarks.md) and is only paid when searching.</item>
/// </list>
/// </remarks>
public sealed class TenantQuery(HostDbContext db, IOptions<TenancyOptions> tenancy)
{
    public const int PageSize = 25;
    public const int MaxSearchLength = 100;

    public async Task<TenantPage> ListAsync(string? search, TenantState? state, int page, CancellationToken cancellationToken)
    {
        var query = Filter(db.Set<TenantRecord>().AsNoTracking(), Normalize(search), state);
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query
            .OrderByDescending(t => t.CreatedUtc)
            .ThenBy(t => t.Name)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return new TenantPage(items, page, PageSize, total);
    }

    private IQueryable<TenantRecord> Filter(IQueryable<TenantRecord> query, string term, TenantState? state)
    {
        if (state is { } wanted)
        {
            query = query.Where(t => t.State == wanted);
        }

        if (term.Length == 0)
        {
            return query;
        }

        // "acme.localhost:5000" or a pasted URL means the tenant "acme".
        var name = SubdomainOf(term) ?? term;
        var nameUpper = name + new string('z', TenantNameRules.MaxLength + 1);
        var emailUpper = term + "\uffff";
        var hostPattern = " " + term;
#pragma warning disable CA1304, CA1309, CA1311, CA1862 // These run as SQL, where culture and comparison overloads don't translate.
        return query.Where(t =>
            (string.Compare(t.Name, name) >= 0 && string.Compare(t.Name, nameUpper) <= 0 && t.Name.StartsWith(name))
            || (string.Compare(t.OwnerEmail, term) >= 0 && string.Compare(t.OwnerEmail, emailUpper) < 0 && t.OwnerEmail.StartsWith(term))
            || t.CompanyName.ToLower().Contains(term)
            || (" " + t.HostNames).Contains(hostPattern));
#pragma warning restore CA1304, CA1309, CA1311, CA1862
    }

    private static string Normalize(string? search)
    {
        var term = (search ?? "").Trim().ToLowerInvariant();
        if (term.StartsWith("http://", StringComparison.Ordinal) || term.StartsWith("https://", StringComparison.Ordinal))
        {
            term = term[(term.IndexOf("//", StringComparison.Ordinal) + 2)..].TrimEnd('/');
        }

        return term.Length > MaxSearchLength ? term[..MaxSearchLength] : term;
    }

    private string? SubdomainOf(string term)
    {
        var host = term.Split(':', '/')[0];
        var suffix = "." + tenancy.Value.RootDomain;
        return host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && host.Length > suffix.Length ? host[..^suffix.Length] : null;
    }
}
