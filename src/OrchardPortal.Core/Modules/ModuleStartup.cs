using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrchardPortal.Core.Modules;

/// <summary>
/// The one contract a feature module implements. The host lists its modules in <c>Program.cs</c>;
/// each module's <c>Startup</c> registers its services, endpoints, recipe steps, migrations and
/// model configuration. Nothing else registers a module's services.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>The module id: same as its project, assembly and root namespace.</summary>
    public virtual string ModuleId => GetType().Assembly.GetName().Name!;

    /// <summary>Registers the module's services (one DI container serves every tenant).</summary>
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Maps the module's minimal-API endpoints. Razor Pages are discovered automatically.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
