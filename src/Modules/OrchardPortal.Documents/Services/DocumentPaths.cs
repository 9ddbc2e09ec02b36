namespace OrchardPortal.Documents.Services;

/// <summary>The Documents URLs, shared by pages, the menu and views.</summary>
public static class DocumentPaths
{
    public const string Admin = "/admin/documents";
    public const string AdminUpload = "/admin/documents/upload";
    public const string Portal = "/documents";

    public static string AdminForCustomer(long customerId) => $"{Admin}?customer={customerId}";

    public static string AdminDownload(long id) => $"{Admin}/{id}/download";

    public static string AdminDelete(long id) => $"{Admin}/{id}/delete";

    public static string PortalDownload(long id) => $"{Portal}/{id}/download";
}
