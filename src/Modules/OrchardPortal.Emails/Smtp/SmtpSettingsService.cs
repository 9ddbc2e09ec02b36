using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Security;
using OrchardPortal.Core.Settings;
using OrchardPortal.Core.Tenancy;

namespace OrchardPortal.Emails.Smtp;

/// <summary>Where a tenant's mail goes right now, for the settings page to say plainly.</summary>
public enum MailRoute
{
    TenantServer,
    HostDefault,
    PickupFolder,
}

/// <summary>
/// Reads, checks and saves a tenant's SMTP settings; builds the sender they describe; sends a test
/// message with unsaved values. Saving drops the tenant's cached sender so the next email uses it.
/// </summary>
public sealed class SmtpSettingsService(
    SiteSettingsService settings,
    TenantScope scope,
    SmtpPasswordProtector protector,
    TenantEmailSenderResolver resolver,
    IOptionsMonitor<SmtpOptions> hostSmtp,
    IOptions<TenancyOptions> tenancy)
{
    public const int MaxNameLength = 200;
    public const int MaxHostLength = 253;
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(10);

    public Task<TenantSmtpSettings> GetAsync(CancellationToken cancellationToken) =>
        settings.GetAsync<TenantSmtpSettings>(TenantSmtpSettings.DocumentName, cancellationToken);

    public async Task<MailRoute> RouteAsync(CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).IsConfigured ? MailRoute.TenantServer
        : string.IsNullOrWhiteSpace(hostSmtp.CurrentValue.Host) ? MailRoute.PickupFolder
        : MailRoute.HostDefault;

    /// <summary>Problems by field name (<c>Host</c>, <c>Port</c>, …); empty when the input can be saved.</summary>
    public static Dictionary<string, string> Validate(SmtpSettingsInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = input.Host?.Trim() ?? "";
        if (host.Length > MaxHostLength || host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or '@'))
        {
            errors[nameof(input.Host)] = "Enter just the server's name, e.g. smtp.example.com (no spaces, port or http://).";
        }

        if (input.Port is < 1 or > 65535)
        {
            errors[nameof(input.Port)] = "The port is a number from 1 to 65535 (usually 587, 465 or 25).";
        }

        if (!Enum.IsDefined(input.Security))
        {
            errors[nameof(input.Security)] = "Choose STARTTLS, SSL/TLS or None.";
        }

        if (!string.IsNullOrWhiteSpace(input.FromAddress) && EmailAddress.Normalize(input.FromAddress) is null)
        {
            errors[nameof(input.FromAddress)] = "Enter a full email address, like office@example.com.";
        }

        if (input.FromName is { } name && (name.Trim().Length > MaxNameLength || name.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            errors[nameof(input.FromName)] = $"Keep the sender name to one line of at most {MaxNameLength} characters.";
        }

        if ((input.UserName?.Length ?? 0) > 254)
        {
            errors[nameof(input.UserName)] = "The user name is too long.";
        }

        return errors;
    }

    public async Task<Dictionary<string, string>> SaveAsync(SmtpSettingsInput input, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }

        var current = await GetAsync(cancellationToken);
        var tenant = scope.Required.Name;
        var next = new TenantSmtpSettings
        {
            Host = Clean(input.Host),
            Port = input.Port,
            Security = input.Security,
            UserName = Clean(input.UserName),
            // Blank means "keep": the saved password is never sent back to the browser to be re-posted.
            ProtectedPassword = string.IsNullOrEmpty(input.Password) ? current.ProtectedPassword : protector.Protect(tenant, input.Password),
            FromName = Clean(input.FromName),
            FromAddress = EmailAddress.Normalize(input.FromAddress),
        };
        if (next.UserName is null)
        {
            next.ProtectedPassword = null;
        }

        await settings.SaveAsync(TenantSmtpSettings.DocumentName, next, cancellationToken);
        resolver.Invalidate(tenant);
        return errors;
    }

    /// <summary>Sends one message straight to the server on the form (not through the outbox); null on success, else the server's error in words.</summary>
    public async Task<string?> SendTestAsync(SmtpSettingsInput input, string to, string companyName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Host))
        {
            return "Enter your mail server's host name first.";
        }

        var current = await GetAsync(cancellationToken);
        var password = string.IsNullOrEmpty(input.Password) ? protector.Unprotect(scope.Required.Name, current.ProtectedPassword) : input.Password;
        var settingsToTry = new TenantSmtpSettings
        {
            Host = Clean(input.Host), Port = input.Port, Security = input.Security, UserName = Clean(input.UserName),
            FromName = Clean(input.FromName), FromAddress = EmailAddress.Normalize(input.FromAddress),
        };
        var sender = CreateSender(settingsToTry, password, companyName, TestTimeout);
        var message = new OutboundEmail
        {
            To = to,
            Subject = $"Test email from {companyName}",
            HtmlBody = $"<p>This is a test email from your customer portal's mail settings.</p><p>If you can read this, {System.Net.WebUtility.HtmlEncode(input.Host)} delivered it.</p>",
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TestTimeout + TimeSpan.FromSeconds(2));
            await sender.SendAsync(message, Guid.NewGuid(), timeout.Token);
            return null;
        }
        catch (Exception exception) when (exception is SmtpException or InvalidOperationException or OperationCanceledException or IOException or PermanentEmailFailureException)
        {
            return Describe(exception);
        }
    }

    /// <summary>The sender for these settings (the tenant's own server).</summary>
    public SmtpEmailSender CreateSender(TenantSmtpSettings tenantSettings, string? password, string companyName, TimeSpan? timeout = null)
    {
        var host = hostSmtp.CurrentValue;
        var options = new SmtpOptions
        {
            Host = tenantSettings.Host,
            Port = tenantSettings.Port,
            TlsMode = tenantSettings.Security,
            UserName = tenantSettings.UserName,
            Password = password,
            Timeout = timeout ?? host.Timeout,
        };
        var address = tenantSettings.FromAddress ?? (string.IsNullOrWhiteSpace(host.FromAddress) ? $"no-reply@{tenancy.Value.RootDomain}" : host.FromAddress.Trim());
        var from = new MailAddress(address, tenantSettings.FromName ?? companyName, Encoding.UTF8);
        return new SmtpEmailSender(options, from);
    }

    private static string Describe(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return $"The server did not answer within {TestTimeout.TotalSeconds:0} seconds. Check the host name and port.";
        }

        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!parts.Contains(e.Message, StringComparer.Ordinal))
            {
                parts.Add(e.Message);
            }
        }

        return string.Join(" ", parts);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
