using OrchardPortal.Web.Testing;

namespace OrchardPortal.Content.Tests.Infrastructure;

/// <summary>The real host on one storage kind, shared by a test class; each test makes its own tenants.</summary>
public abstract class ContentPortal(StorageKind storage) : IAsyncLifetime
{
    private PortalApp? _app;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => _app = await PortalApp.CreateAsync(storage);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed class SqliteContentPortal() : ContentPortal(StorageKind.Sqlite);

public sealed class PostgresContentPortal() : ContentPortal(StorageKind.Postgres);
