namespace OrchardPortal.Liquid.Benchmarks.GoldenFixtures;

/// <summary>
/// The Liquid setup for one golden fixture: its data as variables and its partials held in memory,
/// read once from the templates folder. A host caches template sources too (a database or a
/// watched folder); reading files on every include would time the disk, not the engine.
/// </summary>
public static class LiquidFixturePage
{
    // Fixtures 001 and 002 print {{ "now" | date: "%Y" }}, and their expected results were
    // generated in 2025; a clock in 2025 keeps the exact output check meaningful in later years.
    private static readonly FixedTimeProvider FixtureClock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public static LiquidEnvironment CreateEnvironment(GoldenFixture fixture)
    {
        var environment = new LiquidEnvironment();
        environment.FileProvider = new InMemoryTemplateFileProvider(fixture.Templates);
        return environment;
    }

    public static string Render(LiquidEnvironment environment, LiquidTemplate template, GoldenFixture fixture)
    {
        var context = new TemplateContext(environment) { TimeProvider = FixtureClock };
        foreach (var (name, value) in fixture.Data)
        {
            context.SetValue(name, value);
        }

        return template.Render(context);
    }
}
