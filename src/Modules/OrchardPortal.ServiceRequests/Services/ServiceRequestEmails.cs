using System.Globalization;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Customers.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Requests;

namespace OrchardPortal.ServiceRequests.Services;

/// <summary>
/// The module's emails, rendered from the tenant's templates (staff can edit them under Emails) and put in
/// the outbox in the caller's unit of work, so each commits with the change that caused it. The office's
/// notification addresses (portal settings) hear about new requests and notes; the customer hears about
/// status changes and answers. What people typed goes in as variables, so the HTML part is escaped.
/// </summary>
public sealed class ServiceRequestEmails(IEmailTemplateService templates, IEmailOutbox outbox, PortalSettingsService portal, TenantLinks links)
{
    public async Task RequestReceivedAsync(ServiceRequest request, Customer customer, CancellationToken cancellationToken)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = CustomerModel(customer),
            ["request"] = RequestModel(request),
            ["link"] = Absolute(ServiceRequestPaths.Request(request.Id)),
        };
        await ToOfficeAsync(EmailTemplateKeys.ServiceRequestReceived, model, cancellationToken);
    }

    /// <summary>Tells whoever sent the request that staff moved it (with their message); nothing when no address is known.</summary>
    public async Task StatusChangedAsync(ServiceRequest request, ServiceRequestUpdate update, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SubmitterEmail))
        {
            return;
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = OneLine(request.CustomerName) },
            ["request"] = RequestModel(request),
            ["status"] = StatusText.Label(update.Status),
            ["message"] = update.Message ?? "",
            ["link"] = Absolute(ServiceRequestPaths.PortalRequest(request.Id)),
        };
        outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.ServiceRequestUpdate, request.SubmitterEmail, OneLine(request.SubmittedBy), model, cancellationToken));
    }

    public async Task NoteReceivedAsync(ServiceNote note, Customer customer, CancellationToken cancellationToken)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = CustomerModel(customer),
            ["note"] = NoteModel(note),
            ["link"] = Absolute(ServiceRequestPaths.NotesInbox),
        };
        await ToOfficeAsync(EmailTemplateKeys.ServiceNoteReceived, model, cancellationToken);
    }

    public async Task NoteAnsweredAsync(ServiceNote note, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(note.SubmitterEmail))
        {
            return;
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = OneLine(note.CustomerName) },
            ["note"] = NoteModel(note),
            ["link"] = Absolute(ServiceRequestPaths.PortalNotes),
        };
        outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.ServiceNoteAnswered, note.SubmitterEmail, OneLine(note.SubmittedBy), model, cancellationToken));
    }

    private async Task ToOfficeAsync(string key, Dictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var settings = await portal.GetAsync(cancellationToken);
        foreach (var to in settings.NotificationEmails)
        {
            outbox.Enqueue(await templates.RenderAsync(key, to, null, model, cancellationToken));
        }
    }

    private static Dictionary<string, object?> CustomerModel(Customer customer) => new(StringComparer.Ordinal)
    {
        ["name"] = OneLine(customer.DisplayName),
        ["account_number"] = customer.AccountNumber,
    };

    private static Dictionary<string, object?> RequestModel(ServiceRequest request) => new(StringComparer.Ordinal)
    {
        ["number"] = request.Id.ToString(CultureInfo.InvariantCulture),
        ["service"] = request.ServiceName,
        ["property"] = request.PropertyText ?? "",
        ["preferred"] = RequestFormRules.Describe(request.PreferredFrom, request.PreferredTo, request.PreferredTime),
        ["description"] = request.Description ?? "",
        ["notes"] = request.Notes ?? "",
        ["photo_count"] = request.Photos.Count,
        ["submitted_by"] = request.SubmittedBy,
    };

    private static Dictionary<string, object?> NoteModel(ServiceNote note) => new(StringComparer.Ordinal)
    {
        ["body"] = note.Body,
        ["property"] = note.PropertyText ?? "",
        ["visit"] = note.VisitText ?? "",
        ["answer"] = note.Answer ?? "",
        ["submitted_by"] = note.SubmittedBy,
    };

    // Absolute even when no request is there (a background job): an email client cannot follow a bare path.
    private string Absolute(string path) => links.Absolute(path);

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();
}
