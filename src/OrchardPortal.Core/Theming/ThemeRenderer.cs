using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Liquid;

namespace OrchardPortal.Core.Theming;

/// <summary>
/// Renders views of the tenant's theme. A tenant's override that fails (bad syntax saved before a
/// rule changed, a sandbox limit, a runtime error) is logged, recorded for staff to see in the admin,
/// and replaced by the theme's original for that render: customers never get a 500 from staff edits.
/// </summary>
public sealed partial class ThemeRenderer(
    TenantScope scope,
    ThemeEngine engine,
    ThemeSettingsService themeSettings,
    SiteProfileService profiles,
    IEnumerable<IThemeGlobalsProvider> providers,
    TenantDbContext db,
    TimeProvider clock,
    IHttpContextAccessor httpContextAccessor,
    ILogger<ThemeRenderer> logger) : IThemeRenderer
{
    public const string DefaultLayout = "Layout";
    public const string EmailLayout = "Emails/Layout";

    public async Task<IResult> RenderPageAsync(string view, IDictionary<string, object?> model, ThemePageOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThemePageOptions();
        var http = httpContextAccessor.HttpContext;
        var render = await PrepareAsync(view, ThemeRenderKind.Page, options.Preview, model, options.Globals, options.Settings, options.Items, "", cancellationToken);
        var page = render.Globals.Section("page");
        if (options.Title is not null || !page.ContainsKey("title"))
        {
            page["title"] = options.Title;
        }

        page["preview"] = options.Preview;
        page["banner"] = options.Banner;
        page["path"] = http?.Request.Path.Value ?? "/";
        var html = await RenderWithLayoutAsync(render, view, DefaultLayout, htmlEncode: true, cancellationToken);
        return new ThemedPageResult(html, options.StatusCode, options.Preview);
    }

    public async Task<RenderedEmail> RenderEmailAsync(string view, IDictionary<string, object?> model, ThemeEmailOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThemeEmailOptions();
        var request = httpContextAccessor.HttpContext?.Request;
        var origin = (options.BaseUrl ?? (request is null ? "" : $"{request.Scheme}://{request.Host}")).TrimEnd('/');
        var name = "Emails/" + view;
        var render = await PrepareAsync(name, ThemeRenderKind.Email, false, model, options.Globals, null, options.Items, origin, cancellationToken);
        var html = await RenderWithLayoutAsync(render, name, EmailLayout, htmlEncode: true, cancellationToken);
        var subject = render.State.Sections.TryGetValue("subject", out var captured) ? Whitespace().Replace(WebUtility.HtmlDecode(captured), " ").Trim() : "";

        string text;
        if (render.Tenant.Theme.HasView(name + ".text"))
        {
            // The plain-text part is not HTML: escaping would show "&amp;" to the reader.
            var textState = render.State.Fresh();
            text = await RenderWithLayoutAsync(render with { State = textState }, name + ".text", layout: "", htmlEncode: false, cancellationToken);
        }
        else
        {
            text = HtmlToText.Convert(html);
        }

        return new RenderedEmail(subject, html, text.Trim());
    }

    /// <summary>
    /// Renders <paramref name="source"/> as if it were the tenant's override of <paramref name="view"/>, with
    /// the tenant's real globals and an empty model, without any fallback: how the template editor checks
    /// a template before saving it. Returns the error, or null when it rendered.
    /// </summary>
    public async Task<LiquidException?> TryRenderAsync(string view, string source, CancellationToken cancellationToken)
    {
        LiquidTemplate template;
        try
        {
            template = engine.Environment.Parse(source, view);
        }
        catch (LiquidException exception)
        {
            return exception;
        }

        var kind = view.StartsWith("Emails/", StringComparison.Ordinal) ? ThemeRenderKind.Email : ThemeRenderKind.Page;
        var render = await PrepareAsync(view, kind, true, new Dictionary<string, object?>(), null, null, null, "", cancellationToken);
        render.Context.HtmlEncode = !view.EndsWith(".text", StringComparison.Ordinal);
        ApplyGlobals(render);
        try
        {
            using (ThemeEngine.UsePartials(render.Tenant))
            {
                template.Render(render.Context);
            }

            return null;
        }
        catch (LiquidException exception)
        {
            return exception;
        }
    }

    private async Task<PreparedRender> PrepareAsync(
        string view,
        ThemeRenderKind kind,
        bool preview,
        IDictionary<string, object?> model,
        IReadOnlyDictionary<string, object?>? globals,
        IReadOnlyDictionary<string, string>? settingOverrides,
        IReadOnlyDictionary<string, object?>? items,
        string assetOrigin,
        CancellationToken cancellationToken)
    {
        var tenantState = await themeSettings.GetStateAsync(cancellationToken);
        var profile = await profiles.GetAsync(cancellationToken);
        var settings = settingOverrides is null ? tenantState.Settings : WithPreviewValues(tenantState, settingOverrides);
        var context = new ThemeRenderContext
        {
            Tenant = scope.Required,
            Theme = tenantState.Theme,
            Site = profile,
            View = view,
            Kind = kind,
            IsPreview = preview,
            HttpContext = httpContextAccessor.HttpContext,
            Settings = settings,
            Items = items ?? new Dictionary<string, object?>(),
        };
        foreach (var provider in providers)
        {
            await provider.ContributeAsync(context, cancellationToken);
        }

        foreach (var (key, value) in model)
        {
            context.Globals[key] = value;
        }

        foreach (var (key, value) in globals ?? new Dictionary<string, object?>())
        {
            if (value is IDictionary<string, object?> members)
            {
                var section = context.Section(key);
                foreach (var (member, memberValue) in members)
                {
                    section[member] = memberValue;
                }
            }
            else
            {
                context.Globals[key] = value;
            }
        }

        var liquid = new TemplateContext(engine.Environment)
        {
            Culture = profile.Culture,
            TimeZone = profile.TimeZone,
            TimeProvider = clock,
            Limits = engine.Options.Limits,
            CancellationToken = cancellationToken,
        };
        var state = new ThemeRenderState { Theme = tenantState.Theme, Currency = profile.Currency, AssetOrigin = assetOrigin };
        liquid.Items[ThemeRenderState.ItemKey] = state;
        return new PreparedRender(tenantState, context, liquid, state);
    }

    private async Task<string> RenderWithLayoutAsync(PreparedRender render, string view, string layout, bool htmlEncode, CancellationToken cancellationToken)
    {
        ApplyGlobals(render);
        render.Context.HtmlEncode = htmlEncode;
        render.Context.Items[ThemeRenderState.ItemKey] = render.State;
        var failures = new List<(CompiledOverride Override, LiquidException Error)>();
        string html;
        using (ThemeEngine.UsePartials(render.Tenant))
        {
            var body = RenderView(render, view, failures);
            var chosen = render.State.Layout ?? layout;
            if (chosen.Length == 0 || (chosen == layout && !render.Tenant.Theme.HasView(layout)))
            {
                html = body;
            }
            else
            {
                render.State.Body = body;
                html = RenderView(render, chosen, failures);
            }
        }

        foreach (var (failed, error) in failures)
        {
            await RecordFailureAsync(failed, error, cancellationToken);
        }

        return html;
    }

    /// <summary>Globals go into the Liquid context last, so values set after <see cref="PrepareAsync"/> (page.*) are included.</summary>
    private static void ApplyGlobals(PreparedRender render)
    {
        foreach (var (key, value) in render.Globals.Globals)
        {
            render.Context.SetValue(key, value);
        }
    }

    private string RenderView(PreparedRender render, string view, List<(CompiledOverride, LiquidException)> failures)
    {
        if (render.Tenant.Overrides.TryGetValue(view, out var custom))
        {
            var layout = render.State.Layout;
            var sections = new Dictionary<string, string>(render.State.Sections, StringComparer.Ordinal);
            try
            {
                return custom.Template.Render(render.Context);
            }
            catch (LiquidException exception)
            {
                failures.Add((custom, exception));
                render.State.Layout = layout;
                render.State.Sections.Clear();
                foreach (var (name, html) in sections)
                {
                    render.State.Sections[name] = html;
                }
            }
        }

        if (!render.Tenant.Theme.HasView(view))
        {
            throw new LiquidRenderException($"The theme '{render.Tenant.Theme.Name}' has no view '{view}'.");
        }

        return engine.GetOriginal(render.Tenant.Theme, view).Render(render.Context);
    }

    private async Task RecordFailureAsync(CompiledOverride failed, LiquidException error, CancellationToken cancellationToken)
    {
        logger.LogWarning(error, "Tenant {Tenant}: the customised template {Theme}/{View} (version {Version}) failed; the theme's original was shown instead.",
            scope.Required.Name, failed.Theme, failed.View, failed.Version);
        if (!failed.FirstFailure())
        {
            return;
        }

        var message = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
        var now = clock.GetUtcNow();
        await db.Set<TemplateOverride>()
            .Where(o => o.Theme == failed.Theme && o.View == failed.View && o.Version == failed.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LastError, message).SetProperty(o => o.LastErrorUtc, now), cancellationToken);
    }

    private static Dictionary<string, string> WithPreviewValues(TenantThemeState state, IReadOnlyDictionary<string, string> overrides)
    {
        var values = new Dictionary<string, string>(state.Settings, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            var definition = state.Theme.Manifest.FindSetting(name);
            if (definition is null)
            {
                continue;
            }

            values[name] = definition.Type == ThemeSettingType.Color ? ColorContrast.Normalize(value) ?? values[name] : value;
        }

        return values;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record PreparedRender(TenantThemeState Tenant, ThemeRenderContext Globals, TemplateContext Context, ThemeRenderState State);
}
