using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Email.Templates;
using OrchardPortal.Emails.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Emails.Tests;

public abstract class DeliveryProblemTests(EmailsApp app)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_permanently_rejected_address_shows_on_the_delivery_page_and_retry_requeues_it()
    {
        await using var server = new FakeSmtpServer();
        var (tenant, staff) = await app.NewTenantAsync();
        var bounced = $"gone-{Guid.NewGuid():N}@example.com";
        var fine = $"fine-{Guid.NewGuid():N}@example.com";
        server.Rejecting = address => address == bounced;
        await staff.PostFormAsync(EmailPaths.Settings,
            [new("Input.Host", "127.0.0.1"), new("Input.Port", server.Port.ToString(CultureInfo.InvariantCulture)), new("Input.Security", "None")]);
        var model = new Dictionary<string, object?> { ["link"] = "https://example.com/r/1", ["expires_minutes"] = 60 };

        var failedId = await app.SendAsync(tenant, EmailTemplateKeys.PasswordReset, bounced, "Gone", model);
        var sentId = await app.SendAsync(tenant, EmailTemplateKeys.PasswordReset, fine, "Fine", model);

        var failed = await app.WaitForOutcomeAsync(tenant, failedId, Timeout);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(OutboxState.Sent, (await app.WaitForOutcomeAsync(tenant, sentId, Timeout)).State);
        var page = await staff.PageAsync(EmailPaths.Delivery);
        var row = page.GetElementById("message-" + failedId.ToString("N"))!;
        Assert.Contains(bounced, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("no such mailbox here", row.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("table.delivery-problems tbody tr"));
        Assert.Equal("1 emails not delivered", page.TextOf(".sidenav .menu-badge"));
        var marked = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<IEmailDeliveryStatus>()
            .FailedAddressesAsync([bounced.ToUpperInvariant(), fine, "never-mailed@example.com"], CancellationToken.None));
        Assert.Equal([bounced], marked.Keys);

        server.Rejecting = _ => false;
        var retried = await staff.PostFormAsync(EmailPaths.Delivery, [], EmailPaths.Delivery + "?handler=Retry&id=" + failedId);

        Assert.Contains("Queued again.", (await staff.FollowAsync(retried)).Flash(), StringComparison.Ordinal);
        Assert.Equal(OutboxState.Sent, (await app.WaitForOutcomeAsync(tenant, failedId, Timeout)).State);
        Assert.Single(server.Received, m => m.To.Contains(bounced));
        var after = await staff.PageAsync(EmailPaths.Delivery);
        Assert.NotNull(after.GetElementById("no-problems"));
        Assert.Null(after.QuerySelector(".sidenav .menu-badge"));
        Assert.Empty(await app.InTenantAsync(tenant, sp => sp.GetRequiredService<IEmailDeliveryStatus>().FailedAddressesAsync([bounced], CancellationToken.None)));
    }

    [Fact]
    public async Task Retrying_a_message_that_is_not_failed_changes_nothing()
    {
        var (_, staff) = await app.NewTenantAsync();

        var response = await staff.PostFormAsync(EmailPaths.Delivery, [], EmailPaths.Delivery + "?handler=Retry&id=" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("no longer waiting", (await staff.FollowAsync(response)).Flash(), StringComparison.Ordinal);
    }
}

public sealed class SqliteDeliveryProblemTests(EmailsApp app) : DeliveryProblemTests(app), IClassFixture<EmailsApp>;

public sealed class PostgresDeliveryProblemTests(PostgresEmailsApp app) : DeliveryProblemTests(app), IClassFixture<PostgresEmailsApp>;
