using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Tenancy;
using OrchardPortal.Testing;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>
/// Mail survives the process: a second host over the same App_Data stands in for the restarted process,
/// which finds the tenants with mail from the host's marks at start-up, or when the tenant is next activated.
/// </summary>
public sealed class OutboxRecoveryTests
{
    private static OutboundEmail Reminder(string to) => new()
    {
        To = to,
        Subject = "Your visit is tomorrow",
        HtmlBody = "<p>We mow at 9:00.</p>",
    };

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Mail_left_pending_by_a_stopped_process_is_sent_when_the_next_process_activates_the_tenant(StorageKind storage)
    {
        var maildev = await MailDevServer.GetAsync();
        var recipient = $"restart-{Guid.NewGuid():N}@customer.example.com";
        await using var first = await EmailHost.StartAsync(maildev.SmtpPort, storage, dispatcher: false);
        var tenant = await first.CreateTenantAsync();
        var id = await first.SendNowAsync(tenant, Reminder(recipient));

        await using var second = await EmailHost.StartAsync(maildev.SmtpPort, sameStorageAs: first);
        using var client = second.CreateClient($"{tenant.Name}.localhost");
        using var _ = await client.GetAsync("/");

        Assert.Single(await maildev.WaitForMailAsync(m => m.IsFor(recipient), TimeSpan.FromSeconds(15)));
        var sent = await second.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Sent);
        Assert.Equal(1, sent.Attempts);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Mail_left_pending_by_a_stopped_process_is_sent_by_the_next_one_without_anyone_visiting_the_tenant(StorageKind storage)
    {
        var maildev = await MailDevServer.GetAsync();
        var recipient = $"unvisited-{Guid.NewGuid():N}@customer.example.com";
        await using var first = await EmailHost.StartAsync(maildev.SmtpPort, storage, dispatcher: false);
        var tenant = await first.CreateTenantAsync();
        var id = await first.SendNowAsync(tenant, Reminder(recipient));

        // No request reaches the tenant on the restarted process: only its start-up can find the mail.
        await using var second = await EmailHost.StartAsync(maildev.SmtpPort, sameStorageAs: first);

        Assert.Single(await maildev.WaitForMailAsync(m => m.IsFor(recipient), TimeSpan.FromSeconds(15)));
        var sent = await second.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Sent);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task A_send_cut_off_by_a_crash_is_retried_after_its_claim_lapses_and_the_old_claim_cannot_overwrite_the_result()
    {
        var maildev = await MailDevServer.GetAsync();
        var recipient = $"midsend-{Guid.NewGuid():N}@customer.example.com";
        var hanging = new HangingSender();
        await using var first = await EmailHost.StartAsync(maildev.SmtpPort, services: s => s.AddSingleton<IEmailSenderResolver>(hanging));
        try
        {
            var tenant = await first.CreateTenantAsync();
            var id = await first.SendNowAsync(tenant, Reminder(recipient));
            await hanging.Started.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(OutboxState.Sending, (await first.FindMessageAsync(tenant, id))!.State);

            await using var second = await EmailHost.StartAsync(maildev.SmtpPort, sameStorageAs: first);
            using var client = second.CreateClient($"{tenant.Name}.localhost");
            using var _ = await client.GetAsync("/");

            // Still claimed by the first process: the second must wait for the claim to lapse.
            await Task.Delay(EmailHost.PollInterval * 5);
            Assert.DoesNotContain(await maildev.GetAllAsync(), m => m.IsFor(recipient));

            second.Clock.Advance(new OutboxOptions().ClaimDuration + TimeSpan.FromSeconds(1));
            Assert.Single(await maildev.WaitForMailAsync(m => m.IsFor(recipient), TimeSpan.FromSeconds(15)));
            var sent = await second.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Sent);
            Assert.Equal(2, sent.Attempts);

            // The first process wakes up and believes its send succeeded; its stale claim changes nothing.
            hanging.Release.TrySetResult();
            await Task.Delay(EmailHost.PollInterval * 5);
            var after = await second.FindMessageAsync(tenant, id);
            Assert.Equal(sent.SentUtc, after!.SentUtc);
            Assert.Equal(2, after.Attempts);
        }
        finally
        {
            hanging.Release.TrySetResult();
        }
    }

    /// <summary>A mail server that takes the message and never answers, until the test lets it.</summary>
    private sealed class HangingSender : IEmailSenderResolver, IEmailSender
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<IEmailSender> ResolveAsync(TenantRecord tenant, CancellationToken cancellationToken) => ValueTask.FromResult<IEmailSender>(this);

        public async Task SendAsync(OutboundEmail message, Guid messageId, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task;
        }
    }
}
