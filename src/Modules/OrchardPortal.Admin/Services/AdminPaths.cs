namespace OrchardPortal.Admin.Services;

/// <summary>The admin shell's well-known URLs, shared by the layout and the modules that serve them.</summary>
public static class AdminPaths
{
    public const string Dashboard = "/admin";
    public const string Login = "/admin/login";
    public const string Logout = "/admin/logout";
    public const string ChangePassword = "/admin/account/password";
    public const string AccessDenied = "/admin/access-denied";

    /// <summary>Admin pages use this layout (pages under <c>Pages/Admin/</c> get it from its <c>_ViewStart</c>).</summary>
    public const string Layout = "/Pages/Shared/_AdminLayout.cshtml";

    /// <summary>The navigation-free layout for sign-in, invitation and similar pages.</summary>
    public const string BareLayout = "/Pages/Shared/_AdminBareLayout.cshtml";
}
