namespace OrchardPortal.PortalUsers.Models;

/// <summary>
/// A person who signs in to a customer's portal. A customer may have several (spouses, a property
/// manager), each with their own email, password and tab permissions. Other modules read portal users
/// through <see cref="Services.PortalUserService"/>; entities it returns are detached snapshots.
/// </summary>
public sealed class PortalUser
{
    public long Id { get; set; }

    /// <summary>The Customers module's customer id (read through CustomerService, never its tables).</summary>
    public long CustomerId { get; set; }

    /// <summary>Normalized address; unique per tenant.</summary>
    public required string Email { get; set; }

    public required string Name { get; set; }

    /// <summary>ASP.NET Core Identity's password hash; null while <see cref="PortalUserStatus.Invited"/>.</summary>
    public string? PasswordHash { get; set; }

    public PortalUserStatus Status { get; set; } = PortalUserStatus.Invited;

    /// <summary>Space-separated tab keys the user may open; null means every tab the customer may see.</summary>
    public string? AllowedTabs { get; set; }

    /// <summary>May pay (the Payments tab and "Pay now" need it).</summary>
    public bool CanPay { get; set; } = true;

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntilUtc { get; set; }

    /// <summary>Changes on password change, disable and removal: cookies carrying an older stamp stop working.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset? LastSignInUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the latest invitation was sent, or null when never invited.</summary>
    public DateTimeOffset? InvitedUtc { get; set; }

    /// <summary>When the user first set a password.</summary>
    public DateTimeOffset? ActivatedUtc { get; set; }

    /// <summary>The user's permissions as a value (tabs null = every tab the customer may see).</summary>
    public PortalUserPermissions Permissions => new(PortalUserPermissions.ParseTabs(AllowedTabs), CanPay);
}

/// <summary>Where a portal user's account stands.</summary>
public enum PortalUserStatus
{
    /// <summary>Added or invited; no password yet. Can activate with an invitation link.</summary>
    Invited,

    /// <summary>Has a password and may sign in.</summary>
    Active,

    /// <summary>Staff turned the account off: no sign-in, existing sessions end.</summary>
    Disabled,
}
