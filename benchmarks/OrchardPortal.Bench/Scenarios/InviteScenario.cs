using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Bench.Infrastructure;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Customers.Models;
using OrchardPortal.Customers.Services;
using OrchardPortal.Testing;

namespace OrchardPortal.Bench.Scenarios;

/// <summary>
/// Inviting every customer at once: a tenant with N customers (imported through the Customers import
/// service), one bulk "Send registration link" to all of them posted by a signed-in staff member to
/// "Manage portal users" over HTTP, then the outbox delivers to this process's own maildev. Measures
/// the POST, the time until every message is in maildev, and a staff admin page polled meanwhile;
/// then counts messages per recipient: none may be missing or doubled.
/// </summary>
internal static class InviteScenario
{
    private static readonly TimeSpan AdminPollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MailPollInterval = TimeSpan.FromMilliseconds(500);
    // Bounded: the run gives up after this long, or when no new message has arrived for StallLimit.
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan DuplicateWatch = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(BenchOptions options, ResultTable results, CancellationToken cancellationToken)
    {
        var count = options.Customers;
        Console.WriteLine($"== invite: {count:N0} customers, one bulk invitation via POST /admin/portal-users, {(options.IsPostgres ? "PostgreSQL" : "SQLite")}, in-process host on Kestrel, private maildev");
        var mail = await MailDevServer.GetAsync(cancellationToken);
        using var storage = await BenchStorage.CreateAsync(options.IsPostgres, "invite");
        await using var portal = InProcessPortal.Start(storage, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = mail.SmtpHost,
            ["Email:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
        });
        using var client = new PortalClient(portal.Port, TimeSpan.FromMinutes(5));

        var subdomain = "invite" + Guid.NewGuid().ToString("N")[..6];
        var signup = new SignupDriver(client);
        await signup.SignUpAsync(subdomain, followOwner: false, cancellationToken);
        var tenantHost = subdomain + ".localhost";
        var batch = Guid.NewGuid().ToString("N")[..8];
        var stopwatch = Stopwatch.StartNew();
        await ImportAsync(portal.Services, tenantHost, count, batch, cancellationToken);
        Console.WriteLine($"   imported {count:N0} customers through CustomerService.ImportAsync in {stopwatch.Elapsed.TotalSeconds:F1} s");

        await SignInAsync(client, tenantHost, subdomain, cancellationToken);
        var listUrl = client.Url(tenantHost, "/admin/portal-users?without=true");
        using var listPage = await client.GetAsync(listUrl, cancellationToken);
        var token = PortalClient.AntiforgeryToken(await PortalClient.ReadAsync(listPage, cancellationToken))
            ?? throw new InvalidOperationException("Manage portal users has no antiforgery token (is the page there?).");
        var before = (await mail.GetAllAsync(cancellationToken)).Count;

        // Staff keep working meanwhile: a second signed-in browser polls an admin page every 200 ms.
        using var secondTab = new PortalClient(portal.Port, TimeSpan.FromMinutes(5));
        await SignInAsync(secondTab, tenantHost, subdomain, cancellationToken);
        using var admin = new AdminPoller(secondTab);
        var adminTask = admin.RunAsync(secondTab.Url(tenantHost, "/admin/portal-users"), cancellationToken);

        var loadBefore = MachineLoad.LoadAverage();
        stopwatch.Restart();
        using var post = await client.PostFormAsync(client.Url(tenantHost, "/admin/portal-users?handler=Bulk"),
        [
            new("without", "true"), new("scope", "all"), new("send", "invite"), new("__RequestVerificationToken", token),
        ], cancellationToken);
        await PortalClient.ReadAsync(post, cancellationToken);
        var posted = stopwatch.Elapsed;
        if (post.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The bulk invitation answered {(int)post.StatusCode}, not a redirect with its summary.");
        }

        using var summaryPage = await client.GetAsync(client.Url(tenantHost, post.Headers.Location!.OriginalString), cancellationToken);
        var summary = Summary(await PortalClient.ReadAsync(summaryPage, cancellationToken));
        Console.WriteLine($"   POST answered in {posted.TotalSeconds:F2} s: \"{summary}\"");

        var counter = new MaildevCounter(mail.WebUri, before, batch);
        TimeSpan? allDelivered = null;
        var (lastCount, lastProgress, lastReport) = (0, stopwatch.Elapsed, stopwatch.Elapsed);
        while (stopwatch.Elapsed < DeliveryLimit && stopwatch.Elapsed - lastProgress < StallLimit)
        {
            await counter.ReadNewAsync(cancellationToken);
            if (counter.Distinct >= count)
            {
                allDelivered = stopwatch.Elapsed;
                break;
            }

            if (counter.Distinct > lastCount)
            {
                (lastCount, lastProgress) = (counter.Distinct, stopwatch.Elapsed);
            }

            if (stopwatch.Elapsed - lastReport >= TimeSpan.FromSeconds(30))
            {
                lastReport = stopwatch.Elapsed;
                Console.WriteLine($"   … {counter.Distinct:N0} of {count:N0} in maildev after {stopwatch.Elapsed.TotalSeconds:F0} s");
            }

            await Task.Delay(MailPollInterval, cancellationToken);
        }

        Console.WriteLine(allDelivered is { } done
            ? $"   all {count:N0} messages in maildev {done.TotalSeconds:F1} s after the POST was sent"
            : $"   gave up after {stopwatch.Elapsed.TotalMinutes:F1} min with {counter.Distinct:N0} of {count:N0} recipients reached");
        admin.Stop();
        var adminTimings = await adminTask;

        // Anything sent twice would arrive shortly after the first copy: keep reading a little longer.
        await Task.Delay(DuplicateWatch, cancellationToken);
        await counter.ReadNewAsync(cancellationToken);
        var lost = count - counter.Distinct;
        var duplicated = counter.Duplicates;
        var cpu = MachineLoad.ProcessCpu();
        Console.WriteLine($"   load average before {loadBefore}, after {MachineLoad.LoadAverage()}; process CPU so far {cpu.TotalSeconds:F0} s");
        Console.WriteLine($"   admin page during delivery: {adminTimings}");
        Console.WriteLine($"   per recipient: {counter.Distinct:N0} reached, {lost:N0} lost, {duplicated:N0} extra copies");

        var provider = storage.ProviderName;
        results.Add($"Bulk invitation of {count:N0}: POST until it answered, {provider}", "returns quickly", Fmt.Inv($"{posted.TotalSeconds:F2} s"));
        results.Add($"Bulk invitation of {count:N0}: POST sent → all messages in maildev, {provider}", "≤ 60 s",
            allDelivered is { } t ? Fmt.Inv($"{t.TotalSeconds:F1} s") : $"not within {DeliveryLimit.TotalMinutes:F0} min", allDelivered is { } d && d.TotalSeconds <= 60);
        if (allDelivered is { } end)
        {
            results.Add("Delivery rate, outbox → maildev (after the POST answered)", "", Fmt.Inv($"{count / (end - posted).TotalSeconds:F1} messages/s"));
        }

        results.Add("Messages lost / duplicated (count per recipient)", "0 / 0", Fmt.Inv($"{lost} / {duplicated}"), lost == 0 && duplicated == 0);
        results.Add($"Admin page (Manage portal users) GET during delivery, every {AdminPollInterval.TotalMilliseconds:F0} ms", "responsive",
            Fmt.Inv($"p50 {Fmt.Ms(adminTimings.P50)}, p95 {Fmt.Ms(adminTimings.Percentile(95))}, max {Fmt.Ms(adminTimings.Max)} (n={adminTimings.Count})"));
    }

