using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.ServiceRequests.Notes;
using OrchardPortal.ServiceRequests.Services;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.ServiceRequests.CustomerPortal;

/// <summary>What the customer typed in the note form, sent back after a refusal.</summary>
public sealed record NoteFormValues(string? PropertyId = null, string? VisitId = null, string? Body = null);

/// <summary>
/// The ServiceNotes view's model (see docs/service-requests.md): the customer's notes with the office's
/// answers, and the form (their properties, their upcoming and recent visits).
/// </summary>
public sealed class ServiceNotesModel(
    ServiceNoteService notes, CustomerService customers, VisitService visits, IAntiforgery antiforgery, IHttpContextAccessor http)
{
    /// <summary>How many past visits the form offers besides the upcoming ones.</summary>
    public const int RecentVisits = 5;

    public async Task FillAsync(
        PortalCustomer customer, IDictionary<string, object?> model, NoteFormValues values, IReadOnlyDictionary<string, string>? errors, string? notice, CancellationToken cancellationToken)
    {
        errors ??= new Dictionary<string, string>();
        var record = await customers.GetAsync(customer.CustomerId, cancellationToken);
        var properties = record is null ? [] : CustomerProperties.For(record);
        var upcoming = await visits.UpcomingForCustomerAsync(customer.CustomerId, cancellationToken);
        var past = await visits.PastForCustomerAsync(customer.CustomerId, RecentVisits, cancellationToken);
        var visitChoices = new List<object?>();
        foreach (var visit in upcoming.Concat(past))
        {
            var id = visit.Id.ToString(CultureInfo.InvariantCulture);
            visitChoices.Add(new Dictionary<string, object?>
            {
                ["id"] = id,
                ["text"] = await notes.DescribeVisitAsync(visit, cancellationToken),
                ["selected"] = values.VisitId == id,
            });
        }

        var tokens = antiforgery.GetAndStoreTokens(http.HttpContext!);
        model["form"] = new Dictionary<string, object?>
        {
            ["action"] = ServiceRequestPaths.PortalNotes,
            ["antiforgery_field"] = tokens.FormFieldName,
            ["antiforgery_token"] = tokens.RequestToken,
            ["properties"] = properties.Select(a => new Dictionary<string, object?>
            {
                ["id"] = a.Id.ToString(CultureInfo.InvariantCulture),
                ["text"] = CustomerProperties.Describe(a),
                ["selected"] = values.PropertyId == a.Id.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            ["visits"] = visitChoices,
            ["body"] = values.Body ?? "",
            ["errors"] = new Dictionary<string, object?>
            {
                ["body"] = Error(errors, "Body"),
                ["property_id"] = Error(errors, "PropertyId"),
                ["visit_id"] = Error(errors, "VisitId"),
            },
            ["error"] = errors.Count == 0 ? null : Error(errors, "") ?? "Please check the highlighted fields: your note was not sent yet.",
            ["notice"] = notice,
        };

        var list = await notes.ListForCustomerAsync(customer.CustomerId, cancellationToken);
        model["notes"] = list.Select(n => new Dictionary<string, object?>
        {
            ["id"] = n.Id,
            ["body"] = n.Body,
            ["property"] = n.PropertyText,
            ["visit"] = n.VisitText,
            ["sent_at"] = n.CreatedUtc.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
            ["sent_by"] = n.SubmittedBy,
            ["answer"] = n.Answer,
            ["answered_by"] = n.AnsweredBy,
            ["answered_at"] = n.AnsweredUtc?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        }).ToList();
    }

    private static string? Error(IReadOnlyDictionary<string, string> errors, string key) => errors.TryGetValue(key, out var message) ? message : null;
}
