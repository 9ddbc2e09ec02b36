using System.Collections.Concurrent;
using OrchardPortal.Core.Theming;

namespace OrchardPortal.Emails.Templates;

/// <summary>
/// Compiled tenant templates, keyed by tenant and template key and checked against the row's version,
/// so a save on any node is picked up at the next send (the row is read per send; only parsing is saved).
/// </summary>
public sealed class EmailTemplateCache
{
    private readonly ConcurrentDictionary<(string Tenant, string Key), (int Version, EmailSourceTemplates Templates)> _compiled = new();

    public EmailSourceTemplates GetOrCompile(string tenant, string key, int version, Func<EmailSourceTemplates> compile)
    {
        if (_compiled.TryGetValue((tenant, key), out var entry) && entry.Version == version)
        {
            return entry.Templates;
        }

        var templates = compile();
        _compiled[(tenant, key)] = (version, templates);
        return templates;
    }

    public void Invalidate(string tenant, string key) => _compiled.TryRemove((tenant, key), out _);
}
