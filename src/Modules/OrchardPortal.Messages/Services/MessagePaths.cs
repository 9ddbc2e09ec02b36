using System.Globalization;

namespace OrchardPortal.Messages.Services;

/// <summary>The Messages URLs (docs/messages.md), shared by pages, the menu, views and emails.</summary>
public static class MessagePaths
{
    public const string Portal = "/messages";
    public const string PortalNew = "/messages/new";
    public const string Admin = "/admin/messages";
    public const string AdminNew = "/admin/messages/new";

    public static string PortalThread(long id) => Portal + "/" + Id(id);

    public static string PortalNewAbout(string about) => PortalNew + "?about=" + Uri.EscapeDataString(about);

    public static string PortalAttachment(long threadId, long attachmentId) => PortalThread(threadId) + "/attachments/" + Id(attachmentId);

    public static string AdminThread(long id) => Admin + "/" + Id(id);

    public static string AdminAttachment(long attachmentId) => Admin + "/attachments/" + Id(attachmentId);

    public static string AdminNewFor(long customerId, string? about = null) =>
        AdminNew + "?customer=" + Id(customerId) + (about is null ? "" : "&about=" + Uri.EscapeDataString(about));

    public static string AdminForCustomer(long customerId) => Admin + "?customer=" + Id(customerId);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
