using OrchardPortal.Billing.Tests.Infrastructure;

namespace OrchardPortal.Billing.Tests;

/// <summary>The ledger's exactly-once and never-over-pay guarantees on PostgreSQL (row versions, unique index under real concurrency).</summary>
public sealed class PostgresLedgerTests(PostgresBillingApp app) : IClassFixture<PostgresBillingApp>
{
    [Fact]
    public Task Recording_the_same_payment_ten_times_records_it_once() => LedgerScenarios.SameKeyTenTimesAsync(app);

    [Fact]
    public Task Recording_the_same_payment_ten_times_at_once_records_it_once() => LedgerScenarios.SameKeyConcurrentlyAsync(app);

    [Fact]
    public Task Payments_move_an_invoice_from_open_to_partially_paid_to_paid() => LedgerScenarios.StatusFollowsPaymentsAsync(app);

    [Fact]
    public Task A_payment_never_pays_an_invoice_beyond_its_balance() => LedgerScenarios.NeverOverPaysAsync(app);
}
