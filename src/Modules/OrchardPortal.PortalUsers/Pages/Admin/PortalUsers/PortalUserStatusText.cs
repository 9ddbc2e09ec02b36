using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>How a portal user's state reads in the admin: Invited, Active, Disabled, or Locked after too many failed sign-ins.</summary>
public static class PortalUserStatusText
{
    public static string Describe(PortalUserStatus status) => status switch
    {
        PortalUserStatus.Active => "Active",
        PortalUserStatus.Disabled => "Disabled",
        _ => "Invited",
    };

    public static string Describe(PortalUser user, DateTimeOffset now) =>
        user.Status != PortalUserStatus.Disabled && user.LockedUntilUtc > now ? "Locked" : Describe(user.Status);

    public static string BadgeClass(PortalUserStatus status) => status switch
    {
        PortalUserStatus.Active => "badge-success",
        PortalUserStatus.Disabled => "badge-danger",
        _ => "badge-warning",
    };

    public static string BadgeClass(PortalUser user, DateTimeOffset now) =>
        user.Status != PortalUserStatus.Disabled && user.LockedUntilUtc > now ? "badge-danger" : BadgeClass(user.Status);
}
