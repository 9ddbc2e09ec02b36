using System.Net;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests;

/// <summary>Staff's invoice pages through the real host: forms, validation, payments, concurrency, isolation.</summary>
public sealed class InvoiceAdminTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    [Fact]
    public async Task A_new_invoice_gets_its_totals_from_the_server_not_the_form()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);

        var response = await staff.PostFormAsync(BillingPaths.NewInvoice, Form(customer.AccountNumber,
            ("Weekly mowing", "4", "45.00", "8.25"),
            ("Hedge trimming (hours)", "1.5", "45.50", "")).With("Input.Total", "1.00").With("Total", "1.00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await staff.PageAsync(response.Headers.Location!.OriginalString);
        // 4 × 45.00 = 180.00, tax 14.85; 1.5 × 45.50 = 68.25 → 248.25 + 14.85.
        Assert.Equal(("$248.25", "$14.85", "$263.10", "Draft"), (page.TextOf("subtotal"), page.TextOf("tax"), page.TextOf("total"), page.TextOf("invoice-status")));
    }

    [Fact]
    public async Task Unreadable_input_is_answered_with_messages_on_the_fields_not_an_error_page()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        await app.CustomerAsync(tenant);

        var response = await staff.PostFormAsync(BillingPaths.NewInvoice, Form("NOPE-1", ("", "many", "12.345", "ten")).With("Input.IssueDate", "2026-13-45"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("No customer has account number", page.FieldError("customer"), StringComparison.Ordinal);
        Assert.Equal("Enter a date.", page.FieldError("issue-date"));
        Assert.Contains("quantity as a number", page.FieldError("lines-0-quantity"), StringComparison.Ordinal);
        Assert.Contains("price as an amount", page.FieldError("lines-0-unitprice"), StringComparison.Ordinal);
        Assert.Contains("tax rate", page.FieldError("lines-0-taxrate"), StringComparison.Ordinal);
        Assert.Equal(0, (await app.InvoicesAsync(tenant, i => i.SearchAsync(new(), CancellationToken.None))).TotalCount);
    }

    [Fact]
    public async Task A_due_date_before_the_invoice_date_and_a_negative_price_are_refused()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);

        var response = await staff.PostFormAsync(BillingPaths.NewInvoice, Form(customer.AccountNumber, ("Mowing", "1", "-5.00", ""))
            .With("Input.IssueDate", "2026-05-10").With("Input.EndDate", "2026-05-01"));

        var page = await response.DocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The due date can't be before the date.", page.FieldError("end-date"));
        Assert.Equal("Enter a price of 0 or more.", page.FieldError("lines-0-unitprice"));
    }

    [Fact]
    public async Task An_offline_payment_above_the_balance_is_refused_with_a_clear_message()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);

        var response = await staff.PostFormAsync(BillingPaths.Invoice(id) + "?action=payment", Payment("60.00", "check", "1042"), BillingPaths.Invoice(id) + "?handler=Payment");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Equal("That is more than the balance of $50.00. Record at most the balance.", page.FieldError("payment-amount"));
        Assert.Equal(5000, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customer.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_partial_check_payment_leaves_the_invoice_partially_paid_and_submitting_twice_records_once()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var form = await staff.PageAsync(BillingPaths.Invoice(id) + "?action=payment");
        var key = form.QuerySelector("input[name='Payment.Key']")!.GetAttribute("value")!;
        var token = FormPosting.AntiforgeryToken(form.DocumentElement.OuterHtml);
        var fields = Payment("20.00", "check", "1042").With("Payment.Key", key);

        var first = await staff.PostFormWithTokenAsync(BillingPaths.Invoice(id) + "?handler=Payment", fields, token);
        var second = await staff.PostFormWithTokenAsync(BillingPaths.Invoice(id) + "?handler=Payment", fields, token);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var page = await staff.PageAsync(BillingPaths.Invoice(id));
        Assert.Equal(("Partially paid", "$30.00"), (page.TextOf("invoice-status"), page.TextOf("balance")));
        Assert.Single(await app.LedgerAsync(tenant, l => l.PaymentsAsync(customer.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused_and_keeps_what_was_typed()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var editUrl = BillingPaths.EditInvoice(id);
        var mine = await staff.PageAsync(editUrl);
        var token = FormPosting.AntiforgeryToken(mine.DocumentElement.OuterHtml);
        var stale = mine.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(editUrl, Form(customer.AccountNumber, ("Their change", "1", "70.00", "")).With("Version", stale))).StatusCode);

        var response = await staff.PostFormWithTokenAsync(editUrl, Form(customer.AccountNumber, ("My careful wording", "2", "30.00", "")).With("Version", stale), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("Someone else changed this", page.Alert(), StringComparison.Ordinal);
        Assert.Equal("My careful wording", page.GetElementById("lines-0-description")!.GetAttribute("value"));
        var saved = (await app.InvoicesAsync(tenant, i => i.GetAsync(id, CancellationToken.None)))!;
        Assert.Equal(("Their change", 7000L), (saved.Lines[0].Description, saved.Total));
    }

    [Fact]
    public async Task Voiding_needs_a_reason_and_then_shows_the_invoice_void()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await app.IssuedInvoiceAsync(tenant, customer.Id, 5000);
        var page = BillingPaths.Invoice(id) + "?action=void";

        var blank = await staff.PostFormAsync(page, [new("VoidReason", " ")], BillingPaths.Invoice(id) + "?handler=Void");
        var voided = await staff.PostFormAsync(page, [new("VoidReason", "Duplicate of last week's")], BillingPaths.Invoice(id) + "?handler=Void");

        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("Say why", (await blank.DocumentAsync()).FieldError("void-reason"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);
        Assert.Equal("Void", (await staff.PageAsync(BillingPaths.Invoice(id))).TextOf("invoice-status"));
        Assert.Equal(0, await app.LedgerAsync(tenant, l => l.GetBalanceAsync(customer.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task The_list_finds_invoices_by_customer_name_and_by_status()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var marisol = await app.CustomerAsync(tenant);
        var desmond = await app.CustomerAsync(tenant, "Desmond", "Achterberg");
        await app.IssuedInvoiceAsync(tenant, marisol.Id, 5000);
        var paid = await app.IssuedInvoiceAsync(tenant, desmond.Id, 2000);
        await app.LedgerAsync(tenant, l => l.RecordPaymentAsync(LedgerTests.Payment(desmond.Id, 2000, "p"), CancellationToken.None));

        var byName = await staff.PageAsync(BillingPaths.Invoices + "?q=achter");
        var byStatus = await staff.PageAsync(BillingPaths.Invoices + "?status=Paid");
        var nonsense = await staff.PageAsync(BillingPaths.Invoices + "?status=42&p=-3");

        Assert.Equal(["Desmond Achterberg"], byName.QuerySelectorAll("table.invoices tbody td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.Equal([paid.ToString(System.Globalization.CultureInfo.InvariantCulture)], byStatus.QuerySelectorAll("table.invoices tbody a").Select(a => a.GetAttribute("href")!.Split('/').Last()));
        Assert.Equal(2, nonsense.QuerySelectorAll("table.invoices tbody tr").Length);
    }

    [Fact]
    public async Task Another_tenant_cannot_open_or_list_an_invoice()
    {
        var (tenantA, _) = await app.NewTenantAsync();
        var (_, staffB) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenantA);
        var id = await app.IssuedInvoiceAsync(tenantA, customer.Id, 5000);

        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(BillingPaths.Invoice(id))).StatusCode);
        Assert.Empty((await staffB.PageAsync(BillingPaths.Invoices)).QuerySelectorAll("table.invoices tbody tr"));
    }

    internal static List<KeyValuePair<string, string>> Form(string account, params (string Description, string Quantity, string Price, string Tax)[] lines)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.CustomerAccount", account),
            new("Input.Number", ""),
            new("Input.IssueDate", "2026-05-01"),
            new("Input.EndDate", "2026-05-31"),
            new("Input.Notes", "Thank you!"),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            fields.Add(new($"Input.Lines[{i}].Description", lines[i].Description));
            fields.Add(new($"Input.Lines[{i}].Quantity", lines[i].Quantity));
            fields.Add(new($"Input.Lines[{i}].UnitPrice", lines[i].Price));
            fields.Add(new($"Input.Lines[{i}].TaxRate", lines[i].Tax));
        }

        return fields;
    }

    private static List<KeyValuePair<string, string>> Payment(string amount, string method, string checkNumber) =>
    [
        new("Payment.Amount", amount),
        new("Payment.Method", method),
        new("Payment.CheckNumber", checkNumber),
        new("Payment.ReceivedDate", "2026-05-03"),
        new("Payment.Note", ""),
        new("Payment.Key", "staff:" + Guid.NewGuid().ToString("N")),
    ];
}

internal static class FormFields
{
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }
}
