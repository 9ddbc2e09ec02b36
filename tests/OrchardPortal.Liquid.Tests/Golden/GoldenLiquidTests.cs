namespace OrchardPortal.Liquid.Tests.Golden;

/// <summary>
/// The golden-liquid conformance suite: one test case per suite case, named after it.
/// Cases we knowingly do not support are in <see cref="Skipped"/> with the reason.
/// </summary>
public sealed class GoldenLiquidTests
{
    private const string MissingSuite = "(golden_liquid.json not found)";

    /// <summary>Suite cases we do not run, each with why. Keep this short; every entry is a known deviation.</summary>
    public static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        if (GoldenSuite.All is not { } all)
        {
            // Fail loudly rather than pass an empty theory when ../shared is not checked out.
            data.Add(MissingSuite);
            return data;
        }

        foreach (var name in all.Keys)
        {
            if (!Skipped.ContainsKey(name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Golden_case_renders_as_the_reference_implementation(string name)
    {
        Assert.True(name != MissingSuite, "shared/liquid/golden-liquid/golden_liquid.json was not found beside the repository.");
        var test = GoldenSuite.All![name];
        var environment = new LiquidEnvironment
        {
            ParseMode = test.Tags.Contains("strict") || test.Tags.Contains("strict2") ? LiquidParseMode.Strict : LiquidParseMode.Lax,
            FileProvider = new InMemoryTemplateFileProvider(test.Templates),
        };

        if (test.Invalid)
        {
            Assert.ThrowsAny<LiquidException>(() => Render(environment, test));
            return;
        }

        var output = Render(environment, test);
        Assert.Contains(output, test.Results);
    }

    [Fact]
    public void Every_skipped_case_exists_in_the_suite_and_has_a_reason()
    {
        var all = GoldenSuite.All;
        Assert.NotNull(all);
        Assert.Equal(1054, all.Count);
        foreach (var (name, reason) in Skipped)
        {
            Assert.True(all.ContainsKey(name), $"Skipped case '{name}' is not in the suite.");
            Assert.False(string.IsNullOrWhiteSpace(reason), $"Skipped case '{name}' needs a reason.");
        }
    }

    private static string Render(LiquidEnvironment environment, GoldenCase test)
    {
        var template = environment.Parse(test.Template);
        var context = new TemplateContext(environment);
        if (test.Data is IDictionary<string, object?> data)
        {
            foreach (var (key, value) in data)
            {
                context.SetValue(key, value);
            }
        }

        return template.Render(context);
    }
}
