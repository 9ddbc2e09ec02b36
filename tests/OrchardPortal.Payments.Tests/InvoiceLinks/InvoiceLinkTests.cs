using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Invoices;
using OrchardPortal.Core.Data;
using OrchardPortal.Payments.Gateways.Sandbox;
using OrchardPortal.Payments.InvoiceLinks;
using OrchardPortal.Payments.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Payments.Tests.InvoiceLinks;

/// <summary>The emailed invoice link: staff send it, anyone holding it sees and pays that one invoice without signing in.</summary>
public sealed class InvoiceLinkTests(PaymentsApp app) : IClassFixture<PaymentsApp>
{
    [Fact]
    public async Task The_emailed_link_opens_only_its_invoice_without_signing_in()
    {
        var (payer, link, numbers) = await EmailedAsync();
        var visitor = app.CreateClient(payer.Tenant.Host);

        var page = await visitor.GetAsync(link);
        var invoices = await visitor.GetAsync("/invoices");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Invoice " + numbers[0], html, StringComparison.Ordinal);
        Assert.Contains("$125.00", html, StringComparison.Ordinal);
        Assert.Contains("Pay now", html, StringComparison.Ordinal);
        Assert.DoesNotContain(numbers[1], html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"method\" value=\"saved:", html, StringComparison.Ordinal);
        // The link signs nobody in: the portal's own pages still ask for a sign-in.
        Assert.DoesNotContain(numbers[0], await invoices.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paying_through_the_link_records_the_payment_and_the_link_then_shows_it_paid_with_the_receipt()
    {
        var (payer, link, _) = await EmailedAsync();
        var visitor = app.CreateClient(payer.Tenant.Host);
        var html = await visitor.GetStringAsync(link);

        var response = await visitor.PostFormWithTokenAsync(link, InvoiceLinkMail.FormOf(html, "125.00", Payer.Card("4242 4242 4242 4242")), FormPosting.AntiforgeryToken(html));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receiptUrl = response.Headers.Location!.OriginalString;
        Assert.StartsWith(link + "/receipt/", receiptUrl, StringComparison.Ordinal);
        var receipt = WebUtility.HtmlDecode(await visitor.GetStringAsync(receiptUrl));
        Assert.Contains("Payment received", receipt, StringComparison.Ordinal);
        Assert.Contains("Visa •••• 4242", receipt, StringComparison.Ordinal);
        Assert.Equal(6_000, await payer.BalanceAsync());
        var after = WebUtility.HtmlDecode(await visitor.GetStringAsync(link));
        Assert.Contains("This invoice is paid", after, StringComparison.Ordinal);
        Assert.Contains(receiptUrl, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Pay now", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_opens_nothing_on_another_tenants_host()
    {
        var (_, link, _) = await EmailedAsync();
        var other = await app.CreateTenantAsync();

        var response = await app.CreateClient(other.Host).GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("short")]
    [InlineData("junk")]
    public async Task A_tampered_or_unknown_token_shows_the_themed_not_found_page(string how)
    {
        var (payer, link, numbers) = await EmailedAsync();
        var token = link["/pay/link/".Length..];
        var tampered = how switch
        {
            "flip" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "short" => token[..20],
            _ => "../../admin",
        };

        var response = await app.CreateClient(payer.Tenant.Host).GetAsync("/pay/link/" + Uri.EscapeDataString(tampered));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(numbers[0], html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("125.01")]
    [InlineData("185.00")]
    [InlineData("0.50")]
    public async Task An_amount_outside_the_invoice_balance_and_minimum_is_refused_and_nothing_is_charged(string amount)
    {
        var (payer, link, _) = await EmailedAsync();
        var visitor = app.CreateClient(payer.Tenant.Host);
        var html = await visitor.GetStringAsync(link);
        // A second invoice smuggled into the form is not read: the link pays its own invoice only.
        var fields = InvoiceLinkMail.FormOf(html, amount, Payer.Card("4242424242424242"));
        fields.Add(new("invoice", payer.InvoiceIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var response = await visitor.PostFormWithTokenAsync(link, fields, FormPosting.AntiforgeryToken(html));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("pay-amount-error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await SandboxPaymentsAsync(payer));
        Assert.Equal(18_500, await payer.BalanceAsync());
    }

    [Fact]
    public async Task A_saved_method_cannot_be_used_through_the_link()
    {
        var (payer, link, _) = await EmailedAsync();
        await payer.PayAsync([payer.InvoiceIds[1]], "60.00", [.. Payer.Card("4242424242424242"), new("save_method", "true")]);
        var saved = await app.InTenantAsync(payer.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SandboxMethod>().Where(m => m.GatewayCustomerId != null).Select(m => m.Id).FirstAsync());
        var visitor = app.CreateClient(payer.Tenant.Host);
        var html = await visitor.GetStringAsync(link);

        var response = await visitor.PostFormWithTokenAsync(link, InvoiceLinkMail.FormOf(html, "125.00", [new("method", "saved:" + saved)]), FormPosting.AntiforgeryToken(html));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(1, await SandboxPaymentsAsync(payer));
        Assert.Equal(12_500, await payer.BalanceAsync());
    }

    [Fact]
    public async Task Two_concurrent_pays_through_the_link_charge_once()
    {
        var (payer, link, _) = await EmailedAsync();
        var visitor = app.CreateClient(payer.Tenant.Host);
        var html = await visitor.GetStringAsync(link);
        var fields = InvoiceLinkMail.FormOf(html, "125.00", Payer.Card("4242424242424242"));
        var token = FormPosting.AntiforgeryToken(html);

        var responses = await Task.WhenAll(visitor.PostFormWithTokenAsync(link, fields, token), visitor.PostFormWithTokenAsync(link, fields, token));

        // One charge, one payment, and both requests land on its receipt, whichever arrives after it was recorded.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await SandboxPaymentsAsync(payer));
        Assert.Equal(1, await payer.PaymentCountAsync());
        Assert.Equal(6_000, await payer.BalanceAsync());
    }

    [Fact]
    public async Task Sending_the_links_form_again_after_its_payment_was_recorded_shows_the_same_receipt()
    {
        var (payer, link, _) = await EmailedAsync();
        var visitor = app.CreateClient(payer.Tenant.Host);
        var html = await visitor.GetStringAsync(link);
        var fields = InvoiceLinkMail.FormOf(html, "125.00", Payer.Card("4242424242424242"));
        var token = FormPosting.AntiforgeryToken(html);
        var first = await visitor.PostFormWithTokenAsync(link, fields, token);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(1, await payer.PaymentCountAsync());

        // The invoice is paid now; the same form (a back button, a resubmit) is its own payment, not a new one.
        var again = await visitor.PostFormWithTokenAsync(link, fields, token);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await SandboxPaymentsAsync(payer));
        Assert.Equal(1, await payer.PaymentCountAsync());
    }

    [Fact]
    public async Task A_declined_card_on_the_link_says_why_and_records_nothing()
    {
        var (payer, link, _) = await EmailedAsync();
        var visitor = app.CreateClient(payer.Tenant.Host);
        var html = await visitor.GetStringAsync(link);

        var response = await visitor.PostFormWithTokenAsync(link, InvoiceLinkMail.FormOf(html, "125.00", Payer.Card("4000 0000 0000 0002")), FormPosting.AntiforgeryToken(html));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Your payment didn’t go through", page, StringComparison.Ordinal);
        Assert.Contains("Try again", page, StringComparison.Ordinal);
        Assert.Equal(0, await payer.PaymentCountAsync());
    }

    [Fact]
    public async Task A_voided_invoices_link_says_it_was_cancelled_and_takes_no_payment()
    {
        var (payer, link, _) = await EmailedAsync();
        var visitor = app.CreateClient(payer.Tenant.Host);
        var html = await visitor.GetStringAsync(link);
        await app.InTenantAsync(payer.Tenant, async sp => (await sp.GetRequiredService<InvoiceService>().VoidAsync(payer.InvoiceIds[0], "Duplicate", CancellationToken.None)).Succeeded);

        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync(link));
        var posted = await visitor.PostFormWithTokenAsync(link, InvoiceLinkMail.FormOf(html, "125.00", Payer.Card("4242424242424242")), FormPosting.AntiforgeryToken(html));

        Assert.Contains("This invoice was cancelled", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Equal(0, await SandboxPaymentsAsync(payer));
    }

    [Fact]
    public async Task The_link_shows_no_receipt_of_another_invoice()
    {
        var (payer, link, _) = await EmailedAsync();
        var paid = await payer.PayAsync([payer.InvoiceIds[1]], "60.00", Payer.Card("4242424242424242"));
        var attemptId = paid.Headers.Location!.OriginalString.Split('/')[^1];

        var response = await app.CreateClient(payer.Tenant.Host).GetAsync(link + "/receipt/" + attemptId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_email_a_draft_or_an_invoice_of_a_customer_without_an_email_address()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignInAsync(tenant);
        var draft = await app.InTenantAsync(tenant, async sp =>
        {
            var customer = await sp.GetRequiredService<OrchardPortal.Customers.Services.CustomerService>().CreateAsync(new() { FirstName = "No", LastName = "Mail" }, CancellationToken.None);
            var created = await sp.GetRequiredService<InvoiceService>().CreateAsync(new()
            {
                CustomerId = customer.CustomerId,
                IssueDate = TenantDate.Today,
                EndDate = TenantDate.Today.AddDays(10),
                Lines = [new() { Description = "Weeding", Quantity = 1, UnitPrice = 4_000 }],
            }, CancellationToken.None);
            return created.Id;
        });

        var asDraft = await InvoiceLinkMail.SendAsync(staff, draft);
        await app.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<InvoiceService>().IssueAsync(draft, CancellationToken.None)).Succeeded);
        var noAddress = await InvoiceLinkMail.SendAsync(staff, draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, asDraft.StatusCode);
        Assert.Contains("Issue the invoice before emailing it", await asDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAddress.StatusCode);
        Assert.Contains("has no email address", await noAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<InvoiceLink>().CountAsync()));
    }

    /// <summary>A customer with two open invoices; staff email the first from its admin page; the link from the email.</summary>
    private async Task<(Payer Payer, string Link, string[] Numbers)> EmailedAsync()
    {
        var payer = await Payer.CreateAsync(app, await app.CreateTenantAsync());
        var numbers = await app.InTenantAsync(payer.Tenant, async sp =>
        {
            var invoices = sp.GetRequiredService<InvoiceService>();
            return new[] { (await invoices.GetAsync(payer.InvoiceIds[0], CancellationToken.None))!.Number, (await invoices.GetAsync(payer.InvoiceIds[1], CancellationToken.None))!.Number };
        });
        var staff = await app.SignInAsync(payer.Tenant);
        var details = await staff.GetStringAsync($"/admin/invoices/{payer.InvoiceIds[0]}");
        Assert.Contains($"/admin/invoices/{payer.InvoiceIds[0]}/email", details, StringComparison.Ordinal);

        var sent = await InvoiceLinkMail.SendAsync(staff, payer.InvoiceIds[0]);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return (payer, await InvoiceLinkMail.LinkAsync(app.Mail, payer.Email, numbers[0]), numbers);
    }

    private Task<int> SandboxPaymentsAsync(Payer payer) =>
        app.InTenantAsync(payer.Tenant, sp => sp.GetRequiredService<TenantDbContext>().Set<SandboxPayment>().CountAsync());
}
