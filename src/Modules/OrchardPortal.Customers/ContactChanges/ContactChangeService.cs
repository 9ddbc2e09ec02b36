using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using M = OrchardPortal.Customers.Data.CustomersModel;

namespace OrchardPortal.Customers.ContactChanges;

/// <summary>
/// Customers ask, from the portal, to change their contact information; staff approve (the change is
/// applied through <see cref="CustomerValidator"/>) or decline with a reason. Either decision emails the
/// customer through the outbox in the same save, so the decision and its email commit together.
/// </summary>
public sealed class ContactChangeService(
    TenantDbContext db, CustomerService customers, IEmailOutbox outbox, IEmailTemplateService templates, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Records a request (the portal's "Update information" page calls this). A customer has at most one
    /// pending request: a newer submission replaces the pending one's changes. <c>requestedBy</c> is the
    /// portal user's id (null until portal users exist).
    /// </summary>
    public async Task<ContactChangeResult> SubmitAsync(long customerId, ContactDetails changes, string? requestedBy, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(customerId, cancellationToken);
        if (customer is null)
        {
            return ContactChangeResult.Missing(0);
        }

        var errors = CustomerValidator.ValidateContact(changes);
        if (errors.Count > 0)
        {
            return ContactChangeResult.Invalid(0, errors);
        }

        if (ContactDiff.Compare(CustomerDetails.From(customer), changes).All(r => !r.Changed))
        {
            return ContactChangeResult.Invalid(0, "These are already the details on file, so there is nothing to change.");
        }

        var request = await db.Set<ContactChangeRequest>()
            .FirstOrDefaultAsync(r => r.CustomerId == customerId && r.Status == ContactChangeStatus.Pending, cancellationToken);
        if (request is null)
        {
            request = new ContactChangeRequest { CustomerId = customerId, ChangesJson = "" };
            db.Add(request);
        }

        request.ChangesJson = JsonSerializer.Serialize(changes.ToContact(), Json);
        request.RequestedBy = CustomerText.Clean(requestedBy);
        request.CreatedUtc = clock.GetUtcNow();
        request.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return ContactChangeResult.Ok(request.Id);
    }

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        db.Set<ContactChangeRequest>().CountAsync(r => r.Status == ContactChangeStatus.Pending, cancellationToken);

    /// <summary>The oldest pending requests first, with each customer's current details.</summary>
    public async Task<IReadOnlyList<PendingContactChange>> ListPendingAsync(int max, CancellationToken cancellationToken)
    {
        var requests = await db.Set<ContactChangeRequest>().AsNoTracking()
            .Where(r => r.Status == ContactChangeStatus.Pending)
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        var result = new List<PendingContactChange>(requests.Count);
        foreach (var request in requests)
        {
            if (await customers.GetAsync(request.CustomerId, cancellationToken) is { } customer)
            {
                result.Add(new PendingContactChange(request, customer, ReadChanges(request)));
            }
        }

        return result;
    }

    public Task<ContactChangeRequest?> FindPendingForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        db.Set<ContactChangeRequest>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.CustomerId == customerId && r.Status == ContactChangeStatus.Pending, cancellationToken);

    /// <summary>
    /// The customer's most recently decided request (approved or declined), or null: the portal's "Update
    /// information" page shows the customer the outcome, and the decline reason, of what they last asked.
    /// </summary>
    public Task<ContactChangeRequest?> FindLatestDecisionForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        db.Set<ContactChangeRequest>().AsNoTracking()
            .Where(r => r.CustomerId == customerId && r.Status != ContactChangeStatus.Pending)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ContactChangeResult> ApproveAsync(long requestId, string decidedBy, CancellationToken cancellationToken)
    {
        var (request, customer, refusal) = await OpenAsync(requestId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var requested = ReadChanges(request!);
        var before = CustomerDetails.From(customer!);
        var oldPrimary = customer!.PrimaryEmail;
        var errors = await customers.ApplyAsync(customer, before.WithContact(requested), cancellationToken);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return ContactChangeResult.Invalid(requestId, errors);
        }

        Decide(request!, ContactChangeStatus.Approved, decidedBy);
        var changes = ContactDiff.Compare(before, CustomerDetails.From(customer));
        var recipients = new[] { customer.PrimaryEmail, oldPrimary }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var to in recipients)
        {
            // The old address hears about it too: if someone else changed the email, the owner finds out.
            outbox.Enqueue(await ContactChangeEmail.ApprovedAsync(templates, to, customer, changes, cancellationToken));
        }

        return await SaveAsync(requestId, recipients.Count, cancellationToken);
    }

    public async Task<ContactChangeResult> DeclineAsync(long requestId, string decidedBy, string? reason, CancellationToken cancellationToken)
    {
        var text = CustomerText.Clean(reason);
        if (text is null)
        {
            return ContactChangeResult.Invalid(requestId, new Dictionary<string, string> { ["Reason"] = "Tell the customer why: they will see this reason." });
        }

        if (text.Length > M.ReasonLength)
        {
            return ContactChangeResult.Invalid(requestId, new Dictionary<string, string> { ["Reason"] = $"Keep the reason under {M.ReasonLength} characters." });
        }

        var (request, customer, refusal) = await OpenAsync(requestId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        Decide(request!, ContactChangeStatus.Declined, decidedBy);
        request!.DeclineReason = text;
        var sent = 0;
        if (customer!.PrimaryEmail is { } to)
        {
            outbox.Enqueue(await ContactChangeEmail.DeclinedAsync(templates, to, customer, text, cancellationToken));
            sent = 1;
        }

        return await SaveAsync(requestId, sent, cancellationToken);
    }

    public static ContactDetails ReadChanges(ContactChangeRequest request) =>
        JsonSerializer.Deserialize<ContactDetails>(request.ChangesJson, Json) ?? new ContactDetails();

    private async Task<(ContactChangeRequest? Request, Customer? Customer, ContactChangeResult? Refusal)> OpenAsync(long requestId, CancellationToken cancellationToken)
    {
        var request = await db.Set<ContactChangeRequest>().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return (null, null, ContactChangeResult.Missing(requestId));
        }

        if (request.Status != ContactChangeStatus.Pending)
        {
            return (null, null, AlreadyDecided(request));
        }

        var customer = await customers.Tracked().FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken);
        return customer is null ? (null, null, ContactChangeResult.Missing(requestId)) : (request, customer, null);
    }

    private void Decide(ContactChangeRequest request, ContactChangeStatus status, string decidedBy)
    {
        request.Status = status;
        request.DecidedBy = CustomerText.Clean(decidedBy) is { } name && name.Length <= M.PersonLength ? name : null;
        request.DecidedUtc = clock.GetUtcNow();
        request.Version++;
    }

    // Two staff members deciding the same request at once: the version check lets exactly one win.
    private async Task<ContactChangeResult> SaveAsync(long requestId, int emails, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ContactChangeResult.Ok(requestId, emails);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<ContactChangeRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
            return current switch
            {
                null => ContactChangeResult.Missing(requestId),
                { Status: ContactChangeStatus.Pending } => ContactChangeResult.Invalid(requestId, CustomerResult.ConcurrencyMessage),
                _ => AlreadyDecided(current),
            };
        }
    }

    private static ContactChangeResult AlreadyDecided(ContactChangeRequest request) => ContactChangeResult.Invalid(request.Id,
        $"This request was already {request.Status.ToString().ToLowerInvariant()}" + (request.DecidedBy is null ? "." : $" by {request.DecidedBy}."));
}
