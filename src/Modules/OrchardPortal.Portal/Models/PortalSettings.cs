namespace OrchardPortal.Portal.Models;

/// <summary>The tenant's <c>Portal</c> settings document: which tabs customers get and how the portal behaves.</summary>
public sealed class PortalSettings
{
    public const string SettingsName = "Portal";

    public const int MaxNotificationEmails = 10;

    /// <summary>Keys of the tabs customers see (<see cref="PortalTabs"/>).</summary>
    public List<string> EnabledTabs { get; set; } = [.. PortalTabs.DefaultEnabled];

    /// <summary>Customers may turn on automatic payment with a saved card.</summary>
    public bool EnableAutoPay { get; set; }

    public bool ShowChargesInHistory { get; set; } = true;

    public bool ShowPaymentsInHistory { get; set; } = true;

    /// <summary>Customers may sign in to the portal at all.</summary>
    public bool EnableLogins { get; set; } = true;

    /// <summary>Staff addresses that receive service notes and service requests from customers.</summary>
    public List<string> NotificationEmails { get; set; } = [];

    public bool IsTabEnabled(string key) => EnabledTabs.Contains(key, StringComparer.Ordinal);
}
