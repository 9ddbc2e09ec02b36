using System.Globalization;
using OrchardPortal.FakeStripe;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.Reconciliation;

/// <summary>
/// The real host with Stripe pointed at the fake and SMTP at maildev, for payments made through emailed invoice
/// links. Stripe requests give up after one second with no retries, so a lost answer is quick to produce; the
/// reconciliation job is off (tests run its pass themselves) and reconciles attempts of any age.
/// </summary>
public abstract class LinkPaymentsApp(StorageKind storage) : IAsyncLifetime
{
    private PortalApp? _app;
    private FakeStripeServer? _stripe;

    public PortalApp App => _app ?? throw new InvalidOperationException("Not initialized.");

    public FakeStripeServer Stripe => _stripe ?? throw new InvalidOperationException("Not initialized.");

    public MailDevServer Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync();
        Mail = await MailDevServer.GetAsync();
        _app = await PortalApp.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = Mail.SmtpHost,
            ["Email:Smtp:Port"] = Mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbox:PollInterval"] = "00:00:00.200",
            ["Payments:Stripe:BaseUrl"] = _stripe.BaseUrl + "/",
            ["Payments:Stripe:MaxRetries"] = "0",
            ["Payments:Stripe:RequestTimeout"] = "00:00:01",
            ["Payments:Reconciliation:JobEnabled"] = "false",
            ["Payments:Reconciliation:MinimumAge"] = "00:00:00",
            ["Payments:Autopay:JobEnabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }
    }
}

public sealed class SqliteLinkPaymentsApp() : LinkPaymentsApp(StorageKind.Sqlite);

public sealed class PostgresLinkPaymentsApp() : LinkPaymentsApp(StorageKind.Postgres);
