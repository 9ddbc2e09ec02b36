using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Billing.Invoices;

/// <summary>
/// Staff's invoice work: create and edit (totals always recomputed here from the lines), issue (the
/// charge enters the ledger), void (the charge is reversed), and the list. Payments are recorded through
/// <see cref="BillingLedger"/>. Scoped to a tenant; returned invoices are detached snapshots.
/// </summary>
public sealed partial class InvoiceService(
    TenantDbContext db, DocumentValidator validator, DocumentNumbers numbers, BillingContext billing, TimeProvider clock)
{
    public const string EndDateLabel = "Due date";

    public Task<Invoice?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Invoice>().AsNoTracking().Include(i => i.Lines.OrderBy(l => l.Position)).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<BillingResult> CreateAsync(DocumentDraft draft, CancellationToken cancellationToken)
    {
        var (errors, customer) = await validator.ValidateAsync(draft, EndDateLabel, cancellationToken);
        if (customer is null)
        {
            return BillingResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        return await numbers.AddNumberedAsync(
            draft.Number,
            DocumentNumbers.InvoicePrefix,
            async number =>
            {
                var invoice = new Invoice { Number = number, Currency = await billing.CurrencyAsync(cancellationToken), CreatedUtc = now };
                Apply(invoice, draft, customer, now);
                return invoice;
            },
            d => d.Id,
            DuplicateNumber,
            cancellationToken);
    }

    /// <summary>
    /// Saves staff's changes to a draft or an unpaid open invoice. <paramref name="expectedVersion"/> is the
    /// version the editor started from: a newer one means someone else saved (or a payment arrived), and
    /// nothing changes. An open invoice whose total changes gets an adjustment row in the ledger.
    /// </summary>
    public async Task<BillingResult> UpdateAsync(long id, DocumentDraft draft, int expectedVersion, CancellationToken cancellationToken)
    {
        var invoice = await db.Set<Invoice>().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return BillingResult.Missing(id);
        }

        if (invoice.Version != expectedVersion)
        {
            return BillingResult.Refused(BillingResult.ConcurrencyMessage, id);
        }

        if (invoice.Status is not (InvoiceStatus.Draft or InvoiceStatus.Open))
        {
            return BillingResult.Refused($"Invoice {invoice.Number} is {InvoiceStatusRule.Label(invoice.Status).ToLowerInvariant()} and can no longer be changed.", id);
        }

        if (invoice.Status == InvoiceStatus.Open && draft.CustomerId != invoice.CustomerId)
        {
            return BillingResult.Invalid(new Dictionary<string, string> { ["Customer"] = "An issued invoice stays with its customer: void it and create a new one." }, id);
        }

        var (errors, customer) = await validator.ValidateAsync(draft, EndDateLabel, cancellationToken);
        if (customer is null)
        {
            return BillingResult.Invalid(errors, id);
        }

        var now = clock.GetUtcNow();
        var oldTotal = invoice.Total;
        if (!string.IsNullOrWhiteSpace(draft.Number))
        {
            invoice.Number = draft.Number.Trim();
        }

        db.RemoveRange(invoice.Lines);
        invoice.Lines.Clear();
        Apply(invoice, draft, customer, now);
        invoice.Version++;
        if (invoice.IssuedUtc is not null && invoice.Total != oldTotal)
        {
            db.Add(LedgerRows.Adjustment(invoice, invoice.Total - oldTotal, await billing.TodayAsync(cancellationToken), now));
        }

        return await SaveAsync(invoice, cancellationToken);
    }

    /// <summary>Draft → Open: the invoice is billed, and its total is charged to the customer's account.</summary>
    public async Task<BillingResult> IssueAsync(long id, CancellationToken cancellationToken)
    {
        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return BillingResult.Missing(id);
        }

        if (invoice.Status != InvoiceStatus.Draft)
        {
            return BillingResult.Refused($"Invoice {invoice.Number} was already issued.", id);
        }

        var now = clock.GetUtcNow();
        invoice.IssuedUtc = now;
        Touch(invoice, now);
        db.Add(LedgerRows.Charge(invoice, now));
        return await SaveAsync(invoice, cancellationToken);
    }

    /// <summary>Voids an invoice with nothing paid on it; an issued one gets its charge reversed in the ledger.</summary>
    public async Task<BillingResult> VoidAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null)
        {
            return BillingResult.Missing(id);
        }

        var text = reason?.Trim() ?? "";
        if (text.Length == 0 || text.Length > Data.BillingModel.ReasonLength)
        {
            return BillingResult.Invalid(new Dictionary<string, string> { ["Reason"] = $"Say why it is voided (up to {Data.BillingModel.ReasonLength} characters); the customer may see it." }, id);
        }

        if (invoice.Status == InvoiceStatus.Void)
        {
            return BillingResult.Refused($"Invoice {invoice.Number} is already void.", id);
        }

        if (invoice.AmountPaid != 0)
        {
            return BillingResult.Refused($"Invoice {invoice.Number} has payments on it. Refund them first, then void it.", id);
        }

        var now = clock.GetUtcNow();
        var wasIssued = invoice.IssuedUtc is not null;
        invoice.VoidedUtc = now;
        invoice.VoidReason = text;
        Touch(invoice, now);
        if (wasIssued)
        {
            db.Add(LedgerRows.Void(invoice, await billing.TodayAsync(cancellationToken), now));
        }

        return await SaveAsync(invoice, cancellationToken);
    }

    public static string DuplicateNumber(string number) => $"Number {number} is already used by another invoice.";

    private static void Apply(Invoice invoice, DocumentDraft draft, Customers.Models.Customer customer, DateTimeOffset now)
    {
        invoice.NumberKey = DocumentNumbers.Key(invoice.Number);
        invoice.CustomerId = customer.Id;
        invoice.CustomerName = customer.DisplayName;
        invoice.SearchText = DocumentValidator.SearchText(invoice.Number, customer);
        invoice.PropertyId = draft.PropertyId;
        invoice.PropertyText = DocumentValidator.PropertyText(customer, draft.PropertyId);
        invoice.IssueDate = draft.IssueDate;
        invoice.DueDate = draft.EndDate;
        invoice.Notes = string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim();
        invoice.Lines = draft.Lines.Select((l, i) => new InvoiceLine
        {
            Position = i,
            Description = l.Description.Trim(),
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
            TaxRate = l.TaxRate,
        }).ToList();
        (invoice.Subtotal, invoice.Tax, invoice.Total) = LineMath.Apply(invoice.Lines);
        Touch(invoice, now);
    }

    private static void Touch(Invoice invoice, DateTimeOffset now)
    {
        invoice.Status = InvoiceStatusRule.Of(invoice);
        invoice.UpdatedUtc = now;
    }

    private async Task<BillingResult> SaveAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return BillingResult.Ok(invoice.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return BillingResult.Refused(BillingResult.ConcurrencyMessage, invoice.Id);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return BillingResult.Invalid(new Dictionary<string, string> { ["Number"] = DuplicateNumber(invoice.Number) }, invoice.Id);
        }
    }
}
