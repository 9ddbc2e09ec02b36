using OrchardPortal.Core.Theming;
using OrchardPortal.Liquid;

namespace OrchardPortal.Emails.Templates;

/// <summary>A problem with one field of an email template (<c>Subject</c>, <c>HtmlBody</c> or <c>TextBody</c>).</summary>
public sealed record EmailTemplateFieldError(string Field, TemplateError Error);

/// <summary>
/// Checks an email template the same way wherever it comes from (the editor, a recipe): a one-line
/// subject, a body, and Liquid that parses under the theme's rules, with line and column on errors.
/// </summary>
public sealed class EmailTemplateValidator(ThemeEngine engine)
{
    public const int MaxSubjectLength = 998;

    public IReadOnlyList<EmailTemplateFieldError> Validate(EmailTemplateContent content)
    {
        var errors = new List<EmailTemplateFieldError>();
        if (content.Subject.Length == 0)
        {
            errors.Add(new(nameof(content.Subject), new TemplateError("The subject is empty.")));
        }
        else if (content.Subject.Contains('\n', StringComparison.Ordinal) || content.Subject.Contains('\r', StringComparison.Ordinal))
        {
            errors.Add(new(nameof(content.Subject), new TemplateError("The subject must be one line.")));
        }
        else if (content.Subject.Length > MaxSubjectLength)
        {
            errors.Add(new(nameof(content.Subject), new TemplateError($"Keep the subject under {MaxSubjectLength} characters.")));
        }
        else
        {
            Check(nameof(content.Subject), content.Subject, errors);
        }

        if (string.IsNullOrWhiteSpace(content.HtmlBody))
        {
            errors.Add(new(nameof(content.HtmlBody), new TemplateError("The HTML body is empty.")));
        }
        else
        {
            Check(nameof(content.HtmlBody), content.HtmlBody, errors);
        }

        if (content.TextBody is not null)
        {
            Check(nameof(content.TextBody), content.TextBody, errors);
        }

        return errors;
    }

    /// <summary>Parses all three parts; throws the first <see cref="LiquidException"/>.</summary>
    public EmailSourceTemplates Compile(EmailTemplateContent content, string name) => new(
        engine.Environment.Parse(content.Subject, name + ".subject"),
        engine.Environment.Parse(content.HtmlBody, name + ".html"),
        content.TextBody is null ? null : engine.Environment.Parse(content.TextBody, name + ".text"));

    private void Check(string field, string source, List<EmailTemplateFieldError> errors)
    {
        if (engine.Validate(source, field) is { } error)
        {
            errors.Add(new(field, TemplateOverrideService.Describe(error)));
        }
    }
}
