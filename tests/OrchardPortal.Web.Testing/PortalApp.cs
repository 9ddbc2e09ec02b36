using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Provisioning;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Testing;

namespace OrchardPortal.Web.Testing;

/// <summary>
/// The real OrchardPortal host in memory, over its own temp App_Data (SQLite) or its own PostgreSQL
/// database on the shared test cluster. Create one per test class (xunit class fixture) and a fresh
/// tenant per test class or test with <c>CreateTenantAsync</c>.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    private static int _tenantCounter;
    private readonly Dictionary<string, string?> _settings;

    public PortalApp()
        : this(StorageKind.Sqlite, postgresConnectionString: null)
    {
    }

    private PortalApp(StorageKind storage, string? postgresConnectionString, IDictionary<string, string?>? settings = null)
    {
        Storage = storage;
        // A scratch folder is removed at process exit even when a test leaves files open.
        AppDataPath = ScratchDirectory.Create("app-data");
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:AppDataPath"] = AppDataPath,
            ["Storage:Provider"] = storage == StorageKind.Postgres ? "Postgres" : "Sqlite",
            ["Storage:ConnectionString"] = postgresConnectionString,
            ["Recipes:Path"] = RepositoryRoot.Combine("recipes"),
            ["Operator:Email"] = OperatorEmail,
            ["Operator:Password"] = OperatorPassword,
            ["Operator:ApiKey"] = OperatorApiKey,
            // Test output should show failures, not every migration and request the host logs.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public const string OperatorEmail = "operator@orchardportal.test";
    public const string OperatorPassword = "Quartz-Harbor-Lamp-91";
    public const string OperatorApiKey = "op_test_key_6b1f0c2e9d8a4f7b";

    public StorageKind Storage { get; }

    /// <summary>This host's App_Data folder (SQLite files, tenant folders, keys).</summary>
    public string AppDataPath { get; }

    /// <summary>A SQLite-backed host with extra configuration (e.g. SMTP settings pointing at maildev).</summary>
    public static PortalApp CreateSqlite(IDictionary<string, string?>? settings = null) => new(StorageKind.Sqlite, null, settings);

    /// <summary>A PostgreSQL-backed host on a fresh database of the shared test cluster.</summary>
    public static async Task<PortalApp> CreatePostgresAsync(IDictionary<string, string?>? settings = null)
    {
        var cluster = await PostgresCluster.GetAsync();
        var connectionString = await cluster.CreateUniqueDatabaseAsync("portal");
        return new PortalApp(StorageKind.Postgres, connectionString, settings);
    }

    /// <summary>Creates the app for one storage kind; handy for theories over both providers.</summary>
    public static async Task<PortalApp> CreateAsync(StorageKind storage, IDictionary<string, string?>? settings = null) =>
        storage == StorageKind.Postgres ? await CreatePostgresAsync(settings) : CreateSqlite(settings);

    /// <summary>
    /// Serves this host on real Kestrel at a free loopback port, for browsers; returns the host
    /// site's base URL (<c>http://localhost:{port}</c>; tenants are <c>http://{name}.localhost:{port}</c>).
    /// </summary>
    public string StartKestrel()
    {
        var port = FreePort.Next();
        UseKestrel(port);
        StartServer();
        Port = port;
        return $"http://localhost:{port}";
    }

    /// <summary>The Kestrel port once <see cref="StartKestrel"/> ran.</summary>
    public int? Port { get; private set; }

    /// <summary>A client whose requests carry <c>Host: {host}</c>, keeps cookies, and doesn't follow redirects.</summary>
    public HttpClient CreateClient(string host) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://" + host),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>A client for the host site (<c>localhost</c>).</summary>
    public HttpClient CreateHostClient() => CreateClient("localhost");

    /// <summary>
    /// Creates a tenant through the same provisioning service the signup page uses, with a fresh,
    /// unique name unless one is given.
    /// </summary>
    public Task<TenantHandle> CreateTenantAsync(string? name = null, string recipe = "default", string? companyName = null) =>
        CreateTenantAsync(Services, name, recipe, companyName);

    /// <summary>
    /// The same, in any host's services — e.g. a <c>WithWebHostBuilder</c> variant of this app that
    /// replaced some services — so fixtures need not copy the provisioning steps.
    /// </summary>
    public static async Task<TenantHandle> CreateTenantAsync(IServiceProvider services, string? name = null, string recipe = "default", string? companyName = null)
    {
        name ??= $"t{Environment.ProcessId % 10000}-{Interlocked.Increment(ref _tenantCounter)}-{Guid.NewGuid().ToString("N")[..6]}";
        var request = new ProvisioningRequest
        {
            CompanyName = companyName ?? $"Green Acres {name}",
            Subdomain = name,
            OwnerName = "Olivia Owner",
            OwnerEmail = $"owner@{name}.example.com",
            OwnerPassword = "Lawn-Mower-Blue-42",
            RecipeName = recipe,
            RequireSelectableRecipe = false,
        };
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioningService>().ProvisionAsync(request, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Provisioning failed: " + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        }

        return new TenantHandle(result.Tenant!.Name, $"{result.Tenant.Name}.localhost", request.OwnerEmail, request.OwnerPassword, request.OwnerName, result.OwnerLandingPath);
    }

    /// <summary>Runs code inside a DI scope bound to a tenant, e.g. to read what a user action stored.</summary>
    public Task<T> InTenantScopeAsync<T>(string tenantName, Func<IServiceProvider, Task<T>> action) =>
        InTenantScopeAsync(Services, tenantName, action);

    /// <summary>The same, in any host's services.</summary>
    public static async Task<T> InTenantScopeAsync<T>(IServiceProvider services, string tenantName, Func<IServiceProvider, Task<T>> action)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        var tenant = await registry.FindByHostAsync($"{tenantName}.localhost", CancellationToken.None)
            ?? throw new InvalidOperationException($"No tenant '{tenantName}'.");
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // UseSetting reaches the configuration Program.cs sees while it composes the host; an
        // app-configuration callback would only apply after the services were registered.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TryDeleteAppData();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDeleteAppData();
    }

    private void TryDeleteAppData()
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(AppDataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background thread; the OS temp cleaner gets it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

public enum StorageKind
{
    Sqlite,
    Postgres,
}

/// <summary>A tenant created for a test, with its owner's credentials and one-time landing path.</summary>
public sealed record TenantHandle(string Name, string Host, string OwnerEmail, string OwnerPassword, string OwnerName, string? OwnerLandingPath);
