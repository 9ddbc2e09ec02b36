using OrchardPortal.Core.Settings;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>Reads and saves the tenant's <see cref="PortalUsersSettings"/> (invitation lifetime).</summary>
public sealed class PortalUsersSettingsService(SiteSettingsService settings)
{
    public Task<PortalUsersSettings> GetAsync(CancellationToken cancellationToken) =>
        settings.GetAsync<PortalUsersSettings>(PortalUsersSettings.SettingsName, cancellationToken);

    /// <summary>Returns problems keyed by field (<c>InvitationLifetimeDays</c>); empty when valid.</summary>
    public static Dictionary<string, string> Validate(PortalUsersSettings value)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.InvitationLifetimeDays is < PortalUsersSettings.MinInvitationLifetimeDays or > PortalUsersSettings.MaxInvitationLifetimeDays)
        {
            errors[nameof(PortalUsersSettings.InvitationLifetimeDays)] =
                $"Invitation links can last {PortalUsersSettings.MinInvitationLifetimeDays} to {PortalUsersSettings.MaxInvitationLifetimeDays} days.";
        }

        return errors;
    }

    /// <summary>Validates and saves; nothing is saved when there are problems. Links already sent keep their expiry.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(PortalUsersSettings value, CancellationToken cancellationToken)
    {
        var errors = Validate(value);
        if (errors.Count == 0)
        {
            await settings.SaveAsync(PortalUsersSettings.SettingsName, value, cancellationToken);
        }

        return errors;
    }
}
