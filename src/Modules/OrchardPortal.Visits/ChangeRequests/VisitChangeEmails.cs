using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Security;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Services;
using OrchardPortal.Visits.Delays;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Visits.ChangeRequests;

/// <summary>
/// The two emails of a reschedule/skip request, from the tenant's templates: to the office's notification
/// addresses when a customer asks (<c>visit-change-requested</c>), and to the person who asked when staff
/// decide (<c>visit-change-decision</c>). Both are enqueued, never saved here: the caller's save commits them.
/// </summary>
public sealed class VisitChangeEmails(
    IEmailTemplateService templates, IEmailOutbox outbox, PortalSettingsService portal, CustomerService customers, VisitClock clock, VisitLinks links)
{
    public async Task EnqueueRequestedAsync(VisitChangeRequest request, Visit visit, CancellationToken cancellationToken)
    {
        var settings = await portal.GetAsync(cancellationToken);
        var customer = await customers.GetAsync(request.CustomerId, cancellationToken);
        if (settings.NotificationEmails.Count == 0 || customer is null)
        {
            return;
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = VisitEmailModel.Customer(customer),
            ["visit"] = await VisitEmailModel.VisitAsync(visit, clock, cancellationToken),
            ["request"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["kind"] = KindText(request.Kind),
                ["preferred"] = request.PreferredDates ?? "",
                ["notes"] = request.Notes ?? "",
                ["requested_by"] = request.RequestedBy,
            },
            ["link"] = links.Absolute(VisitPaths.AdminRequest(request.Id)),
        };
        foreach (var to in settings.NotificationEmails)
        {
            outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.VisitChangeRequested, to, null, model, cancellationToken));
        }
    }

    public async Task EnqueueDecisionAsync(VisitChangeRequest request, Visit visit, CancellationToken cancellationToken)
    {
        var customer = await customers.GetAsync(request.CustomerId, cancellationToken);
        var to = EmailAddress.Normalize(request.RequestedByEmail ?? "") ?? EmailAddress.Normalize(customer?.PrimaryEmail ?? "");
        if (customer is null || to is null)
        {
            return;
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["customer"] = VisitEmailModel.Customer(customer),
            ["visit"] = await VisitEmailModel.VisitAsync(visit, clock, cancellationToken),
            ["kind"] = KindText(request.Kind),
            ["approved"] = request.Status == VisitChangeStatus.Approved,
            ["reason"] = request.DeclineReason ?? "",
            ["link"] = links.Absolute(VisitPaths.PortalVisit(visit.Id)),
        };
        var name = request.RequestedByEmail is null ? customer.DisplayName : request.RequestedBy;
        outbox.Enqueue(await templates.RenderAsync(EmailTemplateKeys.VisitChangeDecision, to, name, model, cancellationToken));
    }

    /// <summary>"reschedule" or "skip": what the templates test with <c>kind == 'skip'</c>.</summary>
    public static string KindText(VisitChangeKind kind) => kind == VisitChangeKind.Skip ? "skip" : "reschedule";
}
