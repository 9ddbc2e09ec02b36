using Microsoft.EntityFrameworkCore;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Models;

namespace OrchardPortal.Billing.Estimates;

/// <summary>
/// Estimates: staff create, edit and send them; the customer approves (typing their name) or declines
/// (with a comment) from the portal, and staff are emailed in the same commit as the decision.
/// Scoped to a tenant; returned estimates are detached snapshots.
/// </summary>
public sealed partial class EstimateService(
    TenantDbContext db, DocumentValidator validator, DocumentNumbers numbers, BillingContext billing, EstimateDecisionEmail email, TimeProvider clock)
{
    public const string EndDateLabel = "Expiry date";

    public Task<Estimate?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Estimate>().AsNoTracking().Include(e => e.Lines.OrderBy(l => l.Position)).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

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
            DocumentNumbers.EstimatePrefix,
            async number =>
            {
                var estimate = new Estimate { Number = number, Currency = await billing.CurrencyAsync(cancellationToken), CreatedUtc = now };
                Apply(estimate, draft, customer, now);
                return estimate;
            },
            d => d.Id,
            DuplicateNumber,
            cancellationToken);
    }

    /// <summary>Saves changes to an estimate the customer has not decided on; a stale <paramref name="expectedVersion"/> changes nothing.</summary>
    public async Task<BillingResult> UpdateAsync(long id, DocumentDraft draft, int expectedVersion, CancellationToken cancellationToken)
    {
        var estimate = await db.Set<Estimate>().Include(e => e.Lines).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (estimate is null)
        {
            return BillingResult.Missing(id);
        }

        if (estimate.Version != expectedVersion)
        {
            return BillingResult.Refused(BillingResult.ConcurrencyMessage, id);
        }

        if (estimate.Status is not (EstimateStatus.Draft or EstimateStatus.Sent))
        {
            return BillingResult.Refused($"Estimate {estimate.Number} was {estimate.Status.ToString().ToLowerInvariant()} by the customer and can no longer be changed.", id);
        }

        var (errors, customer) = await validator.ValidateAsync(draft, EndDateLabel, cancellationToken);
        if (customer is null)
        {
            return BillingResult.Invalid(errors, id);
        }

        if (!string.IsNullOrWhiteSpace(draft.Number))
        {
            estimate.Number = draft.Number.Trim();
        }

        db.RemoveRange(estimate.Lines);
        Apply(estimate, draft, customer, clock.GetUtcNow());
        estimate.Version++;
        return await SaveAsync(estimate, cancellationToken);
    }

    /// <summary>Draft → Sent: the customer can now see it in the portal and decide.</summary>
    public async Task<BillingResult> SendAsync(long id, CancellationToken cancellationToken)
    {
        var estimate = await db.Set<Estimate>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (estimate is null)
        {
            return BillingResult.Missing(id);
        }

        if (estimate.Status != EstimateStatus.Draft)
        {
            return BillingResult.Refused($"Estimate {estimate.Number} was already sent.", id);
        }

        estimate.Status = EstimateStatus.Sent;
        estimate.SentUtc = estimate.UpdatedUtc = clock.GetUtcNow();
        estimate.Version++;
        return await SaveAsync(estimate, cancellationToken);
    }

    public static string DuplicateNumber(string number) => $"Number {number} is already used by another estimate.";

    private static void Apply(Estimate estimate, DocumentDraft draft, Customer customer, DateTimeOffset now)
    {
        estimate.NumberKey = DocumentNumbers.Key(estimate.Number);
        estimate.CustomerId = customer.Id;
        estimate.CustomerName = customer.DisplayName;
        estimate.SearchText = DocumentValidator.SearchText(estimate.Number, customer);
        estimate.PropertyId = draft.PropertyId;
        estimate.PropertyText = DocumentValidator.PropertyText(customer, draft.PropertyId);
        estimate.IssueDate = draft.IssueDate;
        estimate.ExpiryDate = draft.EndDate;
        estimate.Notes = string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim();
        estimate.Lines = draft.Lines.Select((l, i) => new EstimateLine
        {
            Position = i,
            Description = l.Description.Trim(),
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
            TaxRate = l.TaxRate,
        }).ToList();
        (estimate.Subtotal, estimate.Tax, estimate.Total) = LineMath.Apply(estimate.Lines);
        estimate.UpdatedUtc = now;
    }

    private async Task<BillingResult> SaveAsync(Estimate estimate, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return BillingResult.Ok(estimate.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return BillingResult.Refused(BillingResult.ConcurrencyMessage, estimate.Id);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return BillingResult.Invalid(new Dictionary<string, string> { ["Number"] = DuplicateNumber(estimate.Number) }, estimate.Id);
        }
    }
}
