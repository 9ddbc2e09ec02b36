using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Security;
using OrchardPortal.Core.Theming;
using OrchardPortal.Emails.Catalog;
using OrchardPortal.Emails.Data;
using OrchardPortal.Emails.Models;
using OrchardPortal.Liquid;

namespace OrchardPortal.Emails.Templates;

/// <summary>A template as the admin list shows it.</summary>
public sealed record EmailTemplateSummary(EmailTemplateDefinition Definition, bool IsDefault, DateTimeOffset? UpdatedUtc, string? UpdatedBy, string? LastError);

/// <summary>A template as the editor shows it: what is in effect now (the tenant's, or the default).</summary>
public sealed record EmailTemplateDetails(EmailTemplateDefinition Definition, EmailTemplateContent Content, bool IsDefault, DateTimeOffset? UpdatedUtc, string? UpdatedBy, string? LastError, DateTimeOffset? LastErrorUtc);

/// <summary>The staff side of email templates: list, check and save, reset, preview and send a sample.</summary>
public sealed class EmailTemplateEditor(
    TenantDbContext db,
    EmailTemplateService templates,
    EmailTemplateValidator validator,
    EmailTemplateDefaults defaults,
    IEmailOutbox outbox,
    TimeProvider clock)
{
    public const string SamplePrefix = "[Sample] ";

    public async Task<IReadOnlyList<EmailTemplateSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<EmailTemplate>().AsNoTracking().ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, cancellationToken);
        return EmailTemplateCatalog.All.Select(d => rows.TryGetValue(d.Key, out var row)
            ? new EmailTemplateSummary(d, false, row.UpdatedUtc, row.UpdatedBy, row.LastError)
            : new EmailTemplateSummary(d, true, null, null, null)).ToList();
    }

    public async Task<EmailTemplateDetails?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var definition = EmailTemplateCatalog.Find(key);
        if (definition is null)
        {
            return null;
        }

        var row = await db.Set<EmailTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        return row is null
            ? new EmailTemplateDetails(definition, defaults.Find(key) ?? new EmailTemplateContent("", "", null), true, null, null, null, null)
            : new EmailTemplateDetails(definition, new EmailTemplateContent(row.Subject, row.HtmlBody, row.TextBody), false, row.UpdatedUtc, row.UpdatedBy, row.LastError, row.LastErrorUtc);
    }

    /// <summary>Checks the template (syntax with line and column, then a trial render with the sample data) and saves it only when it passes.</summary>
    public async Task<IReadOnlyList<EmailTemplateFieldError>> SaveAsync(string key, EmailTemplateContent content, string updatedBy, CancellationToken cancellationToken)
    {
        content = content.Normalized();
        var (_, errors) = await PreviewAsync(key, content, cancellationToken);
        if (errors.Count == 0)
        {
            await StoreAsync(key, content, updatedBy, cancellationToken);
        }

        return errors;
    }

    /// <summary>Renders unsaved content with the sample data; returns the email or why it cannot be rendered.</summary>
    public async Task<(RenderedEmail? Email, IReadOnlyList<EmailTemplateFieldError> Errors)> PreviewAsync(string key, EmailTemplateContent content, CancellationToken cancellationToken)
    {
        var definition = EmailTemplateCatalog.Find(key) ?? throw new ArgumentException($"Unknown email template '{key}'.", nameof(key));
        content = content.Normalized();
        var errors = validator.Validate(content);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        try
        {
            const string sampleAddress = "jordan.rivera@example.com";
            var email = await templates.RenderContentAsync(content, WithRecipient(definition, sampleAddress), sampleAddress, "Jordan Rivera", cancellationToken);
            return (email, []);
        }
        catch (LiquidException exception)
        {
            return (null, [new EmailTemplateFieldError(nameof(content.HtmlBody), TemplateOverrideService.Describe(exception))]);
        }
    }

    /// <summary>Writes the template as the tenant's version (no checks: callers validate first).</summary>
    public async Task StoreAsync(string key, EmailTemplateContent content, string updatedBy, CancellationToken cancellationToken)
    {
        var row = await db.Set<EmailTemplate>().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (row is null)
        {
            row = new EmailTemplate { Key = key, Subject = "", HtmlBody = "" };
            db.Add(row);
        }

        row.Subject = content.Subject;
        row.HtmlBody = content.HtmlBody;
        row.TextBody = content.TextBody;
        row.Version++;
        row.UpdatedUtc = clock.GetUtcNow();
        row.UpdatedBy = updatedBy.Length > EmailsModel.PersonLength ? updatedBy[..EmailsModel.PersonLength] : updatedBy;
        row.LastError = null;
        row.LastErrorUtc = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Goes back to the shipped default; true when the tenant had its own version.</summary>
    public async Task<bool> ResetAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<EmailTemplate>().Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Queues the saved template, rendered with the sample data, to <paramref name="address"/>; false when the address is not usable.</summary>
    public async Task<bool> SendSampleAsync(string key, string? address, CancellationToken cancellationToken)
    {
        var definition = EmailTemplateCatalog.Find(key) ?? throw new ArgumentException($"Unknown email template '{key}'.", nameof(key));
        var to = EmailAddress.Normalize(address);
        if (to is null)
        {
            return false;
        }

        var email = await templates.RenderAsync(key, to, "Jordan Rivera", WithRecipient(definition, to), cancellationToken);
        await outbox.SendNowAsync(email with { Subject = SamplePrefix + email.Subject }, cancellationToken);
        return true;
    }

    private static Dictionary<string, object?> WithRecipient(EmailTemplateDefinition definition, string address)
    {
        var model = new Dictionary<string, object?>(definition.SampleModel(), StringComparer.Ordinal)
        {
            ["recipient"] = EmailTemplateCatalog.SampleRecipient(address),
        };
        return model;
    }
}
