using OrchardPortal.Core.Security;
using OrchardPortal.Portal.Models;
using OrchardPortal.PortalUsers.Data;
using OrchardPortal.PortalUsers.Models;

namespace OrchardPortal.PortalUsers.Services;

/// <summary>Checks what staff typed for a portal user; messages are keyed by field.</summary>
internal static class PortalUserValidator
{
    public static Dictionary<string, string> Validate(string? email, string? name, PortalUserPermissions? permissions, out string normalizedEmail, out string cleanName)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        normalizedEmail = EmailAddress.Normalize(email) ?? "";
        if (normalizedEmail.Length == 0)
        {
            errors["Email"] = string.IsNullOrWhiteSpace(email) ? "Enter the person's email address." : $"“{email!.Trim()}” is not an email address.";
        }

        cleanName = (name ?? "").ReplaceLineEndings(" ").Trim();
        if (cleanName.Length == 0)
        {
            errors["Name"] = "Enter the person's name.";
        }
        else if (cleanName.Length > PortalUsersModel.NameLength)
        {
            errors["Name"] = $"Use at most {PortalUsersModel.NameLength} characters.";
        }

        if (permissions is null)
        {
            errors["Tabs"] = "Choose what the person may see.";
        }
        else if (permissions.Tabs?.FirstOrDefault(k => PortalTabs.Find(k) is null) is { } unknown)
        {
            errors["Tabs"] = $"Unknown portal tab '{unknown}'.";
        }

        return errors;
    }

    public static string TakenMessage(string email) => $"{email} already has a portal account. Each person signs in with their own email address.";
}
