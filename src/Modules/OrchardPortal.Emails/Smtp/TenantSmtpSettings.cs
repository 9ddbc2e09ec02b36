using OrchardPortal.Core.Email;

namespace OrchardPortal.Emails.Smtp;

/// <summary>
/// A tenant's own mail server, kept in its <c>EmailSmtp</c> settings document. The password is stored
/// only as Data Protection ciphertext bound to the tenant (<see cref="SmtpPasswordProtector"/>).
/// </summary>
public sealed class TenantSmtpSettings
{
    public const string DocumentName = "EmailSmtp";

    /// <summary>Empty = the tenant has no server of its own (the platform's default, or the pickup folder, is used).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, StartTls (port 587) or SslOnConnect (implicit TLS, port 465).</summary>
    public SmtpTlsMode Security { get; set; } = SmtpTlsMode.StartTls;

    public string? UserName { get; set; }

    public string? ProtectedPassword { get; set; }

    public string? FromName { get; set; }

    public string? FromAddress { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>What staff typed on the settings page (the password in clear, or blank to keep the saved one).</summary>
public sealed class SmtpSettingsInput
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpTlsMode Security { get; set; } = SmtpTlsMode.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? FromName { get; set; }

    public string? FromAddress { get; set; }

    public static SmtpSettingsInput From(TenantSmtpSettings settings) => new()
    {
        Host = settings.Host,
        Port = settings.Port,
        Security = settings.Security,
        UserName = settings.UserName,
        FromName = settings.FromName,
        FromAddress = settings.FromAddress,
    };
}
