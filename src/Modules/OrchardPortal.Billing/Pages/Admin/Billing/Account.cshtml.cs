using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Billing.Ledger;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Statements;
using OrchardPortal.Core.Hosting;

namespace OrchardPortal.Billing.Pages.Admin.Billing;

/// <summary>
/// A customer's account for staff: the balance (the ledger's sum), the statement for a date range with
/// its PDF, their invoices and payments. <c>?from=</c>/<c>?to=</c> choose the range; a bad range is a
/// message on the page, never an error.
/// </summary>
[SiteScope(Site.Tenant)]
public sealed class CustomerAccountModel(StatementService statements, BillingLedger ledger, InvoiceService invoices) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public Statement Statement { get; private set; } = null!;

    public long Balance { get; private set; }

    public string? RangeError { get; private set; }

    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];

    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var (from, to, error) = await statements.RangeAsync(From, To, cancellationToken);
        var statement = await statements.BuildAsync(id, from, to, cancellationToken);
        if (statement is null)
        {
            return NotFound();
        }

        (Statement, RangeError) = (statement, error);
        Balance = await ledger.GetBalanceAsync(id, cancellationToken);
        Invoices = (await invoices.SearchAsync(new InvoiceQuery { CustomerId = id }, cancellationToken)).Items;
        Payments = await ledger.PaymentsAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>The statement as a PDF download (same range rules as the page).</summary>
    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken cancellationToken)
    {
        var (from, to, _) = await statements.RangeAsync(From, To, cancellationToken);
        var statement = await statements.BuildAsync(id, from, to, cancellationToken);
        return statement is null ? NotFound() : File(StatementPdf.Render(statement), "application/pdf", StatementPdf.FileName(statement));
    }
}
