using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Bench.Infrastructure;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.FakeStripe;
using OrchardPortal.Payments.Autopay.Job;
using OrchardPortal.Payments.Gateways;
using OrchardPortal.Payments.Settings;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Bench.Scenarios;

/// <summary>
/// Autopay over many due invoices: one tenant on Stripe (the fake Stripe server, on 127.0.0.1 in this process),
/// N invoices due today for customers who turned autopay on with a saved card, then one run of the autopay job,
/// timed. Afterwards the fake's charges are counted per invoice: none may be missing or doubled.
/// </summary>
internal static class AutopayScenario
{
    private const int InvoicesPerCustomer = 5;

    public static async Task RunAsync(BenchOptions options, ResultTable results, CancellationToken cancellationToken)
    {
        var invoices = options.Invoices;
        var customers = (invoices + InvoicesPerCustomer - 1) / InvoicesPerCustomer;
        Console.WriteLine($"== autopay: {invoices:N0} due invoices of {customers:N0} customers, {(options.IsPostgres ? "PostgreSQL" : "SQLite")}, "
            + $"in-process host, fake Stripe on 127.0.0.1, {options.AutopayConcurrency} charges at once");
        await using var stripe = await FakeStripeServer.StartAsync(cancellationToken: cancellationToken);
        using var storage = await BenchStorage.CreateAsync(options.IsPostgres, "autopay");
        await using var portal = InProcessPortal.Start(storage, new Dictionary<string, string?>
        {
            ["Payments:Stripe:BaseUrl"] = stripe.BaseUrl + "/",
            // The bench runs the job itself, once, and times it; receipts are queued (part of each charge) but not delivered.
            ["Payments:Autopay:JobEnabled"] = "false",
            ["Payments:Autopay:MaxConcurrentCharges"] = options.AutopayConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:DispatcherEnabled"] = "false",
        });
        using var client = new PortalClient(portal.Port, TimeSpan.FromMinutes(5));
        var subdomain = "autopay" + Guid.NewGuid().ToString("N")[..6];
        await new SignupDriver(client).SignUpAsync(subdomain, followOwner: false, cancellationToken);
        var tenant = await portal.Services.GetRequiredService<TenantRegistry>().FindByHostAsync(subdomain + ".localhost", cancellationToken)
            ?? throw new InvalidOperationException("The signed-up tenant is not in the registry.");
        var key = "sk_test_" + Guid.NewGuid().ToString("N");

        var stopwatch = Stopwatch.StartNew();
        await ConfigureAsync(portal.Services, tenant, key, cancellationToken);
        var seeded = await AutopaySeed.SeedAsync(portal.Services, tenant, customers, invoices, cancellationToken);
        Console.WriteLine($"   seeded {seeded.Customers:N0} customers with a saved card and autopay on, {seeded.Invoices:N0} invoices due today, in {stopwatch.Elapsed.TotalSeconds:F1} s");

        var loadBefore = MachineLoad.LoadAverage();
        var account = stripe.Account(key);
        var intentsBefore = account.PaymentIntents().Count;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        stopwatch.Restart();
        var summary = await portal.Services.GetRequiredService<AutopayJob>().RunTenantAsync(tenant, cancellationToken);
        var elapsed = stopwatch.Elapsed;
        // Processor time of this whole process (the portal and the fake Stripe server both run in it): per charge it
        // says what the machine's cores allow, whatever else is running beside the bench.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"   run: {summary} in {elapsed.TotalSeconds:F1} s, {cpu.TotalSeconds:F1} s of processor time ({cpu.TotalMilliseconds / Math.Max(1, invoices):F2} ms per invoice); "
            + $"{Environment.ProcessorCount} cores; load average before {loadBefore}, after {MachineLoad.LoadAverage()}");

        var invoiceOf = account.PaymentIntents().ToDictionary(p => p.Id, p => p.Metadata.GetValueOrDefault("invoice_id") ?? "");
        var perInvoice = account.Charges().Where(c => c.Status == "succeeded").GroupBy(c => invoiceOf.GetValueOrDefault(c.PaymentIntentId) ?? "").ToDictionary(g => g.Key, g => g.Count());
        var charged = perInvoice.Values.Sum();
        var duplicates = perInvoice.Values.Sum(c => c - 1);
        var missing = seeded.Invoices - perInvoice.Count;
        var rate = charged / elapsed.TotalSeconds;
        Console.WriteLine($"   fake Stripe: {account.PaymentIntents().Count - intentsBefore:N0} PaymentIntents, {charged:N0} succeeded charges, {perInvoice.Count:N0} invoices charged, {duplicates} duplicates, {missing} missing");

        var provider = storage.ProviderName;
        results.Add($"Autopay run over {seeded.Invoices:N0} due invoices, {provider}", "", Fmt.Inv($"{elapsed.TotalSeconds:F1} s"));
        results.Add($"Autopay charges per second, {provider}", "≥ 200/s", Fmt.Inv($"{rate:F0}/s"), rate >= 200);
        results.Add("Invoices charged twice / not charged (count per invoice on the fake)", "0 / 0", Fmt.Inv($"{duplicates} / {missing}"), duplicates == 0 && missing == 0);
    }

    /// <summary>Staff connect Stripe (the fake) and offer autopay in the portal settings: the services the admin pages call.</summary>
    private static async Task ConfigureAsync(IServiceProvider services, TenantRecord tenant, string key, CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var errors = await scope.ServiceProvider.GetRequiredService<PaymentSettingsService>().SaveAsync(
            new PaymentSettingsChange(GatewayKind.Stripe, key, "pk_test_" + Guid.NewGuid().ToString("N"), null, 100, 3), cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Payment settings refused: " + string.Join("; ", errors.Values));
        }

        var portal = scope.ServiceProvider.GetRequiredService<PortalSettingsService>();
        var settings = await portal.GetAsync(cancellationToken);
        settings.EnableAutoPay = true;
        if (settings.NotificationEmails.Count == 0)
        {
            settings.NotificationEmails = ["office@bench.example.com"];
        }

        var portalErrors = await portal.SaveAsync(settings, cancellationToken);
        if (portalErrors.Count > 0)
        {
            throw new InvalidOperationException("Portal settings refused: " + string.Join("; ", portalErrors.Values));
        }
    }
}
