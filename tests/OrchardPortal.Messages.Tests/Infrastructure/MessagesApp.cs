using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Services;
using OrchardPortal.Core.Data;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Messages.Tests.Infrastructure;

/// <summary>A tenant with Messages switched on, its owner signed in to the admin, and the office address that gets customers' messages.</summary>
public sealed record Office(TenantHandle Tenant, HttpClient Staff, string NotificationEmail);

/// <summary>A customer signed in to the portal the way a real one gets there: invited by staff, activated from the emailed link.</summary>
public sealed record SignedInCustomer(Customer Customer, HttpClient Browser, string Email);

/// <summary>
/// The real host over one storage kind, with SMTP pointed at the shared maildev server and a small upload
/// limit (the real <c>Documents:MaxUploadBytes</c> setting, which attachments share) so "too big" needs no
/// large files. Each test makes its own tenant and customers.
/// </summary>
public abstract partial class MessagesApp(StorageKind storage) : IAsyncLifetime
{
    public const long MaxUploadBytes = 64 * 1024;
    public const string Password = "Hedgerow-Lantern-48";
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

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

    /// <summary>A fresh tenant with the Messages, Invoices and Estimates tabs on, and its owner signed in to the admin.</summary>
    public async Task<Office> NewTenantAsync(bool messagesTab = true)
    {
        var tenant = await App.CreateTenantAsync();
        var office = UniqueEmail("office");
        await SetPortalSettingsAsync(tenant, s =>
        {
            s.NotificationEmails = [office];
            s.EnabledTabs.AddRange([PortalTabs.Invoices.Key, PortalTabs.Estimates.Key]);
            if (messagesTab)
            {
                s.EnabledTabs.Add(PortalTabs.Messages.Key);
            }
        });

        var staff = App.CreateClient(tenant.Host);
        var response = await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Office(tenant, staff, office);
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
        return new SignedInCustomer(customer, browser, customer.PrimaryEmail!);
    }

    /// <summary>Follows the activation link emailed to <paramref name="email"/> and sets the password; the browser is then signed in.</summary>
    public async Task<HttpClient> ActivateAsync(TenantHandle tenant, string email)
    {
        var mail = await Mail.WaitForMailAsync(m => m.IsFor(email), MailTimeout);
        var link = Links(mail[0]).First(p => p.StartsWith("/activate/", StringComparison.Ordinal));
        var browser = App.CreateClient(tenant.Host);
        var activated = await browser.PostFormAsync(link, [new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        return browser;
    }

    /// <summary>An issued invoice for the customer, as staff would create and issue it; returns its id and number.</summary>
    public Task<(long Id, string Number)> IssuedInvoiceAsync(TenantHandle tenant, long customerId) =>
        InTenantAsync(tenant, async sp =>
        {
            var invoices = sp.GetRequiredService<InvoiceService>();
            var today = TenantDate.Today;
            var created = await invoices.CreateAsync(new DocumentDraft
            {
                CustomerId = customerId,
                IssueDate = today,
                EndDate = today.AddDays(30),
                Lines = [new LineDraft { Description = "Spring clean-up", Quantity = 1, UnitPrice = 14500 }],
            }, CancellationToken.None);
            Assert.True(created.Succeeded, created.Message);
            var issued = await invoices.IssueAsync(created.Id, CancellationToken.None);
            Assert.True(issued.Succeeded, issued.Message);
            return (created.Id, (await invoices.GetAsync(created.Id, CancellationToken.None))!.Number);
        });

    public Task SetPortalSettingsAsync(TenantHandle tenant, Action<PortalSettings> change) =>
        InTenantAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            change(settings);
            Assert.Empty(await service.SaveAsync(settings, CancellationToken.None));
            return true;
        });

    /// <summary>How many rows of <typeparamref name="T"/> the tenant has (to prove a refusal saved nothing).</summary>
    public Task<int> CountAsync<T>(TenantHandle tenant)
        where T : class =>
        InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<TenantDbContext>().Set<T>().Count()));

    /// <summary>The files in the tenant's documents folder on disk, where attachment bytes are kept.</summary>
    public IReadOnlyList<string> FilesOnDisk(TenantHandle tenant)
    {
        var root = Path.Combine(App.Services.GetRequiredService<ITenantStorage>().GetTenantFilesPath(tenant.Name), "documents");
        return Directory.Exists(root) ? Directory.GetFiles(root) : [];
    }

    public static string UniqueEmail(string who) => $"{who.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";

    /// <summary>The site-relative paths of the absolute links in an email.</summary>
    public static IReadOnlyList<string> Links(ReceivedMail mail) =>
        [.. LinkPattern().Matches((mail.Text ?? "") + " " + (mail.Html ?? "")).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [GeneratedRegex(@"https?://[^/\s""'<>]+(/[A-Za-z0-9/_\-]+)")]
    private static partial Regex LinkPattern();
}

public sealed class SqliteMessagesApp() : MessagesApp(StorageKind.Sqlite);

public sealed class PostgresMessagesApp() : MessagesApp(StorageKind.Postgres);
