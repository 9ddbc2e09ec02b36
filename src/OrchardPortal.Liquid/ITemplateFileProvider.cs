namespace OrchardPortal.Liquid;

/// <summary>
/// Supplies partial templates for <c>render</c> and <c>include</c>. Names reaching the provider have already been
/// validated (no "..", no rooted paths, no backslashes), but a provider backed by files should still keep reads inside its root.
/// </summary>
public interface ITemplateFileProvider
{
    /// <summary>The source of the named template, or null when there is none.</summary>
    string? GetTemplate(string name);
}

/// <summary>Partials held in memory, by name; for tests and for templates stored in a database.</summary>
public sealed class InMemoryTemplateFileProvider : ITemplateFileProvider
{
    private readonly Dictionary<string, string> _templates;

    public InMemoryTemplateFileProvider(IEnumerable<KeyValuePair<string, string>>? templates = null)
    {
        _templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in templates ?? [])
        {
            _templates[pair.Key] = pair.Value;
        }
    }

    public void Set(string name, string source) => _templates[name] = source;

    public string? GetTemplate(string name) => _templates.GetValueOrDefault(name);
}

/// <summary>Partials read from <c>{root}/{name}.liquid</c>; refuses any path that would resolve outside the root.</summary>
public sealed class PhysicalTemplateFileProvider : ITemplateFileProvider
{
    private readonly string _root;
    private readonly string _extension;

    public PhysicalTemplateFileProvider(string root, string extension = ".liquid")
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _extension = extension;
    }

    public string? GetTemplate(string name)
    {
        var relative = name.EndsWith(_extension, StringComparison.OrdinalIgnoreCase) ? name : name + _extension;
        var path = Path.GetFullPath(Path.Combine(_root, relative));
        if (!path.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(path))
        {
            return null;
        }

        return File.ReadAllText(path);
    }
}
