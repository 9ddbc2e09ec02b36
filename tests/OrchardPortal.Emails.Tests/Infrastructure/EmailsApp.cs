using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests.Infrastructure;

/// <summary>
/// The real host (SQLite unless a subclass says otherwise) with the host-wide SMTP default pointed at the
/// shared maildev server. One per test class; each test makes its own tenant and sends to its own addresses.
/// </summary>
public class EmailsApp : IAsyncLifetime
{
    private PortalApp? _app;

    public MailDevServer Mail { get; private set; } = null!;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    protected virtual StorageKind Storage => StorageKind.Sqlite;

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        _app = await PortalApp.CreateAsync(Storage, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:FromAddress"] = "host-default@orchardportal.test",
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
        });
        _ = _app.Server;
    }

    /// <summary>A fresh tenant and a browser-like client signed in as its owner through the sign-in page.</summary>
    public async Task<(TenantHandle Tenant, HttpClient Staff)> NewTenantAsync()
    {
        var tenant = await App.CreateTenantAsync();
        return (tenant, await SignInAsync(tenant));
    }

    public async Task<HttpClient> SignInAsync(TenantHandle tenant)
    {
        var client = App.CreateClient(tenant.Host);
        var response = await client.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => App.InTenantScopeAsync(tenant.Name, action);

    /// <summary>Sends template <paramref name="key"/> the way feature modules do: render, enqueue, save.</summary>
    public Task<Guid> SendAsync(TenantHandle tenant, string key, string to, string? toName, IReadOnlyDictionary<string, object?> model) =>
        InTenantAsync(tenant, async sp =>
        {
            var email = await sp.GetRequiredService<IEmailTemplateService>().RenderAsync(key, to, toName, model, CancellationToken.None);
            return await sp.GetRequiredService<IEmailOutbox>().SendNowAsync(email, CancellationToken.None);
        });

    /// <summary>Waits until the outbox message reaches a final state (Sent or Failed).</summary>
    public async Task<OutboxMessage> WaitForOutcomeAsync(TenantHandle tenant, Guid id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var message = await InTenantAsync(tenant, sp => sp.GetRequiredService<Core.Data.TenantDbContext>().Set<OutboxMessage>().FindAsync(id).AsTask());
            if (message is { State: OutboxState.Sent or OutboxState.Failed })
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Outbox message {id} is still {message?.State} after {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>The same host over PostgreSQL (a schema per tenant).</summary>
public sealed class PostgresEmailsApp : EmailsApp
{
    protected override StorageKind Storage => StorageKind.Postgres;
}
