namespace OrchardPortal.PortalUsers.Models;

/// <summary>
/// What one portal user may do within their customer's portal: open which tabs (null = every tab the
/// customer may see) and whether they may pay.
/// </summary>
/// <param name="Tabs">Keys of <c>PortalTabs</c> the user may open, or null for all of the customer's tabs.</param>
/// <param name="CanPay">May use the Payments tab and "Pay now".</param>
public sealed record PortalUserPermissions(IReadOnlySet<string>? Tabs, bool CanPay)
{
    /// <summary>Every tab the customer may see, and paying.</summary>
    public static PortalUserPermissions Full { get; } = new(null, true);

    /// <summary>The stored form: space-separated keys, or null for all tabs.</summary>
    public static string? FormatTabs(IReadOnlySet<string>? tabs) => tabs is null ? null : string.Join(' ', tabs.Order(StringComparer.Ordinal));

    public static IReadOnlySet<string>? ParseTabs(string? stored) =>
        stored is null ? null : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
