using System.Collections.Frozen;

namespace OrchardPortal.Core.Tenancy;

/// <summary>
/// The rules a subdomain must follow. The reserved list lives here and nowhere else.
/// </summary>
public static class TenantNameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    /// <summary>Names that would collide with our own services or mislead customers.</summary>
    public static FrozenSet<string> Reserved { get; } = new[]
    {
        "www", "admin", "api", "app", "apps", "mail", "email", "smtp", "imap", "pop", "portal", "portals",
        "static", "assets", "cdn", "media", "files", "img", "images", "js", "css", "help", "support",
        "status", "docs", "blog", "billing", "pay", "payments", "account", "accounts", "login", "signin",
        "signup", "register", "auth", "oauth", "sso", "dashboard", "operator", "host", "root", "system",
        "test", "demo", "dev", "staging", "prod", "localhost", "ns1", "ns2", "ftp", "webmail", "security",
        "orchard", "orchardportal", "internal", "sandbox",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Returns null when <paramref name="name"/> is a valid, non-reserved subdomain, else the reason.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Choose a subdomain for your portal.";
        }

        if (name.Length < MinLength || name.Length > MaxLength)
        {
            return $"Use {MinLength} to {MaxLength} characters.";
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return "Use only lower-case letters a–z, digits and hyphens.";
            }
        }

        if (name[0] == '-' || name[^1] == '-')
        {
            return "A subdomain can't start or end with a hyphen.";
        }

        if (name.Contains("--", StringComparison.Ordinal))
        {
            return "A subdomain can't contain two hyphens in a row.";
        }

        if (Reserved.Contains(name))
        {
            return $"“{name}” is reserved. Please pick another name.";
        }

        return null;
    }

    /// <summary>Lower-cases and trims what a user typed, so "Acme " and "acme" are the same request.</summary>
    public static string Normalize(string? name) => (name ?? "").Trim().ToLowerInvariant();
}
