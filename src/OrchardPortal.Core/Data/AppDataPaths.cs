using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrchardPortal.Core.Data;

/// <summary>Resolves the App_Data folder and the per-tenant folders inside it.</summary>
public sealed class AppDataPaths
{
    public AppDataPaths(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.AppDataPath;
        Root = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured));
    }

    public string Root { get; }

    public string SitesRoot => Path.Combine(Root, "Sites");

    /// <summary>The folder of one tenant. Names are validated before they get here; the check is a second fence.</summary>
    public string TenantFolder(string tenantName)
    {
        if (tenantName.Length == 0 || tenantName.Contains('/', StringComparison.Ordinal) || tenantName.Contains('\\', StringComparison.Ordinal) || tenantName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid tenant name.", nameof(tenantName));
        }

        return Path.Combine(SitesRoot, tenantName);
    }
}
