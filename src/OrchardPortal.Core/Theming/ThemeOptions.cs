using OrchardPortal.Liquid;

namespace OrchardPortal.Core.Theming;

/// <summary>Bound from the <c>Themes</c> configuration section.</summary>
public sealed class ThemeOptions
{
    /// <summary>Folder holding one sub-folder per theme; relative paths are under the app's base directory.</summary>
    public string Path { get; set; } = "Themes";

    /// <summary>The theme a tenant gets until it picks another.</summary>
    public string DefaultTheme { get; set; } = "Meadow";

    /// <summary>
    /// Sandbox limits for every theme render. Tenant staff can edit templates, so a page gets a far
    /// smaller budget than the engine's defaults: a runaway loop fails in milliseconds, not seconds.
    /// </summary>
    public LiquidLimits Limits { get; set; } = new()
    {
        MaxRenderSteps = 500_000,
        MaxLoopIterations = 50_000,
        MaxOutputSize = 2_000_000,
        MaxAssignSize = 200_000,
        MaxRenderDepth = 10,
        MaxSourceSize = 200_000,
        Timeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>The absolute themes folder.</summary>
    public string ResolvePath() =>
        System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
