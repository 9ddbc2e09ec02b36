using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Core.Data;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests.Ledger;

/// <summary>
/// <see cref="BillingLedger.TryRecordPaymentsAsync"/>, the all-or-nothing batch autopay records its answers with:
/// when it declines a batch (null), nothing of it may be written, even if the caller then commits; when it
/// records one, each payment goes where <see cref="BillingLedger.RecordPaymentAsync"/> would have put it.
/// </summary>
public sealed class BatchRecordingTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    [Fact]
    public async Task A_batch_holding_a_key_recorded_before_writes_nothing_and_returns_null()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var other = await app.CustomerAsync(tenant, "Desmond", "Achterberg");
        await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        await app.IssuedInvoiceAsync(tenant, other.Id, 3000);
        var before = await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(customer.Id, 1000, "stripe:pi_before"), CancellationToken.None));
        Assert.Equal(LedgerOutcome.Recorded, before.Outcome);

        var recorded = await RecordBatchAndCommitAsync(tenant,
            LedgerTests.Payment(other.Id, 3000, "stripe:pi_new"),
            LedgerTests.Payment(customer.Id, 1000, "stripe:pi_before"));

        Assert.Null(recorded);
        Assert.Equal((3000L, 0), await BalanceAndPaymentsAsync(tenant, other.Id));
        Assert.Equal((4000L, 1), await BalanceAndPaymentsAsync(tenant, customer.Id));
    }

    [Fact]
    public async Task A_batch_with_one_zero_amount_writes_nothing_and_returns_null()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var invoice = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);

        var recorded = await RecordBatchAndCommitAsync(tenant,
            LedgerTests.Payment(customer.Id, 2000, "stripe:pi_fine") with { Allocations = [new InvoiceAllocation(invoice, 2000)] },
            LedgerTests.Payment(customer.Id, 0, "stripe:pi_zero"));

        Assert.Null(recorded);
        Assert.Equal((5000L, 0), await BalanceAndPaymentsAsync(tenant, customer.Id));
        Assert.Equal(InvoiceStatus.Open, (await app.InvoicesAsync(tenant, i => i.GetAsync(invoice, CancellationToken.None)))!.Status);
    }

    [Fact]
    public async Task A_batch_allocating_to_another_customers_invoice_writes_nothing_and_returns_null()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var other = await app.CustomerAsync(tenant, "Desmond", "Achterberg");
        var mine = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var theirs = await app.IssuedInvoiceAsync(tenant, other.Id, 3000);

        var recorded = await RecordBatchAndCommitAsync(tenant,
            LedgerTests.Payment(customer.Id, 5000, "stripe:pi_mine") with { Allocations = [new InvoiceAllocation(mine, 5000)] },
            LedgerTests.Payment(customer.Id, 3000, "stripe:pi_theirs") with { Allocations = [new InvoiceAllocation(theirs, 3000)] });

        Assert.Null(recorded);
        Assert.Equal((5000L, 0), await BalanceAndPaymentsAsync(tenant, customer.Id));
        Assert.Equal((3000L, 0), await BalanceAndPaymentsAsync(tenant, other.Id));
    }

    [Fact]
    public async Task A_batch_allocating_to_a_voided_invoice_writes_nothing_and_returns_null()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var open = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var voided = await app.IssuedInvoiceAsync(tenant, customer.Id, 3000);
        Assert.True((await app.InvoicesAsync(tenant, i => i.VoidAsync(voided, "Billed twice by mistake", CancellationToken.None))).Succeeded);

        var recorded = await RecordBatchAndCommitAsync(tenant,
            LedgerTests.Payment(customer.Id, 5000, "stripe:pi_open") with { Allocations = [new InvoiceAllocation(open, 5000)] },
            LedgerTests.Payment(customer.Id, 3000, "stripe:pi_voided") with { Allocations = [new InvoiceAllocation(voided, 3000)] });

        Assert.Null(recorded);
        Assert.Equal((5000L, 0), await BalanceAndPaymentsAsync(tenant, customer.Id));
    }

    [Fact]
    public async Task The_same_key_twice_in_one_batch_writes_nothing_and_returns_null()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);

        var recorded = await RecordBatchAndCommitAsync(tenant,
            LedgerTests.Payment(customer.Id, 2500, "stripe:pi_twice"),
            LedgerTests.Payment(customer.Id, 2500, "stripe:pi_twice"));

        Assert.Null(recorded);
        Assert.Equal((5000L, 0), await BalanceAndPaymentsAsync(tenant, customer.Id));
    }

    [Fact]
    public async Task Two_payments_of_one_customer_in_a_batch_apply_in_order_and_the_second_only_to_what_the_first_left_open()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var older = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var newer = await app.IssuedInvoiceAsync(tenant, customer.Id, 3000);
        var receipts = new List<string>();
        Task Receipt(Payment payment, CancellationToken _)
        {
            receipts.Add(payment.IdempotencyKey);
            return Task.CompletedTask;
        }

        // The first pays 4000 of the older invoice; the second asks for the whole older invoice (5000), which
        // has only 1000 left, then nothing else: 4000 of it must stay on the account, not over-pay the invoice.
        var recorded = await RecordBatchAndCommitAsync(tenant,
            LedgerTests.Payment(customer.Id, 4000, "stripe:pi_first") with { Allocations = [new InvoiceAllocation(older, 4000)], OnRecorded = Receipt },
            LedgerTests.Payment(customer.Id, 5000, "stripe:pi_second") with { Allocations = [new InvoiceAllocation(older, 5000)], OnRecorded = Receipt });

        Assert.NotNull(recorded);
        Assert.Equal([0L, 4000L], recorded.Select(p => p.Unapplied));
        Assert.Equal(["stripe:pi_first", "stripe:pi_second"], receipts);
        var paid = (await app.InvoicesAsync(tenant, i => i.GetAsync(older, CancellationToken.None)))!;
        Assert.Equal((InvoiceStatus.Paid, 5000L), (paid.Status, paid.AmountPaid));
        var untouched = (await app.InvoicesAsync(tenant, i => i.GetAsync(newer, CancellationToken.None)))!;
        Assert.Equal((InvoiceStatus.Open, 0L), (untouched.Status, untouched.AmountPaid));
        Assert.Equal((5000L + 3000 - 9000, 2), await BalanceAndPaymentsAsync(tenant, customer.Id));
    }

    [Fact]
    public async Task Two_payments_without_a_plan_in_one_batch_pay_oldest_first_one_after_the_other_and_keep_the_rest_as_credit()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var older = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var newer = await app.IssuedInvoiceAsync(tenant, customer.Id, 3000);

        var recorded = await RecordBatchAndCommitAsync(tenant,
            LedgerTests.Payment(customer.Id, 6000, "stripe:pi_a"),
            LedgerTests.Payment(customer.Id, 3000, "stripe:pi_b"));

        Assert.NotNull(recorded);
        Assert.Equal([0L, 1000L], recorded.Select(p => p.Unapplied));
        var first = (await app.InvoicesAsync(tenant, i => i.GetAsync(older, CancellationToken.None)))!;
        var second = (await app.InvoicesAsync(tenant, i => i.GetAsync(newer, CancellationToken.None)))!;
        Assert.Equal((InvoiceStatus.Paid, 5000L), (first.Status, first.AmountPaid));
        Assert.Equal((InvoiceStatus.Paid, 3000L), (second.Status, second.AmountPaid));
        Assert.Equal((-1000L, 2), await BalanceAndPaymentsAsync(tenant, customer.Id));
    }

    [Fact]
    public async Task Recording_a_batch_without_the_callers_transaction_is_refused_and_writes_nothing()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);

        var refused = await app.LedgerAsync(tenant, l => Assert.ThrowsAsync<InvalidOperationException>(
            () => l.TryRecordPaymentsAsync([LedgerTests.Payment(customer.Id, 5000, "stripe:pi_alone")], CancellationToken.None)));

        Assert.Contains("transaction", refused.Message, StringComparison.Ordinal);
        Assert.Equal((5000L, 0), await BalanceAndPaymentsAsync(tenant, customer.Id));
    }

    /// <summary>
    /// Runs the batch in a transaction and commits it whatever came back, as a careless caller would: a declined
    /// batch must have written nothing that a commit could keep.
    /// </summary>
    private Task<IReadOnlyList<Payment>?> RecordBatchAndCommitAsync(TenantHandle tenant, params PaymentRequest[] requests) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var recorded = await sp.GetRequiredService<BillingLedger>().TryRecordPaymentsAsync(requests, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return recorded;
        });

    private async Task<(long Balance, int Payments)> BalanceAndPaymentsAsync(TenantHandle tenant, long customerId) =>
        (await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customerId, CancellationToken.None)),
            (await app.LedgerAsync(tenant, l => l.PaymentsAsync(customerId, CancellationToken.None))).Count);
}
