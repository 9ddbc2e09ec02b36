namespace OrchardPortal.Emails;

/// <summary>The Emails module's admin URLs.</summary>
public static class EmailPaths
{
    public const string List = "/admin/emails";
    public const string Edit = "/admin/emails/edit";
    public const string Settings = "/admin/emails/settings";
    public const string Delivery = "/admin/emails/delivery";

    public static string EditTemplate(string key) => Edit + "?key=" + Uri.EscapeDataString(key);
}
