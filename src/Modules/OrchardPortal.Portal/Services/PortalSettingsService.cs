using OrchardPortal.Core.Security;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Core.Theming;
using OrchardPortal.Portal.Models;

namespace OrchardPortal.Portal.Services;

/// <summary>Reads and saves the tenant's <see cref="PortalSettings"/>; a save re-renders the portal from fresh state.</summary>
public sealed class PortalSettingsService(SiteSettingsService settings, ThemeEngine themes, TenantScope scope)
{
    public Task<PortalSettings> GetAsync(CancellationToken cancellationToken) =>
        settings.GetAsync<PortalSettings>(PortalSettings.SettingsName, cancellationToken);

    /// <summary>
    /// Checks and cleans <paramref name="value"/> (known tabs in portal order, normalised unique emails).
    /// Returns problems keyed by field (<c>EnabledTabs</c>, <c>NotificationEmails</c>); empty when valid.
    /// </summary>
    public static Dictionary<string, string> Validate(PortalSettings value)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = value.EnabledTabs.Where(k => PortalTabs.Find(k) is null).ToList();
        if (unknown.Count > 0)
        {
            errors[nameof(PortalSettings.EnabledTabs)] = $"Unknown tab: {string.Join(", ", unknown)}.";
        }
        else if (value.EnabledTabs.Count == 0)
        {
            errors[nameof(PortalSettings.EnabledTabs)] = "Turn on at least one tab, or your customers will have nothing to see.";
        }

        var emails = new List<string>();
        foreach (var raw in value.NotificationEmails.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var email = EmailAddress.Normalize(raw);
            if (email is null)
            {
                errors[nameof(PortalSettings.NotificationEmails)] = $"“{raw}” is not an email address.";
                break;
            }

            if (!emails.Contains(email, StringComparer.Ordinal))
            {
                emails.Add(email);
            }
        }

        if (!errors.ContainsKey(nameof(PortalSettings.NotificationEmails)))
        {
            if (emails.Count == 0)
            {
                errors[nameof(PortalSettings.NotificationEmails)] = "Enter at least one staff email address for service notes and requests.";
            }
            else if (emails.Count > PortalSettings.MaxNotificationEmails)
            {
                errors[nameof(PortalSettings.NotificationEmails)] = $"Enter at most {PortalSettings.MaxNotificationEmails} email addresses.";
            }
        }

        if (errors.Count == 0)
        {
            value.EnabledTabs = PortalTabs.All.Select(t => t.Key).Where(value.EnabledTabs.Contains).ToList();
            value.NotificationEmails = emails;
        }

        return errors;
    }

    /// <summary>Validates and saves; nothing is saved when there are problems.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(PortalSettings value, CancellationToken cancellationToken)
    {
        var errors = Validate(value);
        if (errors.Count > 0)
        {
            return errors;
        }

        await settings.SaveAsync(PortalSettings.SettingsName, value, cancellationToken);
        themes.Invalidate(scope.Required.Name);
        return errors;
    }

    /// <summary>Splits what staff typed (one per line, or separated by commas or semicolons) into addresses.</summary>
    public static List<string> SplitEmails(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
