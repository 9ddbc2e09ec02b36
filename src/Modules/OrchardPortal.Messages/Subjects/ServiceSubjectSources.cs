using System.Globalization;
using OrchardPortal.Core.Theming;
using OrchardPortal.Messages.Models;
using OrchardPortal.Portal.Models;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Services;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;

namespace OrchardPortal.Messages.Subjects;

/// <summary>The customer's visits, through the Visits module's VisitService; labelled with the day in the company's time zone.</summary>
internal sealed class VisitSubjectSource(VisitService visits, SiteProfileService profiles) : IMessageSubjectSource
{
    // The new-message form lists the most recent ones; an older visit can still be named by URL (?about=visit:ID).
    private const int ListedVisits = 20;

    public MessageSubjectKind Kind => MessageSubjectKind.Visit;

    public async Task<MessageSubject?> FindAsync(long customerId, long id, CancellationToken cancellationToken) =>
        await visits.GetForCustomerAsync(customerId, id, cancellationToken) is { } visit
            ? Describe(visit, await profiles.GetAsync(cancellationToken))
            : null;

    public async Task<IReadOnlyList<MessageSubject>> ListAsync(long customerId, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(cancellationToken);
        return [.. (await visits.ForCustomerAsync(customerId, cancellationToken)).Take(ListedVisits).Select(v => Describe(v, profile))];
    }

    private static MessageSubject Describe(Visit visit, SiteProfile profile)
    {
        var day = TimeZoneInfo.ConvertTime(visit.WindowStartUtc, profile.TimeZone).ToString("MMM d, yyyy", profile.Culture);
        return new(MessageSubjectKind.Visit, visit.Id, $"Visit on {day} ({visit.ServiceName})", VisitPaths.PortalVisit(visit.Id), PortalTabs.Schedule.Key, VisitPaths.AdminDetails(visit.Id));
    }
}

/// <summary>The customer's service requests, through the ServiceRequests module's ServiceRequestService.</summary>
internal sealed class ServiceRequestSubjectSource(ServiceRequestService requests) : IMessageSubjectSource
{
    private const int ListedRequests = 20;

    public MessageSubjectKind Kind => MessageSubjectKind.ServiceRequest;

    public async Task<MessageSubject?> FindAsync(long customerId, long id, CancellationToken cancellationToken) =>
        await requests.GetForCustomerAsync(customerId, id, cancellationToken) is { } request ? Describe(request) : null;

    public async Task<IReadOnlyList<MessageSubject>> ListAsync(long customerId, CancellationToken cancellationToken) =>
        [.. (await requests.ListForCustomerAsync(customerId, cancellationToken)).Take(ListedRequests).Select(Describe)];

    private static MessageSubject Describe(ServiceRequest request) =>
        new(MessageSubjectKind.ServiceRequest, request.Id, $"Service request #{request.Id.ToString(CultureInfo.InvariantCulture)} ({request.ServiceName})",
            ServiceRequestPaths.PortalRequest(request.Id), PortalTabs.RequestService.Key, ServiceRequestPaths.Request(request.Id));
}
