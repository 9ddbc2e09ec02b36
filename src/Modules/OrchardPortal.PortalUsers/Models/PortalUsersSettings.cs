namespace OrchardPortal.PortalUsers.Models;

/// <summary>The tenant's <c>PortalUsers</c> settings document (read and saved through <see cref="Services.PortalUsersSettingsService"/>).</summary>
public sealed class PortalUsersSettings
{
    public const string SettingsName = "PortalUsers";

    public const int MinInvitationLifetimeDays = 1;
    public const int MaxInvitationLifetimeDays = 90;

    /// <summary>How long an invitation link works.</summary>
    public int InvitationLifetimeDays { get; set; } = 14;
}
