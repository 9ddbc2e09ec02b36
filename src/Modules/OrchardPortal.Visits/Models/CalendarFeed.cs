namespace OrchardPortal.Visits.Models;

/// <summary>
/// A customer's private calendar feed address. Only the SHA-256 of its token is kept, so the database
/// alone cannot produce a working URL; resetting replaces the hash, which revokes the old URL.
/// </summary>
public sealed class CalendarFeed
{
    public long CustomerId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the URL.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
