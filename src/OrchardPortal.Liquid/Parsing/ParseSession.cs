namespace OrchardPortal.Liquid.Parsing;

/// <summary>Settings and counters for parsing one template (the source, mode, and nesting depth guard).</summary>
internal sealed class ParseSession
{
    private int _depth;

    public ParseSession(LiquidEnvironment environment, SourceInfo info)
    {
        Environment = environment;
        Info = info;
        Strict = environment.ParseMode == LiquidParseMode.Strict;
        MaxDepth = environment.Limits.MaxParseDepth;
    }

    public LiquidEnvironment Environment { get; }

    public SourceInfo Info { get; }

    public bool Strict { get; }

    public int MaxDepth { get; }

    /// <summary>Guards recursion in the parser so deeply nested templates fail cleanly instead of overflowing the stack.</summary>
    public void EnterNesting()
    {
        if (++_depth > MaxDepth)
        {
            throw new LiquidLimitException(LiquidLimits.ParseDepthName, MaxDepth);
        }
    }

    public void ExitNesting() => _depth--;
}
