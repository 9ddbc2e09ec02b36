namespace OrchardPortal.Portal.Services;

/// <summary>The Portal module's admin pages.</summary>
public static class PortalAdminPaths
{
    public const string Settings = "/admin/portal/settings";
    public const string Theme = "/admin/portal/theme";
    public const string Templates = "/admin/portal/templates";
    public const string EditTemplate = "/admin/portal/templates/edit";
}
