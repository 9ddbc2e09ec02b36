using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.PortalUsers.Tests;

/// <summary>
/// The real host over SQLite with SMTP pointed at the shared maildev, for the staff-admin and "Update
/// information" tests. Everything a test needs happens the way people do it: staff sign in and press
/// buttons, customers follow the emailed link and choose a password. One per test class; each test
/// makes its own tenant and uses email addresses of its own (maildev is shared).
/// </summary>
public sealed class AdminTestHost : IAsyncLifetime
{
    public const string CustomerPassword = "Meadow-Lantern-Quiet-58";

    private static readonly HtmlParser Parser = new();
    private PortalApp? _app;

    public MailDevServer Mail { get; private set; } = null!;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        Mail = await MailDevServer.GetAsync();
        _app = PortalApp.CreateSqlite(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>An address nobody else in the test run uses.</summary>
    public static string Unique(string local) => $"{local}.{Guid.NewGuid():N}"[..(local.Length + 13)] + "@example.com";

    /// <summary>A fresh tenant and a browser-like client signed in as its owner through the sign-in page.</summary>
    public async Task<(TenantHandle Tenant, HttpClient Staff)> NewTenantAsync()
    {
        var tenant = await App.CreateTenantAsync();
        var staff = App.CreateClient(tenant.Host);
        var response = await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (tenant, staff);
    }

    /// <summary>Adds customers through the bulk import (the path spreadsheets take); returns their ids in order.</summary>
    public async Task<IReadOnlyList<long>> ImportAsync(TenantHandle tenant, params CustomerDetails[] customers)
    {
        var result = await App.InTenantScopeAsync(tenant.Name, sp => sp.GetRequiredService<CustomerService>()
            .ImportAsync(customers.Select(c => new CustomerImport(c)), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Field}: {e.Message}")));
        var ids = new List<long>();
        foreach (var customer in customers)
        {
            var found = await App.InTenantScopeAsync(tenant.Name, sp => sp.GetRequiredService<CustomerService>()
                .SearchAsync(new CustomerQuery { Text = customer.LastName, PageSize = CustomerQuery.MaxPageSize }, CancellationToken.None));
            ids.Add(found.Items.Single(i => i.DisplayName == CustomerText(customer)).Id);
        }

        return ids;
    }

    public Task<Customer?> CustomerAsync(TenantHandle tenant, long id) =>
        App.InTenantScopeAsync(tenant.Name, sp => sp.GetRequiredService<CustomerService>().GetAsync(id, CancellationToken.None));

    public static CustomerDetails Person(string first, string last, string? email, string? phone = "(630) 555-0142") => new()
    {
        FirstName = first,
        LastName = last,
        Emails = email is null ? [] : [new EmailDetails { Address = email, Label = "Home" }],
        Phones = phone is null ? [] : [new PhoneDetails { Number = phone, Label = "Mobile" }],
        Addresses = [new AddressDetails { Kind = AddressKind.Service, Label = "Home", Line1 = "418 Birchwood Lane", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
    };

    /// <summary>Staff press "Send portal registration link" on the customer's portal-users page.</summary>
    public static Task<HttpResponseMessage> SendRegistrationLinkAsync(HttpClient staff, long customerId) =>
        staff.PostFormAsync($"/admin/customers/{customerId}/portal-users", [], $"/admin/customers/{customerId}/portal-users?handler=InviteCustomer");

    /// <summary>Waits for the <paramref name="nth"/> (1-based) email to <paramref name="email"/> holding a link to <paramref name="pathPrefix"/>; returns the link's path.</summary>
    public async Task<string> LinkFromMailAsync(string email, string pathPrefix, int nth = 1)
    {
        var pattern = new Regex(@"https?://[^/\s""]+(" + Regex.Escape(pathPrefix) + @"[A-Za-z0-9_\-]+)");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var links = (await Mail.GetAllAsync()).Where(m => m.IsFor(email))
                .Select(m => pattern.Match(m.Text ?? m.Html ?? "")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            if (links.Count >= nth)
            {
                return links[nth - 1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"No email #{nth} with a {pathPrefix} link reached {email}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Staff invite the customer; the customer opens the emailed link and chooses a password. Returns their signed-in browser.</summary>
    public async Task<HttpClient> InviteAndActivateAsync(TenantHandle tenant, HttpClient staff, long customerId, string email)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SendRegistrationLinkAsync(staff, customerId)).StatusCode);
        return await ActivateAsync(tenant, email);
    }

    /// <summary>The customer opens their latest activation link and sets <see cref="CustomerPassword"/>; lands signed in on Home.</summary>
    public async Task<HttpClient> ActivateAsync(TenantHandle tenant, string email, int nth = 1)
    {
        var link = await LinkFromMailAsync(email, "/activate/", nth);
        var customer = App.CreateClient(tenant.Host);
        var activated = await customer.PostFormAsync(link, [new("Password", CustomerPassword), new("ConfirmPassword", CustomerPassword)]);
        Assert.True(activated.StatusCode == HttpStatusCode.Redirect, $"Activation answered {(int)activated.StatusCode}: {await activated.Content.ReadAsStringAsync()}");
        Assert.Equal("/", activated.Headers.Location?.OriginalString);
        return customer;
    }

    public static async Task<IDocument> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}.");
        return await DocumentAsync(response);
    }

    public static async Task<IDocument> DocumentAsync(HttpResponseMessage response) => Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    private static string CustomerText(CustomerDetails details) => $"{details.FirstName} {details.LastName}".Trim();
}
