namespace OrchardPortal.PortalUsers.Models;

/// <summary>
/// A single-use secret carried in an emailed link. Only the SHA-256 of the token is stored, so reading
/// the database does not give anyone a usable link. Tokens live in the tenant's own database, so a
/// token simply does not exist on another tenant.
/// </summary>
public sealed class PortalToken
{
    public long Id { get; set; }

    /// <summary>Upper-case hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }

    public PortalTokenPurpose Purpose { get; set; }

    public long UserId { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset ExpiresUtc { get; set; }

    /// <summary>When it was used, or when a newer link of the same purpose replaced it.</summary>
    public DateTimeOffset? UsedUtc { get; set; }
}

/// <summary>What a link does.</summary>
public enum PortalTokenPurpose
{
    /// <summary>"Activate account": set a first password (lifetime per tenant, default 14 days).</summary>
    Invitation,

    /// <summary>"Choose a new password" (60 minutes).</summary>
    PasswordReset,

    /// <summary>One-time sign-in without a password (15 minutes).</summary>
    SignInLink,
}
