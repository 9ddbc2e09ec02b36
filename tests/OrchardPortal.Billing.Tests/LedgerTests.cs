using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Core.Data;

namespace OrchardPortal.Billing.Tests;

/// <summary>The ledger contract payment code relies on, on SQLite; <see cref="PostgresLedgerTests"/> repeats the key ones.</summary>
public sealed class LedgerTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    [Fact]
    public Task Recording_the_same_payment_ten_times_records_it_once() => LedgerScenarios.SameKeyTenTimesAsync(app);

    [Fact]
    public Task Recording_the_same_payment_ten_times_at_once_records_it_once() => LedgerScenarios.SameKeyConcurrentlyAsync(app);

    [Fact]
    public Task Payments_move_an_invoice_from_open_to_partially_paid_to_paid() => LedgerScenarios.StatusFollowsPaymentsAsync(app);

    [Fact]
    public Task A_payment_never_pays_an_invoice_beyond_its_balance() => LedgerScenarios.NeverOverPaysAsync(app);

    [Fact]
    public async Task Oldest_first_pays_the_earliest_due_invoice_first()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var first = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var second = await app.IssuedInvoiceAsync(tenant, customer.Id, 3000);

        var result = await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(Payment(customer.Id, 6000, "oldest-first"), CancellationToken.None));

        Assert.Equal(LedgerOutcome.Recorded, result.Outcome);
        Assert.Equal(InvoiceStatus.Paid, (await app.InvoicesAsync(tenant, i => i.GetAsync(first, CancellationToken.None)))!.Status);
        var later = (await app.InvoicesAsync(tenant, i => i.GetAsync(second, CancellationToken.None)))!;
        Assert.Equal((InvoiceStatus.PartiallyPaid, 1000L), (later.Status, later.AmountPaid));
    }

    [Fact]
    public async Task The_balance_is_the_sum_of_the_ledger_rows()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 12000);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 4550);
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(Payment(customer.Id, 7000, "k1"), CancellationToken.None));

        var (balance, sum) = await app.InTenantAsync(tenant, async sp =>
        {
            var ledger = sp.GetRequiredService<BillingLedger>();
            var rows = await ledger.EntriesAsync(customer.Id, null, null, CancellationToken.None);
            return (await ledger.GetBalanceAsync(customer.Id, CancellationToken.None), rows.Sum(r => r.Amount));
        });

        Assert.Equal(12000 + 4550 - 7000, balance);
        Assert.Equal(balance, sum);
    }

    [Fact]
    public async Task Voiding_an_issued_invoice_reverses_its_charge()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 8800);

        var result = await app.InvoicesAsync(tenant, i => i.VoidAsync(id, "Billed twice by mistake", CancellationToken.None));

        Assert.True(result.Succeeded, result.Message);
        var rows = await app.LedgerAsync(tenant, l => l.EntriesAsync(customer.Id, null, null, CancellationToken.None));
        Assert.Equal([(LedgerEntryKind.Charge, 8800L), (LedgerEntryKind.Void, -8800L)], rows.Select(r => (r.Kind, r.Amount)));
        Assert.Equal(0, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customer.Id, CancellationToken.None)));
        Assert.Equal(InvoiceStatus.Void, (await app.InvoicesAsync(tenant, i => i.GetAsync(id, CancellationToken.None)))!.Status);
    }

    [Fact]
    public async Task An_invoice_with_payments_cannot_be_voided()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 8800);
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(Payment(customer.Id, 100, "p"), CancellationToken.None));

        var result = await app.InvoicesAsync(tenant, i => i.VoidAsync(id, "Changed my mind", CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Contains("Refund them first", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refunding_a_payment_reopens_what_it_paid_and_is_recorded_once()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var paid = await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(Payment(customer.Id, 5000, "pay"), CancellationToken.None));
        var refund = new RefundRequest { PaymentId = paid.Payment!.Id, Amount = 2000, IdempotencyKey = "re_1" };

        var first = await app.LedgerAsync(tenant, l => l.RecordRefundAsync(refund, CancellationToken.None));
        var again = await app.LedgerAsync(tenant, l => l.RecordRefundAsync(refund, CancellationToken.None));
        var tooMuch = await app.LedgerAsync(tenant, l => l.RecordRefundAsync(refund with { IdempotencyKey = "re_2", Amount = 3001 }, CancellationToken.None));

        Assert.Equal((LedgerOutcome.Recorded, LedgerOutcome.AlreadyRecorded, LedgerOutcome.Refused), (first.Outcome, again.Outcome, tooMuch.Outcome));
        var invoice = (await app.InvoicesAsync(tenant, i => i.GetAsync(id, CancellationToken.None)))!;
        Assert.Equal((InvoiceStatus.PartiallyPaid, 3000L), (invoice.Status, invoice.AmountPaid));
        Assert.Equal(2000, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customer.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_key_reused_for_a_different_amount_is_refused_and_nothing_is_recorded()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(Payment(customer.Id, 1000, "pi_same"), CancellationToken.None));

        var second = await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(Payment(customer.Id, 2500, "pi_same"), CancellationToken.None));

        Assert.Equal(LedgerOutcome.Refused, second.Outcome);
        Assert.Equal(4000, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customer.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task The_amount_due_is_computed_on_the_server_and_refuses_someone_elses_invoice()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var other = await app.CustomerAsync(tenant, "Desmond", "Achterberg");
        var mine = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000, 1234);
        var theirs = await app.IssuedInvoiceAsync(tenant, other.Id, 9999);

        var due = await app.LedgerAsync(tenant, l => l.AmountDueAsync(customer.Id, [mine], CancellationToken.None));
        var stolen = await app.LedgerAsync(tenant, l => l.AmountDueAsync(customer.Id, [mine, theirs], CancellationToken.None));

        Assert.Equal(6234, due!.Amount);
        Assert.Null(stolen);
    }

    [Fact]
    public async Task A_receipt_enqueued_by_the_callback_commits_with_the_payment_only_once()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var calls = 0;
        var request = Payment(customer.Id, 5000, "pi_receipt") with
        {
            OnRecorded = (payment, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.CompletedTask;
            },
        };

        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(request, CancellationToken.None));
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(request, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    internal static PaymentRequest Payment(long customerId, long amount, string key) => new()
    {
        CustomerId = customerId,
        Amount = amount,
        Method = PaymentMethodKind.Card,
        ExternalReference = "pi_" + key,
        IdempotencyKey = key,
    };
}

