namespace OrchardPortal.Core.Modules;

/// <summary>The modules the host was composed of, in registration order.</summary>
public sealed class ModuleRegistry
{
    private readonly List<ModuleStartup> _modules = [];

    public IReadOnlyList<ModuleStartup> Modules => _modules;

    internal void Add(ModuleStartup module)
    {
        if (_modules.Any(m => m.ModuleId == module.ModuleId))
        {
            throw new InvalidOperationException($"Module '{module.ModuleId}' is registered twice.");
        }

        _modules.Add(module);
    }
}
