namespace OrchardPortal.ServiceRequests.Models;

/// <summary>
/// A customer's request for a service (from the catalogue, or "something else" they describe). What was
/// chosen is copied onto the row (service name, price, property text) so the request still reads the same
/// after the catalogue or the customer's addresses change.
/// </summary>
public sealed class ServiceRequest
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public string CustomerName { get; set; } = "";

    /// <summary>The catalogue entry chosen, or null for "something else".</summary>
    public long? CatalogItemId { get; set; }

    public required string ServiceName { get; set; }

    /// <summary>The catalogue price when the request was made (minor units); null = quote needed or something else.</summary>
    public long? Price { get; set; }

    public string? Currency { get; set; }

    /// <summary>What the customer wants done; required for "something else".</summary>
    public string? Description { get; set; }

    /// <summary>The customer's service property (an address id of the Customers module).</summary>
    public long? PropertyId { get; set; }

    public string? PropertyText { get; set; }

    /// <summary>The first day that suits the customer (in the company's calendar).</summary>
    public DateOnly PreferredFrom { get; set; }

    /// <summary>The last day that suits them; null means "on <see cref="PreferredFrom"/>, or as soon as possible after".</summary>
    public DateOnly? PreferredTo { get; set; }

    public PreferredTime PreferredTime { get; set; }

    public string? Notes { get; set; }

    public ServiceRequestStatus Status { get; set; } = ServiceRequestStatus.New;

    /// <summary>The portal user who sent it.</summary>
    public string SubmittedBy { get; set; } = "";

    /// <summary>Where the office's updates are emailed: the portal user who sent it (or the customer's primary address).</summary>
    public string? SubmitterEmail { get; set; }

    /// <summary>The draft estimate staff made from this request (Billing), if any.</summary>
    public long? EstimateId { get; set; }

    /// <summary>The visit staff scheduled from this request (Visits), if any.</summary>
    public long? VisitId { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Bumped on every staff change, so two people updating at once can't overwrite each other unknowingly.</summary>
    public int Version { get; set; }

    public List<ServiceRequestPhoto> Photos { get; set; } = [];

    public List<ServiceRequestUpdate> Updates { get; set; } = [];
}

/// <summary>Where a request stands. Staff move it; the customer sees it.</summary>
public enum ServiceRequestStatus
{
    New,
    Scheduled,
    Quoted,
    Declined,
    Done,
}

/// <summary>The part of the day the customer prefers.</summary>
public enum PreferredTime
{
    Any,
    Morning,
    Afternoon,
}

/// <summary>A photo the customer attached; the bytes live in the Documents module's store under <see cref="StorageId"/>.</summary>
public sealed class ServiceRequestPhoto
{
    public long Id { get; set; }

    public long ServiceRequestId { get; set; }

    public required string FileName { get; set; }

    /// <summary>Decided from the bytes (JPEG, PNG, HEIC or WebP), never the browser's claim.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    public required string StorageId { get; set; }
}

/// <summary>A staff change of status, with the message the customer sees (one row per change: the request's history).</summary>
public sealed class ServiceRequestUpdate
{
    public long Id { get; set; }

    public long ServiceRequestId { get; set; }

    public ServiceRequestStatus Status { get; set; }

    public string? Message { get; set; }

    public string StaffName { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }
}
