using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid;

/// <summary>Which syntax errors the parser tolerates.</summary>
public enum LiquidParseMode
{
    /// <summary>Like Shopify's lax mode: unknown trailing markup in tags is ignored where Liquid ignores it.</summary>
    Lax,

    /// <summary>Every piece of markup must parse; anything unexpected is a <see cref="LiquidParseException"/>.</summary>
    Strict,
}

/// <summary>
/// Configuration shared by every template of a host (or tenant): filters, tags, the member allow-list,
/// where partials come from, the parse mode and the sandbox limits. Configure it once, then parse and render
/// from many threads.
/// </summary>
public sealed partial class LiquidEnvironment
{
    private static readonly Lazy<LiquidEnvironment> DefaultInstance = new(() => new LiquidEnvironment());

    public LiquidEnvironment()
    {
        Filters = new FilterRegistry();
        EngineFilters.Register(Filters);
    }

    /// <summary>A shared environment with the standard filters and default limits.</summary>
    public static LiquidEnvironment Default => DefaultInstance.Value;

    /// <summary>Filters by name; the standard filters are registered already.</summary>
    public FilterRegistry Filters { get; }

    /// <summary>The CLR members templates may read.</summary>
    public MemberAccessRegistry MemberAccess { get; } = new();

    public LiquidParseMode ParseMode { get; set; } = LiquidParseMode.Lax;

    public LiquidLimits Limits { get; set; } = LiquidLimits.Default;
}
