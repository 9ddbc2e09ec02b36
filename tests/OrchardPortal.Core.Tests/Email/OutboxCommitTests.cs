using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Core.Data;
using OrchardPortal.Core.Email;
using OrchardPortal.Core.Settings;

namespace OrchardPortal.Core.Tests.Email;

/// <summary>A business change and its email commit together, or not at all. Mail goes to the pickup folder here.</summary>
public sealed class OutboxCommitTests
{
    private static OutboundEmail Welcome(string to) => new()
    {
        To = to,
        ToName = "Casey Customer",
        Subject = "Welcome to your portal",
        HtmlBody = "<p>Hello Casey</p>",
    };

    [Fact]
    public async Task Enqueued_mail_is_committed_by_the_callers_own_save_together_with_the_business_change()
    {
        await using var host = await EmailHost.StartAsync(smtpPort: null, dispatcher: false);
        var tenant = await host.CreateTenantAsync();

        var (id, visibleBeforeSave) = await host.InTenantAsync(tenant, async sp =>
        {
            var id = sp.GetRequiredService<IEmailOutbox>().Enqueue(Welcome("casey@customer.example.com"));
            var visible = await host.CountMessagesAsync(tenant);
            await sp.GetRequiredService<SiteSettingsService>().SaveJsonAsync("portal-home", """{"text":"Hi"}""", CancellationToken.None);
            return (id, visible);
        });

        Assert.Equal(0, visibleBeforeSave);
        var message = await host.FindMessageAsync(tenant, id);
        Assert.NotNull(message);
        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Equal("casey@customer.example.com", message.To);
        Assert.Equal("Hello Casey", message.TextBody);
        Assert.Equal("""{"text":"Hi"}""", await ReadSettingAsync(host, tenant, "portal-home"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_takes_the_business_change_and_its_mail_with_it()
    {
        await using var host = await EmailHost.StartAsync(smtpPort: null);
        var tenant = await host.CreateTenantAsync();

        await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            sp.GetRequiredService<IEmailOutbox>().Enqueue(Welcome("rollback@customer.example.com"));
            await sp.GetRequiredService<SiteSettingsService>().SaveJsonAsync("portal-home", """{"text":"Never"}""", CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });
        await Task.Delay(EmailHost.PollInterval * 5);

        Assert.Equal(0, await host.CountMessagesAsync(tenant));
        Assert.Null(await ReadSettingAsync(host, tenant, "portal-home"));
        Assert.False(Directory.Exists(host.PickupFolder(tenant)) && Directory.EnumerateFiles(host.PickupFolder(tenant)).Any());
    }

    [Fact]
    public async Task A_save_that_fails_keeps_neither_the_business_change_nor_the_mail()
    {
        await using var host = await EmailHost.StartAsync(smtpPort: null, dispatcher: false);
        var tenant = await host.CreateTenantAsync();
        await host.InTenantAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<SiteSettingsService>().SaveJsonAsync("taken", "{}", CancellationToken.None);
            return 0;
        });

        var failed = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            sp.GetRequiredService<IEmailOutbox>().Enqueue(Welcome("conflict@customer.example.com"));
            db.Add(new SiteSettingsDocument { Name = "taken", Json = "{\"dup\":true}" });
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        Assert.IsType<DbUpdateException>(failed);
        Assert.Equal(0, await host.CountMessagesAsync(tenant));
        Assert.Equal("{}", await ReadSettingAsync(host, tenant, "taken"));
    }

    [Fact]
    public async Task Mail_saved_inside_a_transaction_is_delivered_only_after_the_commit()
    {
        await using var host = await EmailHost.StartAsync(smtpPort: null);
        var tenant = await host.CreateTenantAsync();
        var folder = host.PickupFolder(tenant);

        var id = await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var id = sp.GetRequiredService<IEmailOutbox>().Enqueue(Welcome("later@customer.example.com"));
            await db.SaveChangesAsync();

            // Give the dispatcher several chances to act on a signal sent too early.
            await Task.Delay(EmailHost.PollInterval * 5);
            Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());

            await transaction.CommitAsync();
            return id;
        });

        await host.WaitForMessageAsync(tenant, id, m => m.State == OutboxState.Sent);
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        Assert.Contains("later@customer.example.com", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_refuses_an_unusable_address_and_adds_nothing()
    {
        await using var host = await EmailHost.StartAsync(smtpPort: null, dispatcher: false);
        var tenant = await host.CreateTenantAsync();

        var (error, tracked) = await host.InTenantAsync(tenant, sp =>
        {
            var outbox = sp.GetRequiredService<IEmailOutbox>();
            var error = Record.Exception(() => outbox.Enqueue(Welcome("not an address")));
            var tracked = sp.GetRequiredService<TenantDbContext>().ChangeTracker.Entries<OutboxMessage>().Count();
            return Task.FromResult((error, tracked));
        });

        var argument = Assert.IsType<ArgumentException>(error);
        Assert.Contains("'not an address' is not a usable email address", argument.Message, StringComparison.Ordinal);
        Assert.Equal(0, tracked);
    }

    private static Task<string?> ReadSettingAsync(EmailHost host, Core.Tenancy.TenantRecord tenant, string name) =>
        host.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SiteSettingsDocument>()
            .AsNoTracking().Where(d => d.Name == name).Select(d => d.Json).FirstOrDefaultAsync());
}
