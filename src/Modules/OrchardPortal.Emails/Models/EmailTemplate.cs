namespace OrchardPortal.Emails.Models;

/// <summary>A tenant's version of one email (one row per <see cref="Core.Email.Templates.EmailTemplateKeys"/> key), in Liquid.</summary>
public sealed class EmailTemplate
{
    /// <summary>One of <see cref="Core.Email.Templates.EmailTemplateKeys.All"/>.</summary>
    public required string Key { get; set; }

    /// <summary>One line of Liquid.</summary>
    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>The plain-text part in Liquid; null = generated from the rendered HTML.</summary>
    public string? TextBody { get; set; }

    /// <summary>Goes up by one on every save: with the tenant and key it names the compiled template in the cache.</summary>
    public int Version { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Who saved it (a staff email, or "Portal setup" for the recipe).</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>Why this version last failed while sending (the default was sent instead), for staff to see.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorUtc { get; set; }
}
