using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OrchardPortal.Testing;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>
/// The real OrchardPortal host (<c>Program</c> of OrchardPortal.Web) in this process, on Kestrel at
/// 127.0.0.1:<see cref="Port"/>, Production environment, over a <see cref="BenchStorage"/>. Requests
/// go over real sockets, so timings include HTTP parsing and the whole middleware pipeline.
/// </summary>
internal sealed class InProcessPortal : WebApplicationFactory<Program>
{
    private readonly BenchStorage _storage;
    private readonly IReadOnlyDictionary<string, string?> _extra;

    private InProcessPortal(BenchStorage storage, int port, IReadOnlyDictionary<string, string?>? extra)
    {
        _storage = storage;
        _extra = extra ?? new Dictionary<string, string?>();
        Port = port;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public int Port { get; }

    /// <summary>Starts the host; <paramref name="extra"/> adds configuration (e.g. <c>Email:Smtp:*</c> for a maildev).</summary>
    public static InProcessPortal Start(BenchStorage storage, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var portal = new InProcessPortal(storage, FreePort.Next(), extra);
        portal.StartServer();
        return portal;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The project folder, as `dotnet run --project src/OrchardPortal.Web` would use (appsettings.json, wwwroot).
        builder.UseContentRoot(RepositoryRoot.Combine("src", "OrchardPortal.Web"));
        var settings = new Dictionary<string, string?>(_storage.Settings, StringComparer.Ordinal)
        {
            ["Recipes:Path"] = RepositoryRoot.Combine("recipes"),
        };
        foreach (var (key, value) in _extra)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
    }
}
