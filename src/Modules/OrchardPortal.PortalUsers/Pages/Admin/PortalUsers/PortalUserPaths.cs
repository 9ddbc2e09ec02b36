namespace OrchardPortal.PortalUsers.Pages.Admin.PortalUsers;

/// <summary>The portal-users admin URLs, shared by the pages, the menu and the customer details page's links.</summary>
public static class PortalUserPaths
{
    public const string Manage = "/admin/portal-users";

    public static string ForCustomer(long customerId) => $"/admin/customers/{customerId}/portal-users";

    public static string New(long customerId) => $"/admin/customers/{customerId}/portal-users/new";

    public static string Edit(long customerId, long userId) => $"/admin/customers/{customerId}/portal-users/{userId}";
}
