using System.Globalization;

namespace OrchardPortal.ServiceRequests.Services;

/// <summary>The module's URLs: staff pages under /admin, and the portal's (beside the tabs the Portal module serves).</summary>
public static class ServiceRequestPaths
{
    public const string Inbox = "/admin/service-requests";
    public const string Catalogue = "/admin/service-catalogue";
    public const string NewCatalogItem = "/admin/service-catalogue/new";
    public const string NotesInbox = "/admin/service-notes";

    /// <summary>The portal's Request service tab (GET shows it, POST sends a request).</summary>
    public const string PortalRequests = "/request-service";

    /// <summary>The portal's Service notes tab (GET shows it, POST sends a note).</summary>
    public const string PortalNotes = "/service-notes";

    public static string Request(long id) => Inbox + "/" + Id(id);

    public static string RequestPhoto(long requestId, long photoId) => Request(requestId) + "/photos/" + Id(photoId);

    public static string EditCatalogItem(long id) => Catalogue + "/" + Id(id) + "/edit";

    public static string Note(long id) => NotesInbox + "/" + Id(id);

    /// <summary>One of the customer's requests in the portal: its status and the office's messages.</summary>
    public static string PortalRequest(long id) => PortalRequests + "/" + Id(id);

    public static string PortalRequestPhoto(long requestId, long photoId) => PortalRequest(requestId) + "/photos/" + Id(photoId);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
