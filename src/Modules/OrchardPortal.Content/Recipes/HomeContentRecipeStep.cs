using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Content.Sanitizing;
using OrchardPortal.Content.Services;
using OrchardPortal.Core.Recipes;

namespace OrchardPortal.Content.Recipes;

/// <summary>
/// <c>{ "name": "home-content", "html": "..." | ["line", "line", ...] }</c>: publishes the portal's
/// first home text (sanitised like anything staff write) as version 1. An array is joined with
/// newlines so long text stays readable in the recipe file. <c>[[CompanyName]]</c>-style values are
/// substituted HTML-encoded, so a company called "Fox &amp; Sons" can't break the markup.
/// </summary>
public sealed class HomeContentRecipeStep : IRecipeStepHandler
{
    public const string Author = "Portal setup";

    public string StepName => "home-content";

    public IEnumerable<string> Validate(JsonElement step)
    {
        var html = ReadHtml(step);
        if (html is null)
        {
            yield return "'html' must be a string or an array of strings.";
        }
        else if (html.Length > HtmlSanitizer.MaxInputLength)
        {
            yield return $"'html' is longer than {HtmlSanitizer.MaxInputLength:N0} characters.";
        }
        else if (HtmlSanitizer.Sanitize(html).Length == 0)
        {
            yield return "'html' has no content left after sanitising.";
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var html = ReadHtml(step)!;
        foreach (var (key, value) in context.Variables)
        {
            html = html.Replace("[[" + key + "]]", HtmlEncoder.Default.Encode(value), StringComparison.Ordinal);
        }

        await context.Services.GetRequiredService<HomeContentService>().PublishAsync(html, Author, cancellationToken);
    }

    private static string? ReadHtml(JsonElement step)
    {
        if (!step.TryGetProperty("html", out var html))
        {
            return null;
        }

        return html.ValueKind switch
        {
            JsonValueKind.String => html.GetString(),
            JsonValueKind.Array when html.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                string.Join('\n', html.EnumerateArray().Select(e => e.GetString())),
            _ => null,
        };
    }
}
