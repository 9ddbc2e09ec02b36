namespace OrchardPortal.PortalUsers.Models;

/// <summary>A bulk send that has been carried out, by the random key its form carried.</summary>
public sealed class PortalBulkRequest
{
    public required string Key { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
