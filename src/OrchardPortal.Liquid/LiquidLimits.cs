namespace OrchardPortal.Liquid;

/// <summary>
/// Sandbox limits for untrusted templates. Every limit has a safe default; passing one stops the render
/// with a <see cref="LiquidLimitException"/> naming it.
/// </summary>
public sealed record LiquidLimits
{
    public const string RenderStepsName = "render_steps";
    public const string LoopIterationsName = "loop_iterations";
    public const string OutputSizeName = "output_size";
    public const string AssignSizeName = "assign_size";
    public const string RenderDepthName = "render_depth";
    public const string SourceSizeName = "source_size";
    public const string ParseDepthName = "parse_depth";
    public const string TimeoutName = "timeout";

    public static LiquidLimits Default { get; } = new();

    /// <summary>Nodes, tags and loop iterations executed in one render, partials included.</summary>
    public long MaxRenderSteps { get; init; } = 5_000_000;

    /// <summary>Loop iterations (for, tablerow) in one render, partials included.</summary>
    public long MaxLoopIterations { get; init; } = 1_000_000;

    /// <summary>Characters written by one render.</summary>
    public long MaxOutputSize { get; init; } = 10_000_000;

    /// <summary>Characters in one value produced by <c>assign</c> or <c>capture</c>.</summary>
    public long MaxAssignSize { get; init; } = 1_000_000;

    /// <summary>Nesting of <c>render</c>/<c>include</c>.</summary>
    public int MaxRenderDepth { get; init; } = 32;

    /// <summary>Characters in one template source.</summary>
    public int MaxSourceSize { get; init; } = 1_000_000;

    /// <summary>Nesting of blocks and expressions in the parser.</summary>
    public int MaxParseDepth { get; init; } = 100;

    /// <summary>Wall-clock budget for one render, partials included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
