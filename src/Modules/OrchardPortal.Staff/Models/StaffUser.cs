using OrchardPortal.Staff.Services;

namespace OrchardPortal.Staff.Models;

/// <summary>A person who works in a tenant's admin: the company's owner or one of its office staff.</summary>
public sealed class StaffUser
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Normalized (trimmed, lower-case) address; unique within the tenant.</summary>
    public required string Email { get; set; }

    public required string Name { get; set; }

    public StaffRole Role { get; set; } = StaffRole.Staff;

    /// <summary>Null until the person has chosen a password (an invitation still pending).</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever existing sign-ins must stop working (password change, disable).</summary>
    public string SecurityStamp { get; set; } = StaffTokens.NewStamp();

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockoutEndUtc { get; set; }

    public DateTimeOffset? InvitedUtc { get; set; }

    /// <summary>SHA-256 of the newest invitation link's token; the token itself is only ever in the email.</summary>
    public string? InvitationTokenHash { get; set; }

    public DateTimeOffset? InvitationExpiresUtc { get; set; }

    public DateTimeOffset? InvitationAcceptedUtc { get; set; }

    public DateTimeOffset? LastSignInUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public bool Disabled { get; set; }

    public bool IsInvitationPending => PasswordHash is null;
}
