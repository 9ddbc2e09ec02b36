namespace OrchardPortal.Portal.Models;

/// <summary>One tab of the customer portal: its key (in settings and recipes), URL and theme view.</summary>
public sealed record PortalTab(string Key, string Title, string Path, string View, string Description);

/// <summary>The portal's tabs, in navigation order. Keys are stable: settings documents and recipes use them.</summary>
public static class PortalTabs
{
    public static readonly PortalTab Home = new("home", "Home", "/", "Home", "Welcome and news from us.");
    public static readonly PortalTab Payments = new("payments", "Payments", "/payments", "Payments", "Payments you’ve made, with receipts.");
    public static readonly PortalTab Invoices = new("invoices", "Invoices", "/invoices", "Invoices", "See what you owe and pay online.");
    public static readonly PortalTab Estimates = new("estimates", "Estimates", "/estimates", "Estimates", "Read and approve our quotes.");
    public static readonly PortalTab History = new("history", "History", "/history", "History", "Every visit, charge and payment.");
    public static readonly PortalTab Schedule = new("schedule", "Schedule", "/schedule", "Schedule", "Your upcoming visits, and a link for your calendar.");
    public static readonly PortalTab ServiceNotes = new("service-notes", "Service notes", "/service-notes", "ServiceNotes", "Send us notes about your property or a visit, and read our answers.");
    public static readonly PortalTab RequestService = new("request-service", "Request service", "/request-service", "RequestService", "Ask us for a visit or an extra job.");
    public static readonly PortalTab Documents = new("documents", "Documents", "/documents", "Documents", "Agreements, reports and other files.");
    public static readonly PortalTab Messages = new("messages", "Messages", "/messages", "Messages", "Your conversation with our office.");

    public static IReadOnlyList<PortalTab> All { get; } = [Home, Payments, Invoices, Estimates, History, Schedule, ServiceNotes, RequestService, Documents, Messages];

    public static PortalTab? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));

    /// <summary>The tabs a new portal starts with when no settings were saved.</summary>
    public static IReadOnlyList<string> DefaultEnabled { get; } = [Home.Key, Payments.Key, Invoices.Key, History.Key];
}
