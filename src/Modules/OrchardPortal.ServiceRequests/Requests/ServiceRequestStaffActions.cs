using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.ServiceRequests.Data;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Services;

namespace OrchardPortal.ServiceRequests.Requests;

/// <summary>
/// What staff do to a request: move it to a status with a message the customer sees (and is emailed, in
/// the same commit), and remember the estimate or visit made from it. A stale page changes nothing.
/// </summary>
public sealed class ServiceRequestStaffActions(TenantDbContext db, ServiceRequestEmails emails, TimeProvider clock)
{
    public const string ConcurrencyMessage =
        "Someone else updated this request while you were looking at it. Nothing was changed: check what they did, then try again.";

    public async Task<ServiceRequestResult> ChangeStatusAsync(StatusChange change, CancellationToken cancellationToken)
    {
        var message = change.Message?.Trim();
        if (message?.Length > ServiceRequestsModel.TextLength)
        {
            return ServiceRequestResult.Invalid(new Dictionary<string, string> { ["Message"] = $"Keep the message to {ServiceRequestsModel.TextLength} characters or fewer." });
        }

        if (!Enum.IsDefined(change.Status))
        {
            return ServiceRequestResult.Invalid(new Dictionary<string, string> { ["Status"] = "Choose a status from the list." });
        }

        var request = await db.Set<ServiceRequest>().Include(r => r.Photos).FirstOrDefaultAsync(r => r.Id == change.RequestId, cancellationToken);
        if (request is null)
        {
            return ServiceRequestResult.Missing(change.RequestId);
        }

        if (request.Version != change.ExpectedVersion)
        {
            return ServiceRequestResult.Refused(ConcurrencyMessage, request.Id);
        }

        if (request.Status == change.Status && string.IsNullOrEmpty(message))
        {
            return ServiceRequestResult.Invalid(new Dictionary<string, string> { ["Message"] = $"The request is already {StatusText.StaffLabel(change.Status).ToLowerInvariant()}. Choose another status, or write a message to send the customer." });
        }

        var update = Record(request, change.Status, string.IsNullOrEmpty(message) ? null : message, change.StaffName);
        await emails.StatusChangedAsync(request, update, cancellationToken);
        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>Links the draft estimate made from the request and marks it Quoted (the customer hears when the estimate is sent).</summary>
    public Task<ServiceRequestResult> LinkEstimateAsync(long requestId, int expectedVersion, long estimateId, string staffName, CancellationToken cancellationToken) =>
        LinkAsync(requestId, expectedVersion, staffName, r => r.EstimateId = estimateId, ServiceRequestStatus.Quoted, message: null, cancellationToken);

    /// <summary>Links the visit scheduled from the request, marks it Scheduled and tells the customer when.</summary>
    public Task<ServiceRequestResult> LinkVisitAsync(long requestId, int expectedVersion, long visitId, string staffName, string message, CancellationToken cancellationToken) =>
        LinkAsync(requestId, expectedVersion, staffName, r => r.VisitId = visitId, ServiceRequestStatus.Scheduled, message, cancellationToken);

    private async Task<ServiceRequestResult> LinkAsync(
        long requestId, int expectedVersion, string staffName, Action<ServiceRequest> link, ServiceRequestStatus status, string? message, CancellationToken cancellationToken)
    {
        var request = await db.Set<ServiceRequest>().Include(r => r.Photos).FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return ServiceRequestResult.Missing(requestId);
        }

        if (request.Version != expectedVersion)
        {
            return ServiceRequestResult.Refused(ConcurrencyMessage, request.Id);
        }

        link(request);
        var update = Record(request, status, message, staffName);
        if (message is not null)
        {
            await emails.StatusChangedAsync(request, update, cancellationToken);
        }

        return await SaveAsync(request, cancellationToken);
    }

    private ServiceRequestUpdate Record(ServiceRequest request, ServiceRequestStatus status, string? message, string staffName)
    {
        var now = clock.GetUtcNow();
        var update = new ServiceRequestUpdate
        {
            ServiceRequestId = request.Id,
            Status = status,
            Message = message,
            StaffName = staffName.Length <= ServiceRequestsModel.PersonLength ? staffName : staffName[..ServiceRequestsModel.PersonLength],
            CreatedUtc = now,
        };
        db.Set<ServiceRequestUpdate>().Add(update);
        request.Status = status;
        request.UpdatedUtc = now;
        request.Version++;
        return update;
    }

    private async Task<ServiceRequestResult> SaveAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ServiceRequestResult.Ok(request.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceRequestResult.Refused(ConcurrencyMessage, request.Id);
        }
    }
}
