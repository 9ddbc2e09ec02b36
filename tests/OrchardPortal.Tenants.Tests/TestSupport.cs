using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrchardPortal.Core.Data;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Tenants.Tests;

/// <summary>What the tests need beyond the shared harness: reading pages, signing in as the operator, calling the API.</summary>
internal static class TestSupport
{
    public const string GoodPassword = "Blue-Tractor-Sky-97";

    private static int _counter;

    /// <summary>A subdomain no other test uses.</summary>
    public static string UniqueName(string prefix = "co") =>
        $"{prefix}-{Environment.ProcessId % 10000}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..5]}";

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The visible error message shown under a form field, or null.</summary>
    public static string? FieldError(this IHtmlDocument document, string field) =>
        document.GetElementById(field + "-error") is { } element && !element.HasAttribute("hidden") ? element.TextContent.Trim() : null;

    /// <summary>The text of the page's error alert, or null.</summary>
    public static string? Alert(this IHtmlDocument document) =>
        document.QuerySelector(".alert-error")?.TextContent.Trim();

    public static string? InputValue(this IHtmlDocument document, string id) =>
        (document.GetElementById(id) as IHtmlInputElement)?.GetAttribute("value");

    public static KeyValuePair<string, string>[] SignupFields(string subdomain, string company = "Green Acres Lawn Care") =>
    [
        new("CompanyName", company),
        new("Subdomain", subdomain),
        new("OwnerName", "Olivia Owner"),
        new("OwnerEmail", $"olivia@{subdomain}.example.com"),
        new("OwnerPassword", GoodPassword),
        new("RecipeName", "default"),
    ];

    public static KeyValuePair<string, string>[] With(this KeyValuePair<string, string>[] fields, string name, string value) =>
        fields.Select(f => f.Key == name ? new KeyValuePair<string, string>(name, value) : f).ToArray();

    /// <summary>A host-site client signed in as the operator configured by the harness.</summary>
    public static async Task<HttpClient> SignedInOperatorAsync(this PortalApp app)
    {
        var client = app.CreateHostClient();
        var response = await client.PostFormAsync("/operator/login", [new("Email", PortalApp.OperatorEmail), new("Password", PortalApp.OperatorPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A host-site client sending an operator API key.</summary>
    public static HttpClient ApiClient(this PortalApp app, string key = PortalApp.OperatorApiKey)
    {
        var client = app.CreateHostClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Whether any trace of a tenant's storage is left: its folder, and on PostgreSQL its schema.</summary>
    public static async Task<bool> StorageExistsAsync(this PortalApp app, string name)
    {
        if (Directory.Exists(Path.Combine(app.AppDataPath, "Sites", name)))
        {
            return true;
        }

        if (app.Storage != StorageKind.Postgres)
        {
            return false;
        }

        var connectionString = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", connection);
        command.Parameters.AddWithValue("schema", PostgresTenantStorage.SchemaFor(name));
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}

/// <summary>One host per test class, on the storage the class names; created and disposed by xunit.</summary>
public abstract class PortalAppFixture(StorageKind storage) : IAsyncLifetime
{
    public PortalApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await PortalApp.CreateAsync(storage);
        _ = App.Server;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteAppFixture() : PortalAppFixture(StorageKind.Sqlite);

public sealed class PostgresAppFixture() : PortalAppFixture(StorageKind.Postgres);
