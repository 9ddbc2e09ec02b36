using Microsoft.AspNetCore.Mvc;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Services;

namespace OrchardPortal.Billing.Pages.Admin.Billing;

/// <summary>
/// The balance panel on the customer's page in the Customers module, which cannot reference this one:
/// it invokes the component by name (<c>CustomerAccountSummary</c>) when the component exists.
/// </summary>
[ViewComponent(Name = Name)]
public sealed class CustomerAccountSummaryViewComponent(BillingLedger ledger, BillingContext billing) : ViewComponent
{
    public const string Name = "CustomerAccountSummary";

    public async Task<IViewComponentResult> InvokeAsync(long customerId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var balance = await ledger.GetBalanceAsync(customerId, cancellationToken);
        var money = await billing.FormatterAsync(cancellationToken);
        return View(new CustomerAccountSummary(customerId, money(balance), balance));
    }
}

public sealed record CustomerAccountSummary(long CustomerId, string Balance, long BalanceMinor);
