using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Documents.Tests.Infrastructure;

/// <summary>A customer signed in to the portal the way a real one gets there: invited by staff, activated from the emailed link.</summary>
public sealed record SignedInCustomer(Customer Customer, HttpClient Browser);

/// <summary>
/// The real host over one storage kind, with SMTP pointed at the shared maildev server and a small upload
/// limit (<see cref="MaxUploadBytes"/>, through the real <c>Documents:MaxUploadBytes</c> setting) so
/// "too big" needs no large files. Each test makes its own tenant and customers.
/// </summary>
public abstract partial class DocumentsApp(StorageKind storage) : IAsyncLifetime
{
    public const long MaxUploadBytes = 64 * 1024;
    public const string Password = "Hedgerow-Lantern-48";

    private PortalApp? _app;

    public MailDevServer Mail { get; private set; } = null!;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        _app = await PortalApp.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
            ["Documents:MaxUploadBytes"] = MaxUploadBytes.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A fresh tenant with the Documents tab switched on, and its owner signed in to the admin.</summary>
    public async Task<(TenantHandle Tenant, HttpClient Staff)> NewTenantAsync(bool documentsTab = true)
    {
        var tenant = await App.CreateTenantAsync();
        if (documentsTab)
        {
            await SetPortalSettingsAsync(tenant, s => s.EnabledTabs.Add(PortalTabs.Documents.Key));
        }

        var staff = App.CreateClient(tenant.Host);
        var response = await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (tenant, staff);
    }

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => App.InTenantScopeAsync(tenant.Name, action);

    /// <summary>A customer made through the Customers module's service (as staff would through its form).</summary>
    public Task<Customer> CustomerAsync(TenantHandle tenant, string first = "Marisol", string last = "Ortega") =>
        InTenantAsync(tenant, async sp =>
        {
            var customers = sp.GetRequiredService<CustomerService>();
            var result = await customers.CreateAsync(new CustomerDetails
            {
                FirstName = first,
                LastName = last,
                Emails = [new EmailDetails { Address = UniqueEmail(first), IsPrimary = true }],
                Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = "418 Birchwood Lane", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
            }, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            return (await customers.GetAsync(result.CustomerId, CancellationToken.None))!;
        });

    /// <summary>Staff invite a new customer; the customer follows the emailed link and sets a password.</summary>
    public async Task<SignedInCustomer> SignedInCustomerAsync(TenantHandle tenant, string first = "Casey", string last = "Brookfield")
    {
        var customer = await CustomerAsync(tenant, first, last);
        var invited = await InTenantAsync(tenant, sp => sp.GetRequiredService<PortalInvitationService>().InviteCustomerAsync(customer.Id, CancellationToken.None));
        Assert.True(invited.Succeeded, invited.Error);
        var browser = await ActivateAsync(tenant, customer.PrimaryEmail!);
        return new SignedInCustomer(customer, browser);
    }

    /// <summary>Follows the activation link emailed to <paramref name="email"/> and sets the password; the browser is then signed in.</summary>
    public async Task<HttpClient> ActivateAsync(TenantHandle tenant, string email)
    {
        var mail = await Mail.WaitForMailAsync(m => m.IsFor(email), TimeSpan.FromSeconds(30));
        var link = LinkPattern().Matches((mail[0].Text ?? "") + " " + (mail[0].Html ?? ""))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(p => p.StartsWith("/activate/", StringComparison.Ordinal));
        var browser = App.CreateClient(tenant.Host);
        var activated = await browser.PostFormAsync(link, [new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        return browser;
    }

    public Task SetPortalSettingsAsync(TenantHandle tenant, Action<PortalSettings> change) =>
        InTenantAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            if (settings.NotificationEmails.Count == 0)
            {
                settings.NotificationEmails = [tenant.OwnerEmail];
            }

            change(settings);
            Assert.Empty(await service.SaveAsync(settings, CancellationToken.None));
            return true;
        });

    /// <summary>The files in the tenant's documents folder on disk (none when it was never created).</summary>
    public IReadOnlyList<string> FilesOnDisk(TenantHandle tenant)
    {
        var root = Path.Combine(App.Services.GetRequiredService<ITenantStorage>().GetTenantFilesPath(tenant.Name), "documents");
        return Directory.Exists(root) ? Directory.GetFiles(root) : [];
    }

    public static string UniqueEmail(string who) => $"{who.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";

    /// <summary>Staff upload through /admin/documents/upload, as the form posts it.</summary>
    public static Task<HttpResponseMessage> StaffUploadAsync(HttpClient staff, long? customerId, string title, byte[] bytes, string fileName, string? browserType = null) =>
        UploadAsync(staff, "/admin/documents/upload" + (customerId is { } id ? $"?customer={id}" : ""), "/admin/documents/upload", title, bytes, fileName, browserType,
            customerId is { } c ? [new("For", "customer"), new("CustomerId", c.ToString(CultureInfo.InvariantCulture))] : [new("For", "all")]);

    /// <summary>A customer uploads from the Documents tab.</summary>
    public static Task<HttpResponseMessage> CustomerUploadAsync(HttpClient customer, string title, byte[] bytes, string fileName, string? browserType = null) =>
        UploadAsync(customer, "/documents", "/documents", title, bytes, fileName, browserType, []);

    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, string pageUrl, string postUrl, string title, byte[] bytes, string fileName, string? browserType, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = FormPosting.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token ?? ""), "__RequestVerificationToken");
        form.Add(new StringContent(title), "Title");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(browserType ?? "application/octet-stream");
        form.Add(file, "File", fileName);
        return await client.PostAsync(postUrl, form);
    }

    /// <summary>The document links on a page, e.g. <c>/documents/12/download</c>.</summary>
    public static async Task<IReadOnlyList<string>> DownloadLinksAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return [.. DownloadLinkPattern().Matches(html).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [GeneratedRegex(@"https?://[^/\s""'<>]+(/[A-Za-z0-9/_\-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"href=""(/(?:admin/)?documents/\d+/download)""")]
    private static partial Regex DownloadLinkPattern();
}

public sealed class SqliteDocumentsApp() : DocumentsApp(StorageKind.Sqlite);

public sealed class PostgresDocumentsApp() : DocumentsApp(StorageKind.Postgres);
