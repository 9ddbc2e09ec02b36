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
/// Measured on 10,000 registry rows (SQLite 3.50 and PostgreSQL 15 with EXPLAIN, on a 2-core machine):
/// <list type="bullet">
/// <item>No search: pages walk <c>IX_Tenants_CreatedUtc</c> (or <c>IX_Tenants_State_CreatedUtc</c> with a
/// state filter) and stop after the page; the count is a covering-index count. Under 1 ms on both
/// (the last page, OFFSET 9,975, about 15 ms on SQLite).</item>
/// <item>A portal address or URL (<c>acme.localhost:5000</c>) searches the subdomain by prefix, and an
/// email searches the owner's email by prefix: each is an index range (primary key, <c>IX_Tenants_OwnerEmail</c>),
/// under 0.1 ms.</item>
/// <item>Any other word matches the subdomain or owner email by prefix, or the company name anywhere in it.
/// Operators search by the name a customer gives on the phone, which is rarely its first word, so we accept
/// one scan of the registry for it: about 12 ms (SQLite) to 16 ms (PostgreSQL) per query at 10,000 rows,
/// paid only when searching. Past ~100,000 tenants this is the query to move to FTS5 / pg_trgm.</item>
/// </list>
/// </remarks>
public sealed class TenantQuery(HostDbContext db, IOptions<TenancyOptions> tenancy)
{
    public const int PageSize = 25;
    public const int MaxSearchLength = 100;

    // Sorts after any character a name or email can continue with (UTF-8 order, as SQLite compares).
    private const string AfterEverything = "\U0010FFFF";

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

        if (SubdomainOf(term) is { } name)
        {
            return NameStartsWith(query, name);
        }

        if (term.Contains('@', StringComparison.Ordinal))
        {
            return EmailStartsWith(query, term);
        }

        var hostPattern = " " + term + " ";
#pragma warning disable CA1304, CA1311, CA1862 // Runs as SQL (lower/instr), where culture overloads don't translate.
        return query.Where(t =>
            t.Name.StartsWith(term)
            || t.OwnerEmail.StartsWith(term)
            || t.CompanyName.ToLower().Contains(term)
            || (" " + t.HostNames + " ").Contains(hostPattern));
#pragma warning restore CA1304, CA1311, CA1862
    }

    // Names and emails are stored lower-case and the term is lower-cased, so a case-sensitive prefix is the
    // right match. SQLite's LIKE is case-insensitive and so never uses a BINARY index; the equivalent range
    // does. PostgreSQL's LIKE 'x%' uses the btree itself under the C collation.
#pragma warning disable CA1309 // Runs as SQL comparison operators; the ordinal overload doesn't translate.
    private IQueryable<TenantRecord> NameStartsWith(IQueryable<TenantRecord> query, string prefix)
    {
        var upper = prefix + AfterEverything;
        if (db.Database.IsSqlite())
        {
            query = query.Where(t => string.Compare(t.Name, prefix) >= 0 && string.Compare(t.Name, upper) < 0);
        }

        return query.Where(t => t.Name.StartsWith(prefix));
    }

    private IQueryable<TenantRecord> EmailStartsWith(IQueryable<TenantRecord> query, string prefix)
    {
        var upper = prefix + AfterEverything;
        if (db.Database.IsSqlite())
        {
            query = query.Where(t => string.Compare(t.OwnerEmail, prefix) >= 0 && string.Compare(t.OwnerEmail, upper) < 0);
        }

        return query.Where(t => t.OwnerEmail.StartsWith(prefix));
    }
#pragma warning restore CA1309

    private static string Normalize(string? search)
    {
        var term = (search ?? "").Trim().ToLowerInvariant();
        if (term.StartsWith("http://", StringComparison.Ordinal) || term.StartsWith("https://", StringComparison.Ordinal))
        {
            term = term[(term.IndexOf("//", StringComparison.Ordinal) + 2)..].TrimEnd('/');
        }

        return term.Length > MaxSearchLength ? term[..MaxSearchLength] : term;
    }

    /// <summary>"acme" for "acme.localhost" or "acme.localhost:5000"; null for anything else.</summary>
    private string? SubdomainOf(string term)
    {
        var host = term.Split(':', '/')[0];
        var suffix = "." + tenancy.Value.RootDomain;
        return host.EndsWith(suffix, StringComparison.Ordinal) && host.Length > suffix.Length ? host[..^suffix.Length] : null;
    }
}
