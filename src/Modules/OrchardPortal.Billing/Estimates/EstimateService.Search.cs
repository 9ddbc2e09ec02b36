using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Estimates;

public sealed partial class EstimateService
{
    public const int PageSize = 50;

    /// <summary>Newest first; search text matches the number, customer name and account number.</summary>
    public async Task<EstimatePage> SearchAsync(string? text, int page, CancellationToken cancellationToken)
    {
        var estimates = db.Set<Estimate>().AsNoTracking();
        foreach (var word in (text ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            estimates = estimates.Where(e => e.SearchText.Contains(word));
        }

        var total = await estimates.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await estimates.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new EstimatePage(items, total, page);
    }
}

public sealed record EstimatePage(IReadOnlyList<Estimate> Items, int TotalCount, int Page)
{
    public int PageCount => Math.Max(1, (TotalCount + EstimateService.PageSize - 1) / EstimateService.PageSize);
}
