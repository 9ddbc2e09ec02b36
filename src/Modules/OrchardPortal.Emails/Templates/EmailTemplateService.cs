using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Core.Hosting;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Core.Theming;
using OrchardPortal.Emails.Data;
using OrchardPortal.Emails.Models;
using OrchardPortal.Liquid;

namespace OrchardPortal.Emails.Templates;

/// <summary>
/// Renders the tenant's email templates through the theme's email layout. A saved template that fails
/// (it no longer parses, hits a sandbox limit, fails at render) never stops an email: the shipped
/// default is sent instead and the error is kept on the row for staff to see in the editor.
/// </summary>
public sealed class EmailTemplateService(
    TenantDbContext db,
    TenantScope scope,
    IThemeRenderer renderer,
    EmailTemplateCache cache,
    EmailTemplateDefaults defaults,
    EmailTemplateValidator validator,
    TenantLinks links,
    TimeProvider clock,
    ILogger<EmailTemplateService> logger) : IEmailTemplateService
{
    public async Task<OutboundEmail> RenderAsync(string key, string to, string? toName, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        if (!EmailTemplateKeys.All.Contains(key, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not an email template key; see EmailTemplateKeys.", nameof(key));
        }

        var row = await db.Set<EmailTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        var rendered = await RenderAsync(key, row, WithCommonVariables(model, to, toName), cancellationToken);
        return new OutboundEmail { To = to, ToName = OneLine(toName), Subject = rendered.Subject, HtmlBody = rendered.HtmlBody, TextBody = rendered.TextBody };
    }

    /// <summary>Renders <paramref name="content"/> (e.g. unsaved editor text) with no fallback; throws its <see cref="LiquidException"/>.</summary>
    public Task<RenderedEmail> RenderContentAsync(EmailTemplateContent content, IReadOnlyDictionary<string, object?> model, string to, string? toName, CancellationToken cancellationToken)
    {
        var compiled = validator.Compile(content, "draft");
        return RenderCheckedAsync(compiled, WithCommonVariables(model, to, toName), cancellationToken);
    }

    private async Task<RenderedEmail> RenderAsync(string key, EmailTemplate? row, Dictionary<string, object?> model, CancellationToken cancellationToken)
    {
        if (row is not null)
        {
            try
            {
                var tenant = scope.Required.Name;
                var compiled = cache.GetOrCompile(tenant, key, row.Version, () => validator.Compile(new EmailTemplateContent(row.Subject, row.HtmlBody, row.TextBody), $"{tenant}/{key}"));
                return await RenderCheckedAsync(compiled, model, cancellationToken);
            }
            catch (LiquidException exception)
            {
                await RecordFailureAsync(row, exception, cancellationToken);
            }
        }

        var fallback = defaults.FindCompiled(key) ?? throw new InvalidOperationException($"recipes/{EmailTemplateDefaults.RecipeName}.recipe.json has no '{key}' email template.");
        return await RenderCheckedAsync(fallback, model, cancellationToken);
    }

    private async Task<RenderedEmail> RenderCheckedAsync(EmailSourceTemplates templates, Dictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var rendered = await renderer.RenderEmailSourceAsync(templates, model, new ThemeEmailOptions { BaseUrl = links.Origin }, cancellationToken);
        // An email needs a subject: one that renders empty (e.g. {{ missing }}) counts as a broken template.
        if (rendered.Subject.Length == 0 || rendered.Subject.Length > EmailTemplateValidator.MaxSubjectLength)
        {
            throw new LiquidRenderException("The subject came out empty or too long.");
        }

        return rendered;
    }

    private Dictionary<string, object?> WithCommonVariables(IReadOnlyDictionary<string, object?> model, string to, string? toName)
    {
        var variables = new Dictionary<string, object?>(model, StringComparer.Ordinal);
        if (!variables.ContainsKey("recipient"))
        {
            variables["recipient"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = OneLine(toName), ["email"] = to };
        }

        if (!variables.ContainsKey("portal_url"))
        {
            variables["portal_url"] = links.Origin + "/";
        }

        return variables;
    }

    private async Task RecordFailureAsync(EmailTemplate row, LiquidException exception, CancellationToken cancellationToken)
    {
        logger.LogWarning(exception, "Tenant {Tenant}: the email template {Key} (version {Version}) failed; the default was sent instead.", scope.Required.Name, row.Key, row.Version);
        var message = TemplateOverrideService.Describe(exception).ToString();
        message = message.Length > EmailsModel.ErrorLength ? message[..EmailsModel.ErrorLength] : message;
        var now = clock.GetUtcNow();
        // Only this version: a save made meanwhile starts with a clean slate.
        await db.Set<EmailTemplate>().Where(t => t.Key == row.Key && t.Version == row.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastError, message).SetProperty(t => t.LastErrorUtc, now), cancellationToken);
    }

    private static string? OneLine(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.ReplaceLineEndings(" ").Trim();
}
