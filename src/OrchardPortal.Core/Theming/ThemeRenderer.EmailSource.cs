using System.Net;
using OrchardPortal.Core.Email;
using OrchardPortal.Liquid;

namespace OrchardPortal.Core.Theming;

/// <summary>Email templates kept as source (the Emails module's per-tenant templates), rendered through the theme's email layout.</summary>
public sealed partial class ThemeRenderer
{
    /// <summary>The view name globals providers see for source-rendered emails.</summary>
    public const string EmailSourceView = "Emails/Template";

    public async Task<RenderedEmail> RenderEmailSourceAsync(EmailSourceTemplates templates, IDictionary<string, object?> model, ThemeEmailOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThemeEmailOptions();
        var request = httpContextAccessor.HttpContext?.Request;
        var origin = (options.BaseUrl ?? (request is null ? "" : $"{request.Scheme}://{request.Host}")).TrimEnd('/');
        var render = await PrepareAsync(EmailSourceView, ThemeRenderKind.Email, false, model, options.Globals, null, options.Items, origin, cancellationToken);
        ApplyGlobals(render);
        var failures = new List<(CompiledOverride, LiquidException)>();
        string subject, html, text;
        using (ThemeEngine.UsePartials(render.Tenant))
        {
            // The subject is a header, not HTML: escaping would put "&amp;" in the reader's inbox.
            render.Context.HtmlEncode = false;
            subject = Whitespace().Replace(templates.Subject.Render(render.Context), " ").Trim();

            render.Context.HtmlEncode = true;
            render.State.Sections["subject"] = WebUtility.HtmlEncode(subject);
            var body = templates.Html.Render(render.Context);
            var layout = render.State.Layout ?? EmailLayout;
            if (layout.Length == 0 || (layout == EmailLayout && !render.Tenant.Theme.HasView(EmailLayout)))
            {
                html = body;
            }
            else
            {
                render.State.Body = body;
                html = RenderView(render, layout, failures);
            }

            if (templates.Text is null)
            {
                text = HtmlToText.Convert(html);
            }
            else
            {
                render.Context.HtmlEncode = false;
                render.Context.Items[ThemeRenderState.ItemKey] = render.State.Fresh();
                text = templates.Text.Render(render.Context);
            }
        }

        foreach (var (failed, error) in failures)
        {
            await RecordFailureAsync(failed, error, cancellationToken);
        }

        return new RenderedEmail(subject, html, text.Trim());
    }
}
