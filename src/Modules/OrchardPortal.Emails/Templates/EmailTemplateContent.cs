namespace OrchardPortal.Emails.Templates;

/// <summary>The three Liquid sources of one email, as staff edit them and the recipe seeds them.</summary>
/// <param name="Subject">One line.</param>
/// <param name="HtmlBody">The body, shown inside the theme's email layout.</param>
/// <param name="TextBody">The plain-text part; null or empty = generated from the HTML.</param>
public sealed record EmailTemplateContent(string Subject, string HtmlBody, string? TextBody)
{
    /// <summary>Line endings as browsers post them (\r\n) become \n, and an all-blank text part means "generate it".</summary>
    public EmailTemplateContent Normalized() => new(
        (Subject ?? "").Trim(),
        (HtmlBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal),
        string.IsNullOrWhiteSpace(TextBody) ? null : TextBody.Replace("\r\n", "\n", StringComparison.Ordinal));
}
