using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OrchardPortal.Testing;

namespace OrchardPortal.EndToEnd.Tests.Support;

/// <summary>
/// Runs axe-core (installed into tools/axe by scripts/install-test-deps.sh) on the page as it is
/// now, and fails with every serious or critical violation: rule, impact, selectors, help text.
/// </summary>
public static class Axe
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string ScriptPath { get; } = RepositoryRoot.Combine("tools", "axe", "node_modules", "axe-core", "axe.min.js");

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException($"axe-core is missing at {ScriptPath}; run scripts/install-test-deps.sh.");
        }

        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        // Only what the page needs: rule ids, impact and where; the full result is large.
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
                summaries: v.nodes.map(n => n.failureSummary) })));
            }
            """);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, JsonOptions) ?? [];
        var blocking = violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"axe-core found {blocking.Count} serious/critical violation(s) on {what} ({page.Url}):");
        foreach (var violation in blocking)
        {
            message.Append(CultureInfo.InvariantCulture, $"\n- {violation.Id} [{violation.Impact}] {violation.Help}");
            for (var i = 0; i < violation.Targets.Count; i++)
            {
                message.Append(CultureInfo.InvariantCulture, $"\n    {violation.Targets[i]} :: {violation.Summaries.ElementAtOrDefault(i)?.ReplaceLineEndings(" ")}");
            }
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    private sealed record Violation(string Id, string? Impact, string Help, List<string> Targets, List<string?> Summaries);
}
