using Microsoft.Extensions.Options;
using OrchardPortal.Core.Security;

namespace OrchardPortal.Core.Email;

/// <summary>Bound from <c>Email:Smtp</c>. Without a <see cref="Host"/>, mail goes to each tenant's pickup folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Shorthand for <see cref="SmtpTlsMode.StartTls"/> when <see cref="TlsMode"/> is not set.</summary>
    public bool EnableSsl { get; set; }

    public SmtpTlsMode? TlsMode { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address; defaults to <c>no-reply@{Tenancy:RootDomain}</c>.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender's display name; defaults to the tenant's company name.</summary>
    public string? FromName { get; set; }

    /// <summary>How long one send may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public SmtpTlsMode EffectiveTlsMode => TlsMode ?? (EnableSsl ? SmtpTlsMode.StartTls : SmtpTlsMode.None);

    /// <summary>
    /// Replaces the system's certificate check; only tests set it (a test server's self-signed
    /// certificate). Not bound from configuration: production always checks the server's certificate.
    /// </summary>
    internal System.Net.Security.RemoteCertificateValidationCallback? CertificateValidation { get; init; }
}

public enum SmtpTlsMode
{
    /// <summary>Plain SMTP (local relays, test servers).</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>Bound from <c>Email:Outbox</c>: how the dispatcher paces and retries.</summary>
public sealed class OutboxOptions
{
    /// <summary>Off on a node that should only enqueue (and in tests that need mail to stay put).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher checks for retries that have come due (signals wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim holds; after that a message stuck in Sending (a crash) is retried.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 50;

    public int MaxConcurrentTenants { get; set; } = 4;

    /// <summary>
    /// Workers sending one tenant's mail at once, each over its own pooled SMTP session (a bulk
    /// invitation's thousands of messages). Also the most messages in flight when a server dies mid-batch.
    /// </summary>
    public int MaxConcurrentSendsPerTenant { get; set; } = 8;

    /// <summary>
    /// Messages a worker claims with one update and then sends one after another. Keep
    /// <c>MessagesPerClaim × Smtp:Timeout</c> well under <see cref="ClaimDuration"/> (5 × 30 s ≪ 5 min).
    /// </summary>
    public int MessagesPerClaim { get; set; } = 5;

    /// <summary>Wait before retrying a tenant whose database could not be read.</summary>
    public TimeSpan TenantErrorDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Waits after the 1st, 2nd, … failed attempt; once exhausted the message is Failed. Empty = the defaults.</summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    /// <summary>30 s, 2 min, 10 min, 1 h, 4 h, 12 h, 24 h: eight attempts over about 41 hours.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(4), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    /// <summary>The wait after failed attempt number <paramref name="attempts"/>, or null to give up.</summary>
    public TimeSpan? RetryDelayAfter(int attempts)
    {
        // The configuration binder appends to a pre-filled array, so defaults live apart from the setting.
        IReadOnlyList<TimeSpan> delays = RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;
        return attempts >= 1 && attempts <= delays.Count ? delays[attempts - 1] : null;
    }
}

/// <summary>Refuses settings we cannot honour at start-up rather than at the first send.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!string.IsNullOrWhiteSpace(options.FromAddress) && EmailAddress.Normalize(options.FromAddress) is null)
        {
            failures.Add($"Email:Smtp:FromAddress '{options.FromAddress}' is not a usable email address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
