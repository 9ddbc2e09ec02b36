using OrchardPortal.Liquid.Filters;
using OrchardPortal.Liquid.Parsing;
using OrchardPortal.Liquid.Tags;
using OrchardPortal.Liquid.Values;

namespace OrchardPortal.Liquid;

/// <summary>Which syntax errors the parser tolerates.</summary>
public enum LiquidParseMode
{
    /// <summary>Like Liquid's lax mode: unexpected trailing markup in outputs and tags is ignored.</summary>
    Lax,

    /// <summary>Every piece of markup must parse; anything unexpected is a <see cref="LiquidParseException"/>.</summary>
    Strict,
}

/// <summary>
/// Configuration shared by every template of a host (or tenant): filters, tags, the member allow-list,
/// where partials come from, the parse mode and the sandbox limits. Configure it once, then parse and render
/// from many threads.
/// </summary>
public sealed class LiquidEnvironment
{
    private static readonly Lazy<LiquidEnvironment> DefaultInstance = new(() => new LiquidEnvironment());

    private readonly TemplateCache _partials;

    public LiquidEnvironment()
    {
        Filters = new FilterRegistry();
        StandardFilters.Register(Filters);
        EngineFilters.Register(Filters);
        _partials = new TemplateCache(this);
    }

    /// <summary>A shared environment with the standard filters and default limits.</summary>
    public static LiquidEnvironment Default => DefaultInstance.Value;

    /// <summary>Filters by name; the standard filters and <c>raw</c> are registered already.</summary>
    public FilterRegistry Filters { get; }

    /// <summary>Host-defined tags (for example a theme's <c>layout</c> and <c>render_section</c>).</summary>
    public TagRegistry Tags { get; } = new();

    /// <summary>The CLR members templates may read.</summary>
    public MemberAccessRegistry MemberAccess { get; } = new();

    /// <summary>Where <c>render</c> and <c>include</c> find partials; without one, using them is a render error.</summary>
    public ITemplateFileProvider? FileProvider { get; set; }

    public LiquidParseMode ParseMode { get; set; } = LiquidParseMode.Lax;

    public LiquidLimits Limits { get; set; } = LiquidLimits.Default;

    /// <summary>Parses a template. Throws <see cref="LiquidParseException"/> on syntax errors, <see cref="LiquidLimitException"/> when too large or too deep.</summary>
    public LiquidTemplate Parse(string source, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > Limits.MaxSourceSize)
        {
            throw new LiquidLimitException(LiquidLimits.SourceSizeName, Limits.MaxSourceSize);
        }

        var info = new SourceInfo(source, name);
        var tokens = SourceLexer.Tokenize(source, info);
        var session = new ParseSession(this, info);
        var root = new TemplateParser(tokens, session).ParseDocument();
        return new LiquidTemplate(root, name);
    }

    /// <summary>Parses without throwing on syntax errors; <paramref name="error"/> says what was wrong.</summary>
    public bool TryParse(string source, out LiquidTemplate? template, out LiquidException? error, string? name = null)
    {
        try
        {
            template = Parse(source, name);
            error = null;
            return true;
        }
        catch (LiquidException exception)
        {
            template = null;
            error = exception;
            return false;
        }
    }

    internal LiquidTemplate LoadPartial(string name)
    {
        if (!IsValidPartialName(name))
        {
            throw new LiquidRenderException($"Invalid partial name '{name}'.");
        }

        var provider = FileProvider ?? throw new LiquidRenderException($"Cannot load partial '{name}': no file provider is configured.");
        var source = provider.GetTemplate(name) ?? throw new LiquidRenderException($"Partial '{name}' was not found.");
        return _partials.GetOrParse(name, source);
    }

    /// <summary>Partial names are relative, forward-slash paths without "..": they can never leave the provider's root.</summary>
    public static bool IsValidPartialName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256 || name[0] == '/' || name.Contains('\\', StringComparison.Ordinal)
            || name.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is ".." or "." or "" || segment.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
