using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.ServiceRequests.Data;
using OrchardPortal.ServiceRequests.Models;

namespace OrchardPortal.ServiceRequests.Catalogue;

/// <summary>What staff type for a catalogue entry; the price is already minor units (null = quote needed).</summary>
public sealed record CatalogItemDraft(string? Name, string? Description, long? Price, bool IsActive);

/// <summary>The saved entry's id, or messages keyed by field.</summary>
public sealed record CatalogResult(long Id, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public bool Succeeded => Errors.Count == 0 && !NotFound;
}

/// <summary>
/// The tenant's service catalogue: staff add, edit, deactivate and reorder services; the portal's form
/// offers the active ones in order. Entries are never deleted, so old requests keep pointing at them.
/// </summary>
public sealed class ServiceCatalogService(TenantDbContext db, TimeProvider clock)
{
    /// <summary>A price above this (in minor units) is surely a typo: 10 million in the major unit.</summary>
    public const long MaxPrice = 10_000_000_00;

    public async Task<IReadOnlyList<ServiceCatalogItem>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        var query = db.Set<ServiceCatalogItem>().AsNoTracking();
        if (activeOnly)
        {
            query = query.Where(i => i.IsActive);
        }

        return await query.OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);
    }

    public Task<ServiceCatalogItem?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Set<ServiceCatalogItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Set<ServiceCatalogItem>().AnyAsync(cancellationToken);

    /// <summary>Adds an entry at the end of the list.</summary>
    public async Task<CatalogResult> CreateAsync(CatalogItemDraft draft, CancellationToken cancellationToken)
    {
        var errors = Validate(draft);
        if (errors.Count > 0)
        {
            return new CatalogResult(0, errors);
        }

        var last = await db.Set<ServiceCatalogItem>().MaxAsync(i => (int?)i.Position, cancellationToken) ?? 0;
        var now = clock.GetUtcNow();
        var item = new ServiceCatalogItem { Name = "", Position = last + 1, CreatedUtc = now };
        Apply(item, draft, now);
        db.Set<ServiceCatalogItem>().Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogResult(item.Id, errors);
    }

    public async Task<CatalogResult> UpdateAsync(long id, CatalogItemDraft draft, CancellationToken cancellationToken)
    {
        var item = await db.Set<ServiceCatalogItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return new CatalogResult(id, new Dictionary<string, string>(), NotFound: true);
        }

        var errors = Validate(draft);
        if (errors.Count == 0)
        {
            Apply(item, draft, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CatalogResult(id, errors);
    }

    /// <summary>Swaps the entry with its neighbour above (<paramref name="up"/>) or below; false at either end or when missing.</summary>
    public async Task<bool> MoveAsync(long id, bool up, CancellationToken cancellationToken)
    {
        var items = await db.Set<ServiceCatalogItem>().OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var index = items.FindIndex(i => i.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= items.Count)
        {
            return false;
        }

        (items[index], items[other]) = (items[other], items[index]);
        // Renumbered from scratch, so entries that shared a position (or had gaps) end up in a clean order.
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds entries (a recipe's defaults) after whatever is there, in one save.</summary>
    public async Task AddManyAsync(IEnumerable<CatalogItemDraft> drafts, CancellationToken cancellationToken)
    {
        var position = await db.Set<ServiceCatalogItem>().MaxAsync(i => (int?)i.Position, cancellationToken) ?? 0;
        var now = clock.GetUtcNow();
        foreach (var draft in drafts)
        {
            var item = new ServiceCatalogItem { Name = "", Position = ++position, CreatedUtc = now };
            Apply(item, draft, now);
            db.Set<ServiceCatalogItem>().Add(item);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every problem with a draft, keyed by field (Name, Description, Price).</summary>
    public static Dictionary<string, string> Validate(CatalogItemDraft draft)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["Name"] = "Give the service a name, such as “Spring clean-up”.";
        }
        else if (name.Length > ServiceRequestsModel.NameLength)
        {
            errors["Name"] = $"Keep the name to {ServiceRequestsModel.NameLength} characters or fewer.";
        }

        if ((draft.Description?.Trim().Length ?? 0) > ServiceRequestsModel.DescriptionLength)
        {
            errors["Description"] = $"Keep the description to {ServiceRequestsModel.DescriptionLength} characters or fewer.";
        }

        if (draft.Price is { } price && (price < 0 || price > MaxPrice))
        {
            errors["Price"] = "Enter a price of zero or more, or leave it blank for “quote needed”.";
        }

        return errors;
    }

    private static void Apply(ServiceCatalogItem item, CatalogItemDraft draft, DateTimeOffset now)
    {
        item.Name = draft.Name!.Trim();
        item.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        item.Price = draft.Price;
        item.IsActive = draft.IsActive;
        item.UpdatedUtc = now;
    }
}
