namespace OrchardPortal.Content.Models;

/// <summary>One publication of a page: what went live, when, and who published it. Never changed afterwards.</summary>
public sealed class ContentVersion
{
    public Guid Id { get; set; }

    public string PageKey { get; set; } = "";

    public int Number { get; set; }

    public string Html { get; set; } = "";

    public DateTimeOffset PublishedUtc { get; set; }

    public string PublishedBy { get; set; } = "";

}
