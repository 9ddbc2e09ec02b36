using OrchardPortal.ServiceRequests.Models;

namespace OrchardPortal.ServiceRequests.Services;

/// <summary>How a request's status reads to people (the customer and staff see the same words).</summary>
public static class StatusText
{
    public static string Label(ServiceRequestStatus status) => status switch
    {
        ServiceRequestStatus.New => "Received",
        ServiceRequestStatus.Scheduled => "Scheduled",
        ServiceRequestStatus.Quoted => "Quoted",
        ServiceRequestStatus.Declined => "Declined",
        ServiceRequestStatus.Done => "Done",
        _ => status.ToString(),
    };

    /// <summary>Staff see "New" (nobody has looked yet); customers see "Received".</summary>
    public static string StaffLabel(ServiceRequestStatus status) => status == ServiceRequestStatus.New ? "New" : Label(status);

    public static IReadOnlyList<ServiceRequestStatus> All { get; } = Enum.GetValues<ServiceRequestStatus>();
}