    private static async Task ImportAsync(IServiceProvider services, string host, int count, string batch, CancellationToken cancellationToken)
    {
        var tenant = await services.GetRequiredService<TenantRegistry>().FindByHostAsync(host, cancellationToken)
            ?? throw new InvalidOperationException($"No tenant answers {host}.");
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var rows = Enumerable.Range(1, count).Select(i => new CustomerImport(new CustomerDetails
        {
            FirstName = "Bench",
            LastName = $"Customer {i:D5}",
            Emails = [new EmailDetails { Address = Recipient(batch, i) }],
            Addresses = [new AddressDetails { Kind = AddressKind.Service, Line1 = $"{i} Meadow Lane", City = "Maple Hollow", Region = "IL", PostalCode = "60510" }],
        }));
        var result = await scope.ServiceProvider.GetRequiredService<CustomerService>().ImportAsync(rows, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Import failed: " + string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Row} {e.Field}: {e.Message}")));
        }
    }

    private static string Recipient(string batch, int i) => $"c{i:D5}.{batch}@bench.example.com";

    private static async Task SignInAsync(PortalClient client, string host, string subdomain, CancellationToken cancellationToken)
    {
        using var page = await client.GetAsync(client.Url(host, "/admin/login"), cancellationToken);
        var token = PortalClient.AntiforgeryToken(await PortalClient.ReadAsync(page, cancellationToken));
        using var response = await client.PostFormAsync(client.Url(host, "/admin/login"),
        [
            new("Input.Email", $"owner@{subdomain}.example.com"), new("Input.Password", SignupDriver.Password), new("__RequestVerificationToken", token ?? ""),
        ], cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Staff sign-in answered {(int)response.StatusCode}.");
        }
    }

    private static string Summary(string html)
    {
        var start = html.IndexOf("notice-success", StringComparison.Ordinal);
        if (start < 0)
        {
            return "(no summary shown)";
        }

        var text = html[start..];
        text = text[(text.IndexOf('>', StringComparison.Ordinal) + 1)..];
        return WebUtility.HtmlDecode(text[..text.IndexOf('<', StringComparison.Ordinal)]).Trim();
    }

    /// <summary>Reads maildev's new messages (<c>GET /email?skip=N</c>) and counts copies per bench recipient.</summary>
    private sealed class MaildevCounter(Uri webUri, int skip, string batch)
    {
        private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };
        private readonly Dictionary<string, int> _copies = new(StringComparer.OrdinalIgnoreCase);
        private int _seen = skip;

        public int Distinct => _copies.Count;

        public int Duplicates => _copies.Values.Sum(c => c - 1);

        public async Task ReadNewAsync(CancellationToken cancellationToken)
        {
            await using var stream = await Http.GetStreamAsync(new Uri(webUri, $"email?skip={_seen}"), cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            foreach (var message in document.RootElement.EnumerateArray())
            {
                _seen++;
                if (!message.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var address in to.EnumerateArray().Select(a => a.TryGetProperty("address", out var v) ? v.GetString() : null).OfType<string>())
                {
                    if (address.Contains(batch, StringComparison.OrdinalIgnoreCase))
                    {
                        _copies[address] = _copies.GetValueOrDefault(address) + 1;
                    }
                }
            }
        }
    }

    /// <summary>A staff member's second browser tab: GETs an admin page every 200 ms and times each answer.</summary>
    private sealed class AdminPoller(PortalClient signedIn) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public async Task<Stats> RunAsync(string url, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            var timings = new List<double>();
            while (!linked.IsCancellationRequested)
            {
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    using var response = await signedIn.GetAsync(url, linked.Token);
                    await PortalClient.ReadAsync(response, linked.Token);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"The admin page answered {(int)response.StatusCode} during delivery.");
                    }

                    timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                    var wait = AdminPollInterval - stopwatch.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, linked.Token);
                    }
                }
                catch (OperationCanceledException) when (linked.IsCancellationRequested)
                {
                    break;
                }
            }

            return new Stats(timings.Count > 0 ? timings : [double.NaN]);
        }

        public void Stop() => _stop.Cancel();

        public void Dispose() => _stop.Dispose();
    }
}
