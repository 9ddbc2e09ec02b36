using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;

namespace OrchardPortal.Billing.CustomerPortal;

/// <summary>The Invoices tab: the balance, open invoices (oldest due first) and paid or void ones; never drafts.</summary>
public sealed class InvoicesTabContent(InvoiceService invoices, BillingLedger ledger, BillingContext billing) : IPortalTabContent
{
    public string TabKey => PortalTabs.Invoices.Key;

    public async Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var culture = await billing.CultureAsync(cancellationToken);
        var all = await invoices.ForCustomerAsync(customer.CustomerId, cancellationToken);
        model["balance"] = await ledger.GetBalanceAsync(customer.CustomerId, cancellationToken);
        model["open_invoices"] = all.Where(i => i.IsOpenForPayment).OrderBy(i => i.DueDate).Select(i => PortalBillingModel.Invoice(i, culture)).ToList();
        model["other_invoices"] = all.Where(i => !i.IsOpenForPayment).Select(i => PortalBillingModel.Invoice(i, culture)).ToList();
        model["statement_url"] = BillingPortalEndpoints.StatementPath;
    }
}

/// <summary>The Estimates tab: sent, approved, declined and expired estimates, newest first.</summary>
public sealed class EstimatesTabContent(EstimateService estimates, BillingContext billing) : IPortalTabContent
{
    public string TabKey => PortalTabs.Estimates.Key;

    public async Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var culture = await billing.CultureAsync(cancellationToken);
        var today = await billing.TodayAsync(cancellationToken);
        model["estimates"] = (await estimates.ForCustomerAsync(customer.CustomerId, cancellationToken))
            .Select(e => PortalBillingModel.Estimate(e, EstimateStatusRule.Of(e, today), culture)).ToList();
    }
}

/// <summary>
/// The History tab: charges and payments by date, newest first, each kind only when the tenant's portal
/// settings show it ("show charges / show payments in history"). Completed visits join when scheduling exists.
/// </summary>
public sealed class HistoryTabContent(BillingLedger ledger, PortalSettingsService portal, BillingContext billing) : IPortalTabContent
{
    public string TabKey => PortalTabs.History.Key;

    public async Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var settings = await portal.GetAsync(cancellationToken);
        var culture = await billing.CultureAsync(cancellationToken);
        var rows = await ledger.EntriesAsync(customer.CustomerId, null, null, cancellationToken);
        model["entries"] = rows
            .Where(e => e.Kind is LedgerEntryKind.Payment or LedgerEntryKind.Refund ? settings.ShowPaymentsInHistory : settings.ShowChargesInHistory)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => PortalBillingModel.Entry(e, culture)).ToList();
        model["shows_charges"] = settings.ShowChargesInHistory;
        model["shows_payments"] = settings.ShowPaymentsInHistory;
    }
}
