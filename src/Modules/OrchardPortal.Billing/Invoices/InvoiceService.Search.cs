using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Models;

namespace OrchardPortal.Billing.Invoices;

public sealed partial class InvoiceService
{
    /// <summary>
    /// Newest first. Filtering by status walks the (Status, Id) index; search text matches the indexed
    /// lower-cased number, customer name and account number, so no other module's table is read.
    /// </summary>
    public async Task<InvoicePage> SearchAsync(InvoiceQuery query, CancellationToken cancellationToken)
    {
        var invoices = db.Set<Invoice>().AsNoTracking();
        if (query.Status is { } status)
        {
            invoices = invoices.Where(i => i.Status == status);
        }

        if (query.CustomerId is { } customerId)
        {
            invoices = invoices.Where(i => i.CustomerId == customerId);
        }

        foreach (var word in (query.Text ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            invoices = invoices.Where(i => i.SearchText.Contains(word));
        }

        var total = await invoices.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + InvoiceQuery.PageSize - 1) / InvoiceQuery.PageSize));
        var items = await invoices.OrderByDescending(i => i.Id).Skip((page - 1) * InvoiceQuery.PageSize).Take(InvoiceQuery.PageSize).ToListAsync(cancellationToken);
        return new InvoicePage(items, total, page);
    }

    /// <summary>A customer's invoices for the portal and the customer's pages: everything but drafts, newest first.</summary>
    public async Task<IReadOnlyList<Invoice>> ForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.CustomerId == customerId && i.Status != InvoiceStatus.Draft)
            .OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
}
