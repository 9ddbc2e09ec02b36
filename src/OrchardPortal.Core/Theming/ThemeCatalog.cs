using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrchardPortal.Core.Theming;

/// <summary>
/// The themes shipped with the app: each sub-folder of the themes path that holds a <c>theme.json</c>.
/// Read once per process; theme files are part of the release, never changed by tenants.
/// </summary>
public sealed class ThemeCatalog(IOptions<ThemeOptions> options)
{
    private readonly Lazy<IReadOnlyDictionary<string, ThemeDescriptor>> _themes = new(() => Load(options.Value.ResolvePath()));

    public IReadOnlyCollection<ThemeDescriptor> All => (IReadOnlyCollection<ThemeDescriptor>)_themes.Value.Values;

    /// <summary>The theme named <paramref name="name"/> (case-insensitive), or null.</summary>
    public ThemeDescriptor? Find(string? name) =>
        name is not null && _themes.Value.TryGetValue(name, out var theme) ? theme : null;

    /// <summary>The configured default theme; its absence is a deployment error worth failing loudly on.</summary>
    public ThemeDescriptor Default => Find(options.Value.DefaultTheme)
        ?? throw new InvalidOperationException($"The default theme '{options.Value.DefaultTheme}' was not found under {options.Value.ResolvePath()}.");

    private static Dictionary<string, ThemeDescriptor> Load(string root)
    {
        var themes = new Dictionary<string, ThemeDescriptor>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(root))
        {
            return themes;
        }

        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var manifestPath = Path.Combine(folder, "theme.json");
            if (File.Exists(manifestPath))
            {
                var manifest = ThemeManifest.Parse(File.ReadAllText(manifestPath), manifestPath);
                themes[manifest.Name] = new ThemeDescriptor(manifest, folder);
            }
        }

        return themes;
    }
}

/// <summary>One theme on disk: its manifest, its Liquid views and its static assets.</summary>
public sealed class ThemeDescriptor
{
    private readonly ConcurrentDictionary<string, string?> _sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _assetVersions = new(StringComparer.Ordinal);

    internal ThemeDescriptor(ThemeManifest manifest, string root)
    {
        Manifest = manifest;
        RootPath = Path.GetFullPath(root);
        ViewsPath = Path.Combine(RootPath, "Views");
        AssetsPath = Path.Combine(RootPath, "wwwroot");
        Views = Directory.Exists(ViewsPath)
            ? Directory.EnumerateFiles(ViewsPath, "*.liquid", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ViewsPath, f)[..^".liquid".Length].Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    public string Name => Manifest.Name;

    public ThemeManifest Manifest { get; }

    public string RootPath { get; }

    public string ViewsPath { get; }

    public string AssetsPath { get; }

    /// <summary>View names relative to <c>Views/</c>, without extension: <c>Layout</c>, <c>Home</c>, <c>Emails/Layout</c>.</summary>
    public IReadOnlyList<string> Views { get; }

    /// <summary>The URL prefix of the theme's <c>wwwroot</c>.</summary>
    public string AssetBasePath => "/themes/" + Name.ToLowerInvariant() + "/";

    public bool HasView(string name) => Views.Contains(name, StringComparer.Ordinal);

    /// <summary>The original source of a view, or null when the theme has no such view.</summary>
    public string? GetViewSource(string name) => _sources.GetOrAdd(name, n =>
        HasView(n) ? File.ReadAllText(Path.Combine(ViewsPath, n + ".liquid")) : null);

    /// <summary>The file behind an asset path (relative to <c>wwwroot</c>), or null when it is missing or outside the folder.</summary>
    public string? FindAsset(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.Contains('\\', StringComparison.Ordinal) || relativePath.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var root = AssetsPath + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(AssetsPath, relativePath));
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    /// <summary>A short hash of an asset's content, for cache-busting URLs; empty when the asset is missing.</summary>
    public string AssetVersion(string relativePath) => _assetVersions.GetOrAdd(relativePath, p =>
    {
        var file = FindAsset(p);
        return file is null ? "" : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..12];
    });

    /// <summary>A short, stable hash of a template source (cache keys, change detection).</summary>
    public static string Hash(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];
}
