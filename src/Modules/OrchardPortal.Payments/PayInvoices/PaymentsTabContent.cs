using System.Globalization;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;
using OrchardPortal.Payments.Attempts;
using OrchardPortal.Payments.SavedMethods;
using OrchardPortal.Portal.Models;
using OrchardPortal.Portal.Services;
using LedgerMethod = OrchardPortal.Billing.Models.PaymentMethodKind;

namespace OrchardPortal.Payments.PayInvoices;

/// <summary>
/// The Payments tab: what is owed with "Pay now" per open invoice and for the whole balance, and the payments
/// received (newest first). Amounts in minor units for the <c>money</c> filter; the Pay page recomputes everything.
/// </summary>
internal sealed class PaymentsTabContent(BillingLedger ledger, BillingContext billing) : IPortalTabContent
{
    public string TabKey => PortalTabs.Payments.Key;

    public async Task ContributeAsync(PortalCustomer customer, IDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var culture = await billing.CultureAsync(cancellationToken);
        var open = await ledger.OpenInvoicesAsync(customer.CustomerId, cancellationToken);
        model["balance"] = await ledger.GetBalanceAsync(customer.CustomerId, cancellationToken);
        model["can_pay"] = customer.CanPay;
        model["pay_balance_url"] = PayPaths.Pay;
        model["methods_url"] = SavedMethodsPages.Path;
        model["open_invoices"] = open.Select(i => new Dictionary<string, object?>
        {
            ["id"] = i.Id,
            ["number"] = i.Number,
            ["due_date"] = i.DueDate.ToString("MMM d, yyyy", culture),
            ["balance"] = i.Balance,
            ["pay_url"] = PayPaths.Pay + "?invoice=" + i.Id.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        model["received_payments"] = (await ledger.PaymentsAsync(customer.CustomerId, cancellationToken)).Select(p => new Dictionary<string, object?>
        {
            ["date"] = p.ReceivedDate.ToString("MMM d, yyyy", culture),
            ["amount"] = p.Amount,
            ["refunded"] = p.RefundedAmount,
            ["method"] = p.Method switch
            {
                LedgerMethod.Card => "Card",
                LedgerMethod.Ach => "Bank account",
                var other => other.ToString(),
            },
            ["reference"] = p.ExternalReference,
        }).ToList();
    }
}
