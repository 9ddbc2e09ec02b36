using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Customers.Bench;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Web.Testing;

// Seeds N customers (default 50,000) into a fresh tenant through CustomerService.ImportAsync, then times
// the list and search queries staff run, through the service and through the real admin page.
//   dotnet run -c Release --project tests/OrchardPortal.Customers.Tests/Bench -- sqlite postgres [--customers 50000]
var count = args.SkipWhile(a => a != "--customers").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(50_000);
var kinds = args.Where(a => a is "sqlite" or "postgres").Select(a => a == "postgres" ? StorageKind.Postgres : StorageKind.Sqlite).DefaultIfEmpty(StorageKind.Sqlite).ToList();
const int Repeats = 15;

// WebApplicationFactory finds the host's content root through a manifest only test projects get; a console says it here.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ORCHARDPORTAL_WEB", OrchardPortal.Testing.RepositoryRoot.Combine("src", "OrchardPortal.Web"));

Console.WriteLine($"# Customers bench: {count:N0} customers, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
foreach (var kind in kinds)
{
    await using var app = await PortalApp.CreateAsync(kind);
    var tenant = await app.CreateTenantAsync();
    var rows = FakeCustomers.Generate(count).ToList();

    var import = Stopwatch.StartNew();
    var result = await InScope(s => s.ImportAsync(rows, CancellationToken.None));
    import.Stop();
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Row} {e.Field}: {e.Message}")));
    }

    // A tenth of the customers get a portal account (the way the portal-users module will set it).
    var flags = Stopwatch.StartNew();
    for (long id = 1; id <= count; id += 10)
    {
        var customerId = id;
        await InScope(s => s.SetPortalFlagsAsync(customerId, new CustomerPortalFlags(HasPortalAccount: true, AutopayEnabled: customerId % 20 == 1), CancellationToken.None));
    }

    flags.Stop();
    Console.WriteLine();
    Console.WriteLine($"## {kind}");
    Console.WriteLine($"Import of {count:N0}: {import.Elapsed.TotalSeconds:F1} s ({count / import.Elapsed.TotalSeconds:N0} customers/s); {count / 10:N0} SetPortalFlags calls: {flags.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine();
    Console.WriteLine("| query | rows matched | p50 ms | p95 ms |");
    Console.WriteLine("|---|---:|---:|---:|");

    var lastPage = (count + CustomerQuery.DefaultPageSize - 1) / CustomerQuery.DefaultPageSize;
    var sample = rows[count / 2].Details;
    var scenarios = new (string Name, CustomerQuery Query)[]
    {
        ("list, by name, page 1", new CustomerQuery()),
        ("list, by name, page 500", new CustomerQuery { Page = 500 }),
        ("list, by name, last page", new CustomerQuery { Page = lastPage }),
        ("list, by name desc, page 1", new CustomerQuery { Descending = true }),
        ("list, by account number, page 1", new CustomerQuery { Sort = CustomerSort.AccountNumber }),
        ("list, newest first, page 1", new CustomerQuery { Sort = CustomerSort.Created, Descending = true }),
        ("filter: active, page 1", new CustomerQuery { Status = CustomerStatus.Active }),
        ("filter: inactive, page 1", new CustomerQuery { Status = CustomerStatus.Inactive }),
        ("filter: has portal account, page 1", new CustomerQuery { HasPortalAccount = true }),
        ("filter: portal + autopay, page 1", new CustomerQuery { HasPortalAccount = true, AutopayEnabled = true }),
        ("search: common surname 'smith'", new CustomerQuery { Text = "smith" }),
        ("search: two words 'grace smith'", new CustomerQuery { Text = "grace smith" }),
        ("search: full email", new CustomerQuery { Text = sample.Emails[0].Address }),
        ("search: phone as typed", new CustomerQuery { Text = sample.Phones[0].Number }),
        ("search: last 4 phone digits", new CustomerQuery { Text = CustomerText.PhoneDigits(sample.Phones[0].Number)[^4..] }),
        ("search: account number", new CustomerQuery { Text = AccountNumberGenerator.Format(count / 3) }),
        ("search: no match", new CustomerQuery { Text = "zzqx" }),
        ("search + active, by created desc", new CustomerQuery { Text = "smith", Status = CustomerStatus.Active, Sort = CustomerSort.Created, Descending = true }),
    };
    foreach (var (name, query) in scenarios)
    {
        var matched = 0;
        var times = await TimeAsync(async () => matched = (await InScope(s => s.SearchAsync(query, CancellationToken.None))).TotalCount);
        Console.WriteLine($"| {name} | {matched:N0} | {times.P50:F1} | {times.P95:F1} |");
    }

    // The whole admin page: routing, auth cookie, query, Razor rendering of 50 rows.
    var staff = app.CreateClient(tenant.Host);
    var login = await staff.PostFormAsync("/admin/login", [new("Input.Email", tenant.OwnerEmail), new("Input.Password", tenant.OwnerPassword)]);
    if (login.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException("Sign-in failed: " + login.StatusCode);
    }

    foreach (var (name, path) in new[]
    {
        ("GET /admin/customers", "/admin/customers"),
        ("GET /admin/customers?q=smith&status=active", "/admin/customers?q=smith&status=active"),
        ("GET /admin/customers?p=500", "/admin/customers?p=500"),
        ("GET /admin/customers/{id}", "/admin/customers/" + (count / 2)),
    })
    {
        var times = await TimeAsync(async () =>
        {
            using var response = await staff.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            }

            await response.Content.ReadAsByteArrayAsync();
        });
        Console.WriteLine($"| page: {name} | | {times.P50:F1} | {times.P95:F1} |");
    }

    async Task<T> InScope<T>(Func<CustomerService, Task<T>> action) =>
        await app.InTenantScopeAsync(tenant.Name, sp => action(sp.GetRequiredService<CustomerService>()));
}

static async Task<(double P50, double P95)> TimeAsync(Func<Task> action)
{
    await action();
    await action();
    var samples = new List<double>();
    for (var i = 0; i < Repeats; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        samples.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    samples.Sort();
    return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1]);
}
