using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using OrchardPortal.PortalUsers.Services;
using OrchardPortal.Testing;
using OrchardPortal.Visits.Models;
using OrchardPortal.Visits.Services;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Visits.Tests.Infrastructure;

/// <summary>A customer signed in to the portal the way a real one gets there: invited by staff, activated from the emailed link.</summary>
public sealed record SignedInCustomer(Customer Customer, HttpClient Browser);

/// <summary>
/// The real host over one storage kind, with SMTP pointed at the shared maildev server. Each test makes
/// its own tenant (Schedule tab on, time zone America/New_York from the default recipe) and customers;
/// staff schedule visits through the admin form, as they would.
/// </summary>
public abstract partial class VisitsApp(StorageKind storage) : IAsyncLifetime
{
    public const string Password = "Hedgerow-Lantern-48";
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private PortalApp? _app;

    public MailDevServer Mail { get; private set; } = null!;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A day safely in the future in any time zone, as the admin form types it.</summary>
    public static DateOnly Day(int daysAhead = 3) => TenantDate.Today.AddDays(daysAhead);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        _app = await PortalApp.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
        });
    }

    /// <summary>A fresh tenant with the Schedule tab switched on, and its owner signed in to the admin.</summary>
    public async Task<(TenantHandle Tenant, HttpClient Staff)> NewTenantAsync(bool scheduleTab = true)
    {
        var tenant = await App.CreateTenantAsync();
        await SetPortalSettingsAsync(tenant, s =>
        {
            if (scheduleTab)
            {
                s.EnabledTabs.Add(PortalTabs.Schedule.Key);
            }

            s.NotificationEmails = [UniqueEmail("office")];
        });
        var staff = App.CreateClient(tenant.Host);
        var response = await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (tenant, staff);
    }

    public Task<T> InTenantAsync<T>(TenantHandle tenant, Func<IServiceProvider, Task<T>> action) => App.InTenantScopeAsync(tenant.Name, action);

    /// <summary>A customer made through the Customers module's service (as staff would through its form).</summary>
    public Task<Customer> CustomerAsync(TenantHandle tenant, string first = "Marisol", string last = "Ortega", bool withEmail = true) =>
        InTenantAsync(tenant, async sp =>
        {
            var customers = sp.GetRequiredService<CustomerService>();
            var result = await customers.CreateAsync(new CustomerDetails
            {
                FirstName = first,
                LastName = last,
                Emails = withEmail ? [new EmailDetails { Address = UniqueEmail(first), IsPrimary = true }] : [],
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
        var mail = await Mail.WaitForMailAsync(m => m.IsFor(customer.PrimaryEmail!), MailTimeout);
        var link = LinkPattern().Matches((mail[0].Text ?? "") + " " + (mail[0].Html ?? ""))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(p => p.StartsWith("/activate/", StringComparison.Ordinal));
        var browser = App.CreateClient(tenant.Host);
        var activated = await browser.PostFormAsync(link, [new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        return new SignedInCustomer(customer, browser);
    }

    /// <summary>Staff schedule a visit through /admin/visits/new; returns the new visit's id.</summary>
    public static async Task<long> ScheduleAsync(
        HttpClient staff, Customer customer, string service, DateOnly day, string from = "08:00", string to = "10:00", string? crewNotes = null, string? customerNotes = null)
    {
        var response = await staff.PostFormAsync(VisitPaths.AdminNew, VisitFields(customer.AccountNumber, service, Iso(day), from, to, crewNotes, customerNotes));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(VisitPaths.Admin + "/", location, StringComparison.Ordinal);
        return long.Parse(location[(VisitPaths.Admin.Length + 1)..], CultureInfo.InvariantCulture);
    }

    public static List<KeyValuePair<string, string>> VisitFields(string account, string service, string date, string from, string to, string? crewNotes = null, string? customerNotes = null) =>
    [
        new("Input.CustomerAccount", account),
        new("Input.ServiceName", service),
        new("Input.Date", date),
        new("Input.StartTime", from),
        new("Input.EndTime", to),
        new("Input.CrewNotes", crewNotes ?? ""),
        new("Input.CustomerNotes", customerNotes ?? ""),
    ];

    /// <summary>Staff press one of the visit page's buttons (start, complete, skip, cancel, delay, clear-delay).</summary>
    public static Task<HttpResponseMessage> StaffActAsync(HttpClient staff, long visitId, string handler, params KeyValuePair<string, string>[] fields) =>
        staff.PostFormAsync(VisitPaths.AdminDetails(visitId), fields, $"{VisitPaths.AdminDetails(visitId)}?handler={handler}");

    public Task<Visit?> VisitAsync(TenantHandle tenant, long id) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<VisitService>().GetAsync(id, CancellationToken.None));

    public Task<int> VisitCountAsync(TenantHandle tenant) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<Visit>().CountAsync());

    public Task<List<VisitChangeRequest>> ChangeRequestsAsync(TenantHandle tenant) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<VisitChangeRequest>().AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    /// <summary>What the tenant's outbox holds for one address (every email ever enqueued to it).</summary>
    public Task<List<OutboxMessage>> OutboxForAsync(TenantHandle tenant, string to) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.To == to).ToListAsync());

    public Task SetPortalSettingsAsync(TenantHandle tenant, Action<PortalSettings> change) =>
        InTenantAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<PortalSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            change(settings);
            Assert.Empty(await service.SaveAsync(settings, CancellationToken.None));
            return true;
        });

    public static string UniqueEmail(string who) => $"{who.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";

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

public sealed class SqliteVisitsApp() : VisitsApp(StorageKind.Sqlite);

public sealed class PostgresVisitsApp() : VisitsApp(StorageKind.Postgres);
