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

namespace OrchardPortal.ServiceRequests.Tests.Infrastructure;

/// <summary>A customer signed in to the portal the way a real one gets there: invited by staff, activated from the emailed link.</summary>
public sealed record SignedInCustomer(Customer Customer, HttpClient Browser)
{
    public long PropertyId => Customer.Addresses.First(a => a.Kind == AddressKind.Service).Id;
}

/// <summary>A photo attached to the request form: its name and bytes as the browser sends them.</summary>
public sealed record Photo(string FileName, byte[] Bytes);

/// <summary>
/// The real host over one storage kind, with SMTP pointed at the shared maildev server and small photo
/// limits (through the real <c>ServiceRequests:*</c> settings) so "too big" needs no large files. The
/// Request service and Service notes tabs are switched on, and the office's notification address is unique
/// per tenant, so each test finds its own mail.
/// </summary>
public abstract partial class ServiceRequestsApp(StorageKind storage) : IAsyncLifetime
{
    public const long MaxPhotoBytes = 64 * 1024;
    public const int MaxPhotos = 3;
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
            ["ServiceRequests:MaxPhotoBytes"] = MaxPhotoBytes.ToString(CultureInfo.InvariantCulture),
            ["ServiceRequests:MaxPhotos"] = MaxPhotos.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A fresh tenant with both tabs on (unless asked otherwise), its office address, and its owner signed in to the admin.</summary>
    public async Task<(TenantHandle Tenant, HttpClient Staff, string Office)> NewTenantAsync(bool tabsOn = true)
    {
        var tenant = await App.CreateTenantAsync();
        var office = UniqueEmail("office");
        await SetPortalSettingsAsync(tenant, s =>
        {
            s.NotificationEmails = [office];
            if (tabsOn)
            {
                s.EnabledTabs.Add(PortalTabs.RequestService.Key);
                s.EnabledTabs.Add(PortalTabs.ServiceNotes.Key);
            }
        });

        var staff = App.CreateClient(tenant.Host);
        var response = await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (tenant, staff, office);
    }

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => App.InTenantScopeAsync(tenant.Name, action);

    /// <summary>A customer with one service property, made through the Customers module's service (as staff would through its form).</summary>
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
        var mail = await Mail.WaitForMailAsync(m => m.IsFor(customer.PrimaryEmail!), TimeSpan.FromSeconds(30));
        var link = LinkPattern().Matches((mail[0].Text ?? "") + " " + (mail[0].Html ?? ""))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(p => p.StartsWith("/activate/", StringComparison.Ordinal));
        var browser = App.CreateClient(tenant.Host);
        var activated = await browser.PostFormAsync(link, [new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        return new SignedInCustomer(customer, browser);
    }

    public Task SetPortalSettingsAsync(TenantHandle tenant, Action<PortalSettings> change) =>
        InTenantAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            change(settings);
            Assert.Empty(await service.SaveAsync(settings, CancellationToken.None));
            return true;
        });

    /// <summary>The files in the tenant's store on disk (photos go where documents go).</summary>
    public IReadOnlyList<string> FilesOnDisk(TenantHandle tenant)
    {
        var root = Path.Combine(App.Services.GetRequiredService<ITenantStorage>().GetTenantFilesPath(tenant.Name), "documents");
        return Directory.Exists(root) ? Directory.GetFiles(root) : [];
    }

    public static string UniqueEmail(string who) => $"{who.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";

    /// <summary>A valid form: the given service, the customer's property, next week, with the fields overridden by <paramref name="fields"/>.</summary>
    public static Dictionary<string, string> RequestFields(SignedInCustomer customer, string service, params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Service"] = service,
            ["Description"] = "",
            ["PropertyId"] = customer.PropertyId.ToString(CultureInfo.InvariantCulture),
            ["PreferredFrom"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PreferredTo"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PreferredTime"] = "Morning",
            ["Notes"] = "Side gate is open.",
        };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return form;
    }

    /// <summary>Sends the Request service form as the browser does (multipart, the page's antiforgery token, any photos).</summary>
    public static async Task<HttpResponseMessage> SendRequestAsync(HttpClient client, IReadOnlyDictionary<string, string> fields, params Photo[] photos)
    {
        var page = await client.GetAsync("/request-service");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = FormPosting.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token ?? ""), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var photo in photos)
        {
            var file = new ByteArrayContent(photo.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "Photos", photo.FileName);
        }

        return await client.PostAsync("/request-service", form);
    }

    /// <summary>The catalogue's services as the form offers them: value → name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ServicesOfferedAsync(HttpClient client)
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/request-service"));
        return ServiceOptionPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    /// <summary>Links to the customer's own requests on the tab, e.g. <c>/request-service/12</c>.</summary>
    public static async Task<IReadOnlyList<string>> RequestLinksAsync(HttpClient client) =>
        [.. RequestLinkPattern().Matches(await client.GetStringAsync("/request-service")).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [GeneratedRegex(@"https?://[^/\s""'<>]+(/[A-Za-z0-9/_\-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"name=""Service"" value=""(\d+)""[^>]*>\s*<span><strong>([^<]+)</strong>")]
    private static partial Regex ServiceOptionPattern();

    [GeneratedRegex(@"href=""(/request-service/\d+)""")]
    private static partial Regex RequestLinkPattern();
}

public sealed class SqliteServiceRequestsApp() : ServiceRequestsApp(StorageKind.Sqlite);

public sealed class PostgresServiceRequestsApp() : ServiceRequestsApp(StorageKind.Postgres);
