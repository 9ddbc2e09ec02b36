using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Portal.Services;

/// <summary>
/// Gives theme templates the <c>portal.*</c> globals: the navigation tabs this visitor may see, the
/// current tab, the signed-in customer (or nil) and the portal switches that change what pages show.
/// </summary>
public sealed class PortalGlobalsProvider(PortalSettingsService settings, IPortalAccessPolicy policy, ICurrentPortalCustomer current) : IThemeGlobalsProvider
{
    public const string SignInPath = "/sign-in";

    public async Task ContributeAsync(ThemeRenderContext context, CancellationToken cancellationToken)
    {
        var portal = await settings.GetAsync(cancellationToken);
        var customer = context.Kind == ThemeRenderKind.Page ? await current.GetAsync(cancellationToken) : null;
        // Tab links and the current tab are worked out against this prefix when the portal is shown elsewhere.
        var basePath = context.Items.GetValueOrDefault(ThemeRenderItems.PortalBasePath) as string ?? "";
        var path = context.HttpContext?.Request.Path.Value ?? "";
        if (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase))
        {
            path = path[basePath.Length..] is { Length: > 0 } rest ? rest : "/";
        }

        var tabs = await policy.VisibleTabsForAsync(customer, cancellationToken);
        var currentTab = tabs.FirstOrDefault(t => string.Equals(t.Path, path, StringComparison.OrdinalIgnoreCase));

        var globals = context.Section("portal");
        globals["tabs"] = tabs.Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["key"] = t.Key,
            ["title"] = t.Title,
            ["url"] = basePath.Length == 0 ? t.Path : t == PortalTabs.Home ? basePath : basePath + t.Path,
            ["description"] = t.Description,
            ["current"] = ReferenceEquals(t, currentTab),
        }).ToList();
        globals["current_tab"] = currentTab?.Key;
        globals["customer"] = customer is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = customer.Id, ["name"] = customer.Name };
        globals["logins_enabled"] = portal.EnableLogins;
        globals["sign_in_url"] = SignInPath;
        globals["auto_pay_enabled"] = portal.EnableAutoPay;
        globals["show_charges_in_history"] = portal.ShowChargesInHistory;
        globals["show_payments_in_history"] = portal.ShowPaymentsInHistory;
    }
}
