using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.ServiceRequests.Models;
using OrchardPortal.ServiceRequests.Requests;

namespace OrchardPortal.ServiceRequests.Services;

/// <summary>
/// The ServiceRequests module's public contract for customers' service requests: other modules (Messages)
/// read a customer's request through <see cref="GetForCustomerAsync"/>, which answers null for anything
/// that is not that customer's. Scoped to a tenant; returned requests are detached snapshots.
/// </summary>
public sealed partial class ServiceRequestService(TenantDbContext db, ServiceRequestSubmission submission, ServiceRequestStaffActions staff)
{
    /// <summary>The request with its photos and staff updates, or null when it does not exist or is not <paramref name="customerId"/>'s.</summary>
    public Task<ServiceRequest?> GetForCustomerAsync(long customerId, long requestId, CancellationToken cancellationToken) =>
        WithDetails().FirstOrDefaultAsync(r => r.Id == requestId && r.CustomerId == customerId, cancellationToken);

    /// <summary>For staff: any request of the tenant.</summary>
    public Task<ServiceRequest?> GetAsync(long requestId, CancellationToken cancellationToken) =>
        WithDetails().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);

    /// <summary>The customer's requests, newest first, with their staff updates.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> ListForCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        await WithDetails().Where(r => r.CustomerId == customerId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>For the staff inbox: every request, or those in one status, newest first.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> ListAsync(ServiceRequestStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Set<ServiceRequest>().AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        return await query.OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>How many requests nobody has looked at yet (the inbox badge).</summary>
    public Task<int> CountNewAsync(CancellationToken cancellationToken) =>
        db.Set<ServiceRequest>().CountAsync(r => r.Status == ServiceRequestStatus.New, cancellationToken);

    /// <summary>Validates and stores a customer's request with its photos, and emails the office in the same commit.</summary>
    public Task<ServiceRequestResult> SubmitAsync(NewServiceRequest request, CancellationToken cancellationToken) =>
        submission.SubmitAsync(request, cancellationToken);

    /// <summary>Staff move a request to a status with a message the customer sees (and is emailed).</summary>
    public Task<ServiceRequestResult> ChangeStatusAsync(StatusChange change, CancellationToken cancellationToken) =>
        staff.ChangeStatusAsync(change, cancellationToken);

    private IQueryable<ServiceRequest> WithDetails() =>
        db.Set<ServiceRequest>().AsNoTracking()
            .Include(r => r.Photos.OrderBy(p => p.Id))
            .Include(r => r.Updates.OrderBy(u => u.Id))
            .AsSplitQuery();
}
