using System.Text.Json;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Emails.Templates;

namespace OrchardPortal.Emails.Recipes;

/// <summary>
/// Reads the <c>email-templates</c> step: <c>{ "name": "email-templates", "templates": [ { "key": "invitation",
/// "subject": "…", "html": "…" | ["line", …], "text": "…" | ["line", …] (optional) } ] }</c>. Arrays are joined
/// with newlines so long templates stay readable in the recipe file.
/// </summary>
public static class EmailTemplatesStep
{
    public const string Name = "email-templates";

    /// <summary>The templates by key, and every structural problem (Liquid is checked by <see cref="EmailTemplateValidator"/>).</summary>
    public static (IReadOnlyDictionary<string, EmailTemplateContent> Templates, IReadOnlyList<string> Errors) Read(JsonElement step)
    {
        var templates = new Dictionary<string, EmailTemplateContent>(StringComparer.Ordinal);
        var errors = new List<string>();
        if (!step.TryGetProperty("templates", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add("'templates' must be an array of { key, subject, html, text }.");
            return (templates, errors);
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            var key = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
            var label = key.Length > 0 ? $"template '{key}'" : $"template {index}";
            if (!EmailTemplateKeys.All.Contains(key, StringComparer.Ordinal))
            {
                errors.Add($"{label}: unknown key; use one of {string.Join(", ", EmailTemplateKeys.All)}.");
                continue;
            }

            if (templates.ContainsKey(key))
            {
                errors.Add($"{label}: appears more than once.");
                continue;
            }

            var subject = Text(item, "subject");
            var html = Text(item, "html");
            var hasText = item.TryGetProperty("text", out _);
            var text = hasText ? Text(item, "text") : null;
            if (subject is null || html is null || (hasText && text is null))
            {
                errors.Add($"{label}: 'subject', 'html' and 'text' (optional) must be strings or arrays of strings.");
                continue;
            }

            templates[key] = new EmailTemplateContent(subject, html, text).Normalized();
        }

        return (templates, errors);
    }

    private static string? Text(JsonElement item, string property)
    {
        if (!item.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                string.Join('\n', value.EnumerateArray().Select(e => e.GetString())),
            _ => null,
        };
    }
}