/// <summary>Scenarios run on both SQLite and PostgreSQL.</summary>
internal static class LedgerScenarios
{
    public static async Task SameKeyTenTimesAsync(BillingApp app)
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 10000);
        var outcomes = new List<LedgerOutcome>();
        for (var i = 0; i < 10; i++)
        {
            outcomes.Add((await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 10000, "pi_dup"), CancellationToken.None))).Outcome);
        }

        Assert.Equal(LedgerOutcome.Recorded, outcomes[0]);
        Assert.All(outcomes.Skip(1), o => Assert.Equal(LedgerOutcome.AlreadyRecorded, o));
        await AssertOnePaymentAsync(app, tenant, customer.Id);
    }

    public static async Task SameKeyConcurrentlyAsync(BillingApp app)
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 10000);

        // Ten scopes at once, as ten webhook deliveries on ten threads would be.
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 10000, "pi_race"), CancellationToken.None)))));

        Assert.Single(results, r => r.Outcome == LedgerOutcome.Recorded);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Single(results.Select(r => r.Payment!.Id).Distinct());
        await AssertOnePaymentAsync(app, tenant, customer.Id);
    }

    public static async Task StatusFollowsPaymentsAsync(BillingApp app)
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 6000, 4000);
        Task<Invoice?> Read() => app.InvoicesAsync(tenant, i => i.GetAsync(id, CancellationToken.None));

        Assert.Equal(InvoiceStatus.Open, (await Read())!.Status);
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 2500, "part-1") with { Allocations = [new InvoiceAllocation(id, 2500)] }, CancellationToken.None));
        var partly = (await Read())!;
        Assert.Equal((InvoiceStatus.PartiallyPaid, 2500L, 7500L), (partly.Status, partly.AmountPaid, partly.Balance));
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 7500, "part-2") with { Allocations = [new InvoiceAllocation(id, 7500)] }, CancellationToken.None));
        var paid = (await Read())!;
        Assert.Equal((InvoiceStatus.Paid, 0L), (paid.Status, paid.Balance));
    }

    public static async Task NeverOverPaysAsync(BillingApp app)
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);

        // Two payments for the same invoice race (card online while the office records a check): the
        // invoice takes what it owes and the rest stays on the account as a credit.
        var results = await Task.WhenAll(
            Task.Run(() => app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 5000, "card") with { Allocations = [new InvoiceAllocation(id, 5000)] }, CancellationToken.None))),
            Task.Run(() => app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 5000, "check") with { Allocations = [new InvoiceAllocation(id, 5000)] }, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(LedgerOutcome.Recorded, r.Outcome));
        var invoice = (await app.InvoicesAsync(tenant, i => i.GetAsync(id, CancellationToken.None)))!;
        Assert.Equal((InvoiceStatus.Paid, 5000L), (invoice.Status, invoice.AmountPaid));
        Assert.Equal(5000, results.Sum(r => r.Payment!.Unapplied));
        Assert.Equal(-5000, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customer.Id, CancellationToken.None)));
    }

    private static async Task AssertOnePaymentAsync(BillingApp app, Web.Testing.TenantHandle tenant, long customerId)
    {
        var (payments, rows) = await app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            return (await db.Set<Payment>().CountAsync(p => p.CustomerId == customerId),
                await db.Set<LedgerEntry>().CountAsync(e => e.CustomerId == customerId && e.Kind == LedgerEntryKind.Payment));
        });
        Assert.Equal((1, 1), (payments, rows));
        Assert.Equal(0, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customerId, CancellationToken.None)));
    }
}
