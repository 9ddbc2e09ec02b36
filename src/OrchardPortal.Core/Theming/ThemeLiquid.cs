using System.Globalization;
using OrchardPortal.Liquid;
using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Core.Theming;

/// <summary>
/// Builds the one process-wide Liquid environment every theme template is parsed and rendered with:
/// the standard filters plus the theme's tags (<c>layout</c>, <c>render_body</c>, <c>section</c>,
/// <c>render_section</c>) and filters (<c>money</c>, <c>t</c>, <c>asset_url</c>; <c>date</c> uses the
/// tenant's time zone through the render context).
/// </summary>
public static class ThemeLiquid
{
    public static LiquidEnvironment CreateEnvironment(ThemeOptions options, ITemplateFileProvider partials)
    {
        var environment = new LiquidEnvironment
        {
            Limits = options.Limits,
            FileProvider = partials,
            ParseMode = LiquidParseMode.Strict,
        };
        AddTags(environment);
        environment.Filters.Add("money", Money);
        environment.Filters.Add("t", static (input, _, _) => input);
        environment.Filters.Add("asset_url", AssetUrl);
        return environment;
    }

    private static void AddTags(LiquidEnvironment environment)
    {
        // {% layout 'Name' %} picks the layout; {% layout '' %} or {% layout false %} renders the view alone.
        environment.Tags.AddTag("layout", static (arguments, context, _) =>
        {
            var state = ThemeRenderState.From(context);
            var value = arguments.At(0);
            state.Layout = value is null or false ? "" : LiquidValues.ToOutputString(value);
        }, isBlank: true);
        environment.Tags.AddTag("render_body", static (_, context, output) => output.Write(ThemeRenderState.From(context).Body));
        environment.Tags.AddTag("render_section", static (arguments, context, output) =>
        {
            var name = LiquidValues.ToOutputString(arguments.At(0));
            if (ThemeRenderState.From(context).Sections.TryGetValue(name, out var html))
            {
                output.Write(html);
            }
        });
        // A view fills a named slot of its layout; several blocks for one name add up in order.
        environment.Tags.AddBlock("section", static (arguments, body, context, _) =>
        {
            var state = ThemeRenderState.From(context);
            var name = LiquidValues.ToOutputString(arguments.At(0));
            var html = body.RenderToString();
            state.Sections[name] = state.Sections.TryGetValue(name, out var earlier) ? earlier + html : html;
        });
    }

    /// <summary><c>{{ invoice.amount | money }}</c>: minor units in the tenant's currency and culture; <c>money: 'EUR'</c> for another currency.</summary>
    private static object? Money(object? input, FilterArguments arguments, TemplateContext context)
    {
        long minor;
        switch (input)
        {
            case long value:
                minor = value;
                break;
            case double value when double.IsFinite(value) && Math.Abs(value) < 9e15:
                minor = (long)Math.Round(value, MidpointRounding.AwayFromZero);
                break;
            case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                minor = parsed;
                break;
            default:
                return input;
        }

        var state = ThemeRenderState.From(context);
        var currency = arguments.At(0) is string code && code.Length == 3 ? code : state.Currency;
        return MoneyFormatter.Format(minor, currency, context.Culture);
    }

    /// <summary><c>{{ 'meadow.css' | asset_url }}</c>: the URL of a file in the theme's <c>wwwroot</c>, versioned by its content.</summary>
    private static object? AssetUrl(object? input, FilterArguments arguments, TemplateContext context)
    {
        var state = ThemeRenderState.From(context);
        var path = LiquidValues.ToOutputString(input).TrimStart('/');
        var version = state.Theme.AssetVersion(path);
        var url = state.AssetOrigin + state.Theme.AssetBasePath + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return version.Length == 0 ? url : url + "?v=" + version;
    }
}
