namespace OrchardPortal.Core.Email;

/// <summary>
/// An email a feature wants sent. Hand it to <see cref="IEmailOutbox"/>; it is delivered after the
/// caller's change commits.
/// </summary>
public sealed record OutboundEmail
{
    /// <summary>The recipient's address; must pass <see cref="Security.EmailAddress.Normalize"/>.</summary>
    public required string To { get; init; }

    /// <summary>The recipient's display name, e.g. "Olivia Owner".</summary>
    public string? ToName { get; init; }

    public required string Subject { get; init; }

    public required string HtmlBody { get; init; }

    /// <summary>The plain-text part; generated from <see cref="HtmlBody"/> when null.</summary>
    public string? TextBody { get; init; }

    /// <summary>Where replies go, when not to the sender (e.g. the tenant's office address).</summary>
    public string? ReplyTo { get; init; }
}
