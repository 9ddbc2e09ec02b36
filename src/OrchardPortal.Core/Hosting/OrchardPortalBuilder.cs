using Microsoft.AspNetCore.Builder;
using OrchardPortal.Core.Modules;

namespace OrchardPortal.Core.Hosting;

/// <summary>Composes the host: the platform plus the modules listed in <c>Program.cs</c>.</summary>
public sealed class OrchardPortalBuilder(WebApplicationBuilder builder, ModuleRegistry modules)
{
    public WebApplicationBuilder Builder { get; } = builder;

    /// <summary>Adds a feature module; its Startup registers everything the module needs.</summary>
    public OrchardPortalBuilder AddModule<TStartup>()
        where TStartup : ModuleStartup, new()
    {
        var module = new TStartup();
        modules.Add(module);
        // Razor pages in a module are found because the host project references the module's assembly.
        module.ConfigureServices(Builder.Services, Builder.Configuration);
        return this;
    }
}
