using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrchardPortal.Billing.Estimates;
using OrchardPortal.Billing.Models;
using OrchardPortal.Billing.Services;
using OrchardPortal.Billing.Tests.Infrastructure;
using OrchardPortal.Web.Testing;

namespace OrchardPortal.Billing.Tests;

public sealed class EstimateTests(SqliteBillingApp app) : IClassFixture<SqliteBillingApp>
{
    [Fact]
    public async Task Approving_records_the_typed_name_time_and_address_and_emails_the_office()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await SentEstimateAsync(staff, customer.AccountNumber);

        var result = await Estimates(tenant, e => e.ApproveAsync(customer.Id, id, "  Marisol Ortega ", "203.0.113.7", CancellationToken.None));

        Assert.True(result.Succeeded, result.Message);
        var estimate = (await Estimates(tenant, e => e.GetAsync(id, CancellationToken.None)))!;
        Assert.Equal((EstimateStatus.Approved, "Marisol Ortega", "203.0.113.7"), (estimate.Status, estimate.SignedName, estimate.DecidedIp));
        Assert.NotNull(estimate.DecidedUtc);
        var mail = await app.Mail.WaitForMailAsync(m => m.To.Contains(tenant.OwnerEmail) && m.Subject.Contains(estimate.Number, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("approved", mail[0].Subject, StringComparison.Ordinal);
        Assert.Contains("203.0.113.7", mail[0].Text, StringComparison.Ordinal);
        Assert.Contains("Approved by", (await staff.PageAsync(BillingPaths.Estimate(id))).TextOf("decision"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_keeps_the_comment_and_a_decided_estimate_cannot_be_decided_again()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var id = await SentEstimateAsync(staff, customer.AccountNumber);

        var declined = await Estimates(tenant, e => e.DeclineAsync(customer.Id, id, "Too pricey <b>this year</b>", "198.51.100.2", CancellationToken.None));
        var again = await Estimates(tenant, e => e.ApproveAsync(customer.Id, id, "Marisol Ortega", "198.51.100.2", CancellationToken.None));

        Assert.True(declined.Succeeded);
        Assert.Equal("You already declined estimate EST-000001.", again.Message);
        var mail = await app.Mail.WaitForMailAsync(m => m.To.Contains(tenant.OwnerEmail) && m.Subject.Contains("declined", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("&lt;b&gt;this year&lt;/b&gt;", mail[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customer_cannot_decide_an_estimate_and_an_empty_signature_is_refused()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var other = await app.CustomerAsync(tenant, "Desmond", "Achterberg");
        var id = await SentEstimateAsync(staff, customer.AccountNumber);

        var stranger = await Estimates(tenant, e => e.ApproveAsync(other.Id, id, "Desmond Achterberg", null, CancellationToken.None));
        var unsigned = await Estimates(tenant, e => e.ApproveAsync(customer.Id, id, "   ", null, CancellationToken.None));

        Assert.True(stranger.NotFound);
        Assert.Equal("Type your full name to approve.", unsigned.Errors["SignedName"]);
        Assert.Equal(EstimateStatus.Sent, (await Estimates(tenant, e => e.GetAsync(id, CancellationToken.None)))!.Status);
    }

    [Fact]
    public async Task A_sent_estimate_past_its_expiry_date_reads_expired_and_cannot_be_approved()
    {
        var (tenant, staff) = await app.NewTenantAsync();
        var customer = await app.CustomerAsync(tenant);
        var fields = InvoiceAdminTests.Form(customer.AccountNumber, ("Aeration", "1", "120.00", "")).With("Input.IssueDate", "2020-03-01").With("Input.EndDate", "2020-03-31");
        var id = await CreateAndSendAsync(staff, fields);

        var result = await Estimates(tenant, e => e.ApproveAsync(customer.Id, id, "Marisol Ortega", null, CancellationToken.None));

        Assert.Contains("expired", result.Message, StringComparison.Ordinal);
        Assert.Equal("Expired", (await staff.PageAsync(BillingPaths.Estimate(id))).TextOf("estimate-status"));
    }

    private static async Task<long> SentEstimateAsync(HttpClient staff, string account)
    {
        var today = TenantDate.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var end = TenantDate.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await CreateAndSendAsync(staff, InvoiceAdminTests.Form(account, ("Boxwood shrubs, planted", "6", "48.00", "6.25")).With("Input.IssueDate", today).With("Input.EndDate", end));
    }

    private static async Task<long> CreateAndSendAsync(HttpClient staff, List<KeyValuePair<string, string>> fields)
    {
        var created = await staff.PostFormAsync(BillingPaths.NewEstimate, fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var sent = await staff.PostFormAsync(url, [], url + "?handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return long.Parse(url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<T> Estimates<T>(Web.Testing.TenantHandle tenant, Func<EstimateService, Task<T>> action) =>
        app.InTenantAsync(tenant, sp => action(sp.GetRequiredService<EstimateService>()));
}
