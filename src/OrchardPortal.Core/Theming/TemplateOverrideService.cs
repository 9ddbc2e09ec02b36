using Microsoft.EntityFrameworkCore;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Liquid;

namespace OrchardPortal.Core.Theming;

/// <summary>A view of the active theme as the template editor lists it.</summary>
public sealed record TemplateSummary(string View, bool IsCustomised, DateTimeOffset? UpdatedUtc, string? UpdatedBy, string? LastError, DateTimeOffset? LastErrorUtc);

/// <summary>One view for the editor: the theme's original beside the tenant's version, if any.</summary>
public sealed record TemplateDetails(string Theme, string View, string Original, string? Custom, int Version, DateTimeOffset? UpdatedUtc, string? UpdatedBy, string? LastError, DateTimeOffset? LastErrorUtc);

/// <summary>Why a template was refused: a syntax error carries the 1-based line and column.</summary>
public sealed record TemplateError(string Message, int? Line = null, int? Column = null, string? Excerpt = null)
{
    public override string ToString() => Line is null ? Message : $"Line {Line}, column {Column}: {Message}";
}

public sealed record TemplateSaveResult(IReadOnlyList<TemplateError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// A tenant's overrides of its active theme's views: checked before saving (syntax with line and column,
/// sandbox limits, a trial render with the tenant's real values), saved with a new version, reset to the
/// theme's original. Every change drops the tenant's compiled templates.
/// </summary>
public sealed class TemplateOverrideService(
    TenantDbContext db, ThemeSettingsService themes, ThemeEngine engine, ThemeRenderer renderer, TenantScope scope, TimeProvider clock)
{
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var theme = await themes.GetActiveThemeAsync(cancellationToken);
        var rows = await db.Set<TemplateOverride>().AsNoTracking().Where(o => o.Theme == theme.Name).ToDictionaryAsync(o => o.View, StringComparer.Ordinal, cancellationToken);
        return theme.Views.Select(view => rows.TryGetValue(view, out var row)
            ? new TemplateSummary(view, true, row.UpdatedUtc, row.UpdatedBy, row.LastError, row.LastErrorUtc)
            : new TemplateSummary(view, false, null, null, null, null)).ToList();
    }

    /// <summary>The view for the editor, or null when the active theme has no such view.</summary>
    public async Task<TemplateDetails?> GetAsync(string view, CancellationToken cancellationToken)
    {
        var theme = await themes.GetActiveThemeAsync(cancellationToken);
        if (!theme.HasView(view))
        {
            return null;
        }

        var row = await db.Set<TemplateOverride>().AsNoTracking().FirstOrDefaultAsync(o => o.Theme == theme.Name && o.View == view, cancellationToken);
        return new TemplateDetails(theme.Name, view, theme.GetViewSource(view)!, row?.Source, row?.Version ?? 0, row?.UpdatedUtc, row?.UpdatedBy, row?.LastError, row?.LastErrorUtc);
    }

    /// <summary>Checks <paramref name="source"/> and, when it passes, saves it as the tenant's version of <paramref name="view"/>.</summary>
    public async Task<TemplateSaveResult> SaveAsync(string view, string source, string updatedBy, CancellationToken cancellationToken)
    {
        var theme = await themes.GetActiveThemeAsync(cancellationToken);
        if (!theme.HasView(view))
        {
            return Fail(new TemplateError($"The theme '{theme.Name}' has no template named '{view}'."));
        }

        source = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(source))
        {
            return Fail(new TemplateError("The template is empty. To go back to the theme's version, use \"Reset to default\"."));
        }

        var error = await renderer.TryRenderAsync(view, source, cancellationToken);
        if (error is not null)
        {
            return Fail(Describe(error));
        }

        var row = await db.Set<TemplateOverride>().FirstOrDefaultAsync(o => o.Theme == theme.Name && o.View == view, cancellationToken);
        if (row is null)
        {
            row = new TemplateOverride { Theme = theme.Name, View = view, Source = source };
            db.Add(row);
        }

        row.Source = source;
        row.Version++;
        row.UpdatedUtc = clock.GetUtcNow();
        row.UpdatedBy = updatedBy.Length > 254 ? updatedBy[..254] : updatedBy;
        row.LastError = null;
        row.LastErrorUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        engine.Invalidate(scope.Required.Name);
        return new TemplateSaveResult([]);
    }

    /// <summary>Goes back to the theme's original; true when there was an override to remove.</summary>
    public async Task<bool> ResetAsync(string view, CancellationToken cancellationToken)
    {
        var theme = await themes.GetActiveThemeAsync(cancellationToken);
        var removed = await db.Set<TemplateOverride>().Where(o => o.Theme == theme.Name && o.View == view).ExecuteDeleteAsync(cancellationToken);
        engine.Invalidate(scope.Required.Name);
        return removed > 0;
    }

    /// <summary>A message staff can act on for any template problem.</summary>
    public static TemplateError Describe(LiquidException error) => error switch
    {
        LiquidParseException parse when parse.Line > 0 => new TemplateError(parse.Reason, parse.Line, parse.Column, parse.Excerpt),
        LiquidLimitException limit => new TemplateError(LimitMessage(limit.LimitName)),
        _ => new TemplateError("The template failed when we tried it with your portal's values: " + error.Message),
    };

    private static string LimitMessage(string limit) => limit switch
    {
        LiquidLimits.SourceSizeName => "The template is too long.",
        LiquidLimits.ParseDepthName => "The template nests tags or expressions too deeply.",
        LiquidLimits.LoopIterationsName => "The template loops too many times.",
        LiquidLimits.OutputSizeName => "The template writes too much output.",
        LiquidLimits.TimeoutName => "The template takes too long to render.",
        _ => $"The template does too much work (limit: {limit}).",
    };

    private static TemplateSaveResult Fail(TemplateError error) => new([error]);
}
