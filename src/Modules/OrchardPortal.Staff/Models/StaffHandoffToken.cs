namespace OrchardPortal.Staff.Models;

/// <summary>
/// A one-time, short-lived sign-in link minted on the host site at signup and spent on the tenant's
/// site, because the signup's own cookie cannot cross from the host name to the tenant's.
/// </summary>
public sealed class StaffHandoffToken
{
    /// <summary>SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset ExpiresUtc { get; set; }
}
