using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OrchardPortal.Liquid;

namespace OrchardPortal.Core.Theming;

/// <summary>
/// The process-wide half of theming: the Liquid environment, the compiled originals of every theme
/// (shared by all tenants) and each tenant's cached theme state (its settings and compiled overrides).
/// A tenant's state is dropped by <see cref="Invalidate"/> whenever one of its settings or overrides changes.
/// </summary>
public sealed class ThemeEngine
{
    private readonly ConcurrentDictionary<(string Theme, string View), Lazy<LiquidTemplate>> _originals = new();
    private readonly ConcurrentDictionary<string, TenantThemeState> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly ThemePartialProvider _partials = new();

    public ThemeEngine(IOptions<ThemeOptions> options)
    {
        Options = options.Value;
        Environment = ThemeLiquid.CreateEnvironment(Options, _partials);
    }

    public LiquidEnvironment Environment { get; }

    public ThemeOptions Options { get; }

    /// <summary>How many tenants have theme state cached (for tests and diagnostics).</summary>
    public int CachedTenantCount => _tenants.Count;

    /// <summary>The theme's own compiled view; a broken original is a release bug, so it throws.</summary>
    public LiquidTemplate GetOriginal(ThemeDescriptor theme, string view)
    {
        var lazy = _originals.GetOrAdd((theme.Name, view), key => new Lazy<LiquidTemplate>(() =>
        {
            var source = theme.GetViewSource(key.View) ?? throw new InvalidOperationException($"Theme '{theme.Name}' has no view '{key.View}'.");
            return Environment.Parse(source, $"{theme.Name}/{key.View}");
        }));
        return lazy.Value;
    }

    /// <summary>Parses a template as a tenant's override would be; null when it is valid.</summary>
    public LiquidException? Validate(string source, string name) =>
        Environment.TryParse(source, out _, out var error, name) ? null : error;

    /// <summary>Drops everything cached for a tenant. Call after a theme setting or template override changes.</summary>
    public void Invalidate(string tenantName)
    {
        _generations.AddOrUpdate(tenantName, 1, (_, generation) => generation + 1);
        _tenants.TryRemove(tenantName, out _);
    }

    internal bool TryGetTenant(string tenantName, out TenantThemeState state) =>
        _tenants.TryGetValue(tenantName, out state!);

    internal long Generation(string tenantName) => _generations.GetValueOrDefault(tenantName);

    /// <summary>Caches a freshly loaded state unless the tenant changed something while it was loading.</summary>
    internal void Store(string tenantName, TenantThemeState state, long loadedAtGeneration)
    {
        if (Generation(tenantName) == loadedAtGeneration)
        {
            _tenants[tenantName] = state;
            if (Generation(tenantName) != loadedAtGeneration)
            {
                _tenants.TryRemove(tenantName, out _);
            }
        }
    }

    /// <summary>Lets <c>render</c>/<c>include</c> inside a render find the tenant's overrides, then the theme's files.</summary>
    internal static IDisposable UsePartials(TenantThemeState state) => ThemePartialProvider.Use(state);
}

/// <summary>A tenant's cached theme: which theme, its effective setting values and its compiled overrides.</summary>
internal sealed class TenantThemeState(ThemeDescriptor theme, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, CompiledOverride> overrides)
{
    public ThemeDescriptor Theme { get; } = theme;

    /// <summary>Every setting the theme declares, with the tenant's value or the theme's default.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    public IReadOnlyDictionary<string, CompiledOverride> Overrides { get; } = overrides;
}

/// <summary>One override, compiled on first use. Cached under tenant + theme + view + version + content hash.</summary>
internal sealed class CompiledOverride(LiquidEnvironment environment, string tenant, TemplateOverride row)
{
    private readonly Lazy<(LiquidTemplate? Template, LiquidException? Error)> _compiled = new(() =>
        environment.TryParse(row.Source, out var template, out var error, $"{tenant}/{row.Theme}/{row.View}@{row.Version}")
            ? (template, null)
            : (null, error));

    private int _failureRecorded;

    public string View { get; } = row.View;

    public string Theme { get; } = row.Theme;

    public int Version { get; } = row.Version;

    public string Source { get; } = row.Source;

    public string Hash { get; } = ThemeDescriptor.Hash(row.Source);

    /// <summary>The compiled template; throws the parse error for a source that no longer parses (e.g. saved before a tag was removed).</summary>
    public LiquidTemplate Template => _compiled.Value.Template ?? throw _compiled.Value.Error!;

    /// <summary>True only the first time: a failing override is written to the database once per version, not once per request.</summary>
    public bool FirstFailure() => Interlocked.Exchange(ref _failureRecorded, 1) == 0;
}

/// <summary>
/// Partials for <c>render</c>/<c>include</c>. The environment is shared by all tenants, so the tenant is
/// taken from the current thread: rendering is synchronous, and the renderer sets it around each render.
/// </summary>
internal sealed class ThemePartialProvider : ITemplateFileProvider
{
    [ThreadStatic]
    private static TenantThemeState? _current;

    public static IDisposable Use(TenantThemeState state)
    {
        var previous = _current;
        _current = state;
        return new Restore(previous);
    }

    public string? GetTemplate(string name)
    {
        var state = _current;
        if (state is null)
        {
            return null;
        }

        return state.Overrides.TryGetValue(name, out var custom) ? custom.Source : state.Theme.GetViewSource(name);
    }

    private sealed class Restore(TenantThemeState? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }
}
