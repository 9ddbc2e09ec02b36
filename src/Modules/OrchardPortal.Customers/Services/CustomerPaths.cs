namespace OrchardPortal.Customers.Services;

/// <summary>The Customers admin URLs, shared by pages, the menu and the dashboard.</summary>
public static class CustomerPaths
{
    public const string List = "/admin/customers";
    public const string New = "/admin/customers/new";
    public const string Requests = "/admin/customers/requests";

    public static string Details(long id) => $"/admin/customers/{id}";

    public static string Edit(long id) => $"/admin/customers/{id}/edit";
}
