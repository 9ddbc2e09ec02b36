using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Theming;
using OrchardPortal.Customers.Services;
using OrchardPortal.ServiceRequests.Data;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Requests;
using OrchardPortal.ServiceRequests.Services;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.ServiceRequests.Notes;

/// <summary>What the Service notes form posts, as typed; the customer is the signed-in one.</summary>
public sealed record NewServiceNote(long CustomerId, string SubmittedBy, string? SubmitterEmail, string? PropertyId, string? VisitId, string? Body);

/// <summary>
/// Customers' service notes and the office's answers. A note may name one of the customer's properties
/// and one of their visits (checked through the Visits module: another customer's visit is refused as if
/// it did not exist). The office is emailed in the same commit as the note; the customer in the same
/// commit as the answer. Scoped to a tenant; returned notes are detached snapshots.
/// </summary>
public sealed class ServiceNoteService(
    TenantDbContext db, CustomerService customers, VisitService visits, ServiceRequestEmails emails, SiteProfileService profiles, TimeProvider clock)
{
    public async Task<ServiceRequestResult> SubmitAsync(NewServiceNote input, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(input.CustomerId, cancellationToken);
        if (customer is null)
        {
            return ServiceRequestResult.Missing(input.CustomerId);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = input.Body?.Trim() ?? "";
        if (body.Length == 0)
        {
            errors["Body"] = "Write your note, for example “The gate code changed to 4512”.";
        }
        else if (body.Length > ServiceRequestsModel.TextLength)
        {
            errors["Body"] = $"Keep the note to {ServiceRequestsModel.TextLength} characters or fewer.";
        }

        // Optional here: a note can be about the customer in general.
        var property = string.IsNullOrWhiteSpace(input.PropertyId) ? null : RequestFormRules.Property(customer, input.PropertyId, errors);
        Visit? visit = null;
        if (!string.IsNullOrWhiteSpace(input.VisitId))
        {
            visit = long.TryParse(input.VisitId, NumberStyles.None, CultureInfo.InvariantCulture, out var visitId)
                ? await visits.GetForCustomerAsync(customer.Id, visitId, cancellationToken)
                : null;
            if (visit is null)
            {
                errors["VisitId"] = "Choose one of your visits from the list.";
            }
        }

        if (errors.Count > 0)
        {
            return ServiceRequestResult.Invalid(errors);
        }

        var note = new ServiceNote
        {
            CustomerId = customer.Id,
            CustomerName = Cut(customer.DisplayName, ServiceRequestsModel.LabelLength),
            PropertyId = property?.Id ?? visit?.PropertyId,
            PropertyText = property is not null ? CustomerProperties.Describe(property, ServiceRequestsModel.LabelLength) : visit?.Location is { } l ? Cut(l, ServiceRequestsModel.LabelLength) : null,
            VisitId = visit?.Id,
            VisitText = visit is null ? null : Cut(await DescribeVisitAsync(visit, cancellationToken), ServiceRequestsModel.LabelLength),
            Body = body,
            SubmittedBy = Cut(input.SubmittedBy, ServiceRequestsModel.PersonLength),
            SubmitterEmail = input.SubmitterEmail ?? customer.PrimaryEmail,
            CreatedUtc = clock.GetUtcNow(),
        };
        db.Set<ServiceNote>().Add(note);
        await emails.NoteReceivedAsync(note, customer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceRequestResult.Ok(note.Id);
    }

    /// <summary>Staff answer (or correct their answer to) a note; the customer sees it and is emailed.</summary>
    public async Task<ServiceRequestResult> AnswerAsync(long noteId, string? answer, string staffName, CancellationToken cancellationToken)
    {
        var text = answer?.Trim() ?? "";
        if (text.Length == 0 || text.Length > ServiceRequestsModel.TextLength)
        {
            return ServiceRequestResult.Invalid(new Dictionary<string, string>
            {
                ["Answer"] = text.Length == 0 ? "Write your answer to the customer." : $"Keep the answer to {ServiceRequestsModel.TextLength} characters or fewer.",
            });
        }

        var note = await db.Set<ServiceNote>().FirstOrDefaultAsync(n => n.Id == noteId, cancellationToken);
        if (note is null)
        {
            return ServiceRequestResult.Missing(noteId);
        }

        note.Answer = text;
        note.AnsweredBy = Cut(staffName, ServiceRequestsModel.PersonLength);
        note.AnsweredUtc = clock.GetUtcNow();
        await emails.NoteAnsweredAsync(note, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceRequestResult.Ok(note.Id);
    }

    public Task<ServiceNote?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Set<ServiceNote>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);

    /// <summary>The customer's notes, newest first (their history, in the portal and on the customer's admin page).</summary>
    public async Task<IReadOnlyList<ServiceNote>> ListForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        await db.Set<ServiceNote>().AsNoTracking().Where(n => n.CustomerId == customerId).OrderByDescending(n => n.Id).ToListAsync(cancellationToken);

    /// <summary>For the staff inbox: unanswered notes only, or all, newest first.</summary>
    public async Task<IReadOnlyList<ServiceNote>> ListAsync(bool unansweredOnly, CancellationToken cancellationToken)
    {
        var query = db.Set<ServiceNote>().AsNoTracking();
        if (unansweredOnly)
        {
            query = query.Where(n => n.AnsweredUtc == null);
        }

        return await query.OrderByDescending(n => n.Id).ToListAsync(cancellationToken);
    }

    public Task<int> CountUnansweredAsync(CancellationToken cancellationToken) =>
        db.Set<ServiceNote>().CountAsync(n => n.AnsweredUtc == null, cancellationToken);

    /// <summary>"Extra visit on Dec 3, 2026, 8:00 AM" in the company's time zone.</summary>
    public async Task<string> DescribeVisitAsync(Visit visit, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(cancellationToken);
        var local = TimeZoneInfo.ConvertTime(visit.WindowStartUtc, profile.TimeZone);
        return $"{visit.ServiceName} on {local.ToString("MMM d, yyyy, h:mm tt", CultureInfo.InvariantCulture)}";
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
